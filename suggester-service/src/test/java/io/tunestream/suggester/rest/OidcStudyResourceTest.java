package io.tunestream.suggester.rest;

import static io.restassured.RestAssured.given;
import static io.tunestream.testing.ApiTestTokens.authorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.tunestream.kafka.embedded.KafkaTestResource;
import io.tunestream.suggester.recovery.RecoveryState;
import io.tunestream.testing.LocalIdentityProvider;
import io.tunestream.testing.TestJwts;

/**
 * The suggester with OIDC enabled (quarkus-oidc verifying with {@link LocalIdentityProvider}'s key, no
 * network): a token of the identity provider with the writer role creates and stops a study; without
 * the role, expired, or from another issuer it changes nothing; the static token of the test profile
 * keeps working next to it.
 */
@QuarkusTest
@TestProfile(OidcStudyResourceTest.OidcEnabled.class)
@WithTestResource(KafkaTestResource.class)
class OidcStudyResourceTest {

    /** OIDC on, next to the static test token. */
    public static final class OidcEnabled implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalIdentityProvider.class));
        }
    }

    static final String SPEC = """
            name: oidc-test
            objective: {metric: val_loss, direction: minimize}
            searchSpace:
              lr: {type: float, low: 0.0001, high: 0.1, log: true}
            algorithm: {name: random}
            budget: {maxTrials: 3, maxParallel: 1, maxEpochs: 2}
            trainer: {backend: synthetic, settings: {epochMillis: 10}}
            seed: 7
            """;

    @Inject
    RecoveryState recovery;

    @BeforeEach
    void awaitRecovery() {
        assertThat(recovery.await(Duration.ofSeconds(60))).as("recovery done").isTrue();
    }

    @Test
    void aWriterTokenOfTheIdentityProviderCreatesAndStopsAStudy() {
        var writer = TestJwts.sign(TestJwts.validClaims(), LocalIdentityProvider.privateKey());
        String studyId = bearer(writer).contentType("application/yaml").body(SPEC.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/studies")
                .then().statusCode(201).body("state", equalTo("RUNNING"))
                .extract().path("studyId");
        bearer(writer).when().get("/api/studies/" + studyId).then().statusCode(200);
        bearer(writer).when().post("/api/studies/" + studyId + "/stop").then().statusCode(200).body("state", equalTo("STOPPED"));
    }

    @Test
    void tokensWithoutTheRoleExpiredOrFromAnotherIssuerChangeNothing() {
        var claims = TestJwts.validClaims();
        claims.put("groups", List.of("tunestream-reader"));
        var reader = TestJwts.sign(claims, LocalIdentityProvider.privateKey());
        bearer(reader).contentType("application/yaml").body(SPEC.getBytes(StandardCharsets.UTF_8)).when().post("/api/studies")
                .then().statusCode(403).header("WWW-Authenticate", "Bearer realm=\"tunestream\", error=\"insufficient_scope\"");
        // Reads are protected by the profile, and a valid token without the role may read.
        bearer(reader).when().get("/api/studies").then().statusCode(200);
        given().when().get("/api/studies").then().statusCode(401);

        var expired = TestJwts.validClaims();
        expired.put("exp", Instant.now().getEpochSecond() - 60);
        var wrongIssuer = TestJwts.validClaims();
        wrongIssuer.put("iss", "https://elsewhere.example.test/realms/tunestream");
        for (var claimsOfAToken : List.of(expired, wrongIssuer)) {
            bearer(TestJwts.sign(claimsOfAToken, LocalIdentityProvider.privateKey())).contentType("application/yaml")
                    .body(SPEC.getBytes(StandardCharsets.UTF_8)).when().post("/api/studies")
                    .then().statusCode(401).header("WWW-Authenticate", "Bearer realm=\"tunestream\", error=\"invalid_token\"");
        }
        bearer(TestJwts.sign(TestJwts.validClaims(), TestJwts.newKeyPair().getPrivate())).when().post("/api/studies/nope/stop")
                .then().statusCode(401);
    }

    @Test
    void theStaticTokenStillWorksNextToOidc() {
        String studyId = authorized().contentType("application/yaml").body(SPEC.replace("oidc-test", "oidc-static").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/studies")
                .then().statusCode(201)
                .extract().path("studyId");
        authorized().when().post("/api/studies/" + studyId + "/stop").then().statusCode(200);
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
