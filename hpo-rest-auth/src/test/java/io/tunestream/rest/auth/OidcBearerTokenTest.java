package io.tunestream.rest.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.tunestream.testing.LocalIdentityProvider;
import io.tunestream.testing.TestJwts;

/**
 * OIDC enabled next to a static token, against a real Quarkus server: quarkus-oidc verifies the tokens
 * with the public key of {@link LocalIdentityProvider} (no network), changes need the role or scope
 * {@code tunestream-writer} (or {@code tunestream-admin}), and reads are protected but need no role.
 */
@QuarkusTest
@TestProfile(OidcBearerTokenTest.OidcEnabled.class)
class OidcBearerTokenTest {

    /** OIDC on, with the local identity provider's key, issuer and audience. */
    public static final class OidcEnabled implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalIdentityProvider.class));
        }
    }

    static final String STATIC_TOKEN = "static-test-token-0123456789abcdef";

    PrivateKey key;

    @BeforeEach
    void readTheProvidersKey() {
        key = LocalIdentityProvider.privateKey();
    }

    @Test
    void aValidTokenWithTheWriterRoleMayChangeAndRead() {
        var token = TestJwts.sign(TestJwts.validClaims(), key);
        bearer(token).body("study").when().post("/api/probe").then().statusCode(200).body(equalTo("changed study"));
        bearer(token).when().delete("/api/probe").then().statusCode(200);
        bearer(token).when().get("/api/probe").then().statusCode(200).body(equalTo("read"));
    }

    @Test
    void theRoleMayComeAsAnOAuthScopeOrAsAnotherConfiguredRole() {
        bearer(token(c -> {
            c.remove("groups");
            c.put("scope", "openid profile tunestream-writer");
        })).body("x").when().post("/api/probe").then().statusCode(200);
        bearer(token(c -> {
            c.remove("groups");
            c.put("scp", List.of("read", "tunestream-writer"));
        })).body("x").when().post("/api/probe").then().statusCode(200);
        bearer(token(c -> c.put("groups", List.of("tunestream-admin")))).body("x").when().post("/api/probe").then().statusCode(200);
    }

    @Test
    void aValidTokenWithoutTheRoleMayReadButNotChange() {
        var reader = token(c -> {
            c.put("groups", List.of("tunestream-reader"));
            c.put("scope", "openid tunestream-writers");
        });
        bearer(reader).when().get("/api/probe").then().statusCode(200);
        bearer(reader).body("x").when().post("/api/probe").then().statusCode(403)
                .header("WWW-Authenticate", "Bearer realm=\"tunestream\", error=\"insufficient_scope\"")
                .body("error", containsString("tunestream-admin, tunestream-writer"));
    }

    @Test
    void expiredWrongIssuerWrongAudienceAndNotYetValidTokensAreRefused() {
        long now = Instant.now().getEpochSecond();
        assertRefusedAsInvalid(token(c -> {
            c.put("iat", now - 3600);
            c.put("exp", now - 600);
        }));
        assertRefusedAsInvalid(token(c -> c.put("iss", "https://evil.example.test/realms/tunestream")));
        assertRefusedAsInvalid(token(c -> c.put("aud", "another-service")));
        assertRefusedAsInvalid(token(c -> {
            c.put("iat", now + 3600);
            c.put("nbf", now + 3600);
            c.put("exp", now + 7200);
        }));
    }

    @Test
    void aTokenSignedWithAnotherKeyOrUnsignedOrTamperedWithIsRefused() {
        assertRefusedAsInvalid(TestJwts.sign(TestJwts.validClaims(), TestJwts.newKeyPair().getPrivate()));
        assertRefusedAsInvalid(TestJwts.unsigned(TestJwts.validClaims()));
        // A genuine signature over other claims: the payload of a token for someone else, with more rights.
        var genuine = token(c -> c.put("groups", List.of("tunestream-reader"))).split("\\.");
        var forged = token(c -> c.put("groups", List.of("tunestream-admin"))).split("\\.");
        assertRefusedAsInvalid(genuine[0] + "." + forged[1] + "." + genuine[2]);
        assertRefusedAsInvalid("not-a-jwt-and-not-a-static-token");
    }

    @Test
    void staticTokensStillWorkNextToOidc() {
        given().header("Authorization", "Bearer " + STATIC_TOKEN).body("x").when().post("/api/probe").then().statusCode(200);
        given().header("Authorization", "Bearer " + STATIC_TOKEN).when().get("/api/probe").then().statusCode(200);
    }

    @Test
    void withoutAHeaderEvenReadsAreRefusedBecauseReadsAreProtectedHere() {
        given().when().get("/api/probe").then().statusCode(401).header("WWW-Authenticate", "Bearer realm=\"tunestream\"");
        given().body("x").when().post("/api/probe").then().statusCode(401)
                .body("error", equalTo("this request needs the header `Authorization: Bearer <token>`"));
    }

    private void assertRefusedAsInvalid(String token) {
        for (var request : List.of("GET", "POST")) {
            bearer(token).body("x").when().request(request, "/api/probe").then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer realm=\"tunestream\", error=\"invalid_token\"")
                    .body("error", containsString("nor a valid token of its identity provider"))
                    .body("error", org.hamcrest.Matchers.not(containsString(token)));
        }
    }

    private String token(Consumer<Map<String, Object>> change) {
        var claims = TestJwts.validClaims();
        change.accept(claims);
        return TestJwts.sign(claims, key);
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
