package io.tunestream.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/**
 * The bearer token the services accept in their {@code %test} profile ({@code %test.tunestream.api.tokens}
 * in each service's application.properties): tests that change something send it, tests of the
 * authentication leave it out.
 */
public final class ApiTestTokens {

    public static final String TOKEN = "test-api-token-0123456789abcdef";
    public static final String AUTHORIZATION = "Bearer " + TOKEN;

    private ApiTestTokens() {
    }

    /** {@code given()} with {@code Authorization: Bearer <TOKEN>}. */
    public static RequestSpecification authorized() {
        return given().header("Authorization", AUTHORIZATION);
    }
}
