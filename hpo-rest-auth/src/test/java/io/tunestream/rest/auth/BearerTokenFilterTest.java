package io.tunestream.rest.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tunestream.testing.TestJwts;

/**
 * The default configuration against a real Quarkus server: static tokens only. quarkus-oidc is on the
 * class path but its tenant is off (no identity provider configured or contacted), and a well-formed,
 * signed JWT is just another unknown bearer token.
 */
@QuarkusTest
class BearerTokenFilterTest {

    static final String STATIC_TOKEN = "static-test-token-0123456789abcdef";

    @Test
    void changesNeedTheStaticTokenAndReadsAreOpen() {
        given().body("x").when().post("/api/probe").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"tunestream\"")
                .body("error", equalTo("this request needs the header `Authorization: Bearer <token>`"));
        given().header("Authorization", "Bearer " + STATIC_TOKEN).body("x").when().post("/api/probe")
                .then().statusCode(200).body(equalTo("changed x"));
        given().header("Authorization", "bearer " + STATIC_TOKEN).when().delete("/api/probe").then().statusCode(200);
        given().when().get("/api/probe").then().statusCode(200).body(equalTo("read"));
    }

    @Test
    void withOidcOffAValidLookingJwtIsRefusedAsBefore() {
        var jwt = TestJwts.sign(TestJwts.validClaims(), TestJwts.newKeyPair().getPrivate());
        given().header("Authorization", "Bearer " + jwt).body("x").when().post("/api/probe").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"tunestream\", error=\"invalid_token\"")
                .body("error", equalTo("the bearer token is not one of this service's API tokens"));
        // Reads stay open even with a token that would fail verification: nothing authenticates proactively.
        given().header("Authorization", "Bearer " + jwt).when().get("/api/probe").then().statusCode(200);
    }

    @Test
    void oidcIsOffByDefault() {
        var config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.oidc.tenant-enabled", Boolean.class)).isFalse();
        assertThat(config.getOptionalValue("quarkus.oidc.auth-server-url", String.class)).isEmpty();
        assertThat(config.getOptionalValue("tunestream.api.auth.oidc.enabled", Boolean.class)).isEmpty();
    }
}
