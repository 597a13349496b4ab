package io.tunestream.suggester.rest;

import static io.restassured.RestAssured.given;
import static io.tunestream.testing.ApiTestTokens.authorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.kafka.embedded.KafkaTestResource;

/** The REST API against a real broker: what a request publishes, and what it refuses. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class StudyResourceTest {

    @jakarta.inject.Inject
    io.tunestream.suggester.recovery.RecoveryState recovery;

    /** The API answers 503 until the studies are rebuilt from Kafka at start. */
    @org.junit.jupiter.api.BeforeEach
    void awaitRecovery() {
        assertThat(recovery.await(java.time.Duration.ofSeconds(60))).as("recovery done").isTrue();
    }

    static final String SPEC = """
            name: rest-test
            objective: {metric: val_loss, direction: minimize}
            searchSpace:
              lr: {type: float, low: 0.0001, high: 0.1, log: true}
              act: {type: categorical, choices: [relu, tanh]}
            algorithm: {name: random}
            budget: {maxTrials: 5, maxParallel: 2, maxEpochs: 3}
            trainer: {backend: synthetic, settings: {epochMillis: 10}}
            seed: 5
            """;

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;

    /**
     * Announces a 2 MB body and sends only the start of it: the server must refuse on the declared
     * length, before reading the body (a client streaming the whole body would see a reset instead).
     */
    private String statusOfOversizedPost() throws java.io.IOException {
        try (var socket = new java.net.Socket(root.getHost(), root.getPort())) {
            var out = socket.getOutputStream();
            out.write(bytes("POST /api/studies HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                    + "Authorization: " + io.tunestream.testing.ApiTestTokens.AUTHORIZATION + "\r\n"
                    + "Content-Length: 2000000\r\n\r\n" + "#".repeat(1000)));
            out.flush();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            return in.readLine();
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private List<String> read(String topic, String studyId, int expected) {
        var values = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap, "group.id", "t-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (studyId.equals(r.key())) {
                        values.add(r.value());
                    }
                });
            }
        }
        return values;
    }

    @Test
    void aYamlStudyIsCreatedAnnouncedAndItsFirstTrialsQueued() {
        String studyId = authorized().contentType("application/yaml").body(bytes(SPEC))
                .when().post("/api/studies")
                .then().statusCode(201)
                .body("state", equalTo("RUNNING"))
                .body("trialsSuggested", equalTo(2))
                .body("spec.seed", equalTo(5))
                .extract().path("studyId");
        assertThat(studyId).startsWith("rest-test-");

        var studies = read(Topics.STUDY_CHANGED, studyId, 1);
        assertThat(Json.read(studies.get(0), StudyChanged.class).spec().budget().maxTrials()).isEqualTo(5);
        var trials = read(Topics.TRIAL_SUGGESTED, studyId, 2).stream().map(v -> Json.read(v, TrialSuggested.class)).toList();
        assertThat(trials).extracting(TrialSuggested::trialNumber).containsExactly(0L, 1L);

        given().when().get("/api/studies/" + studyId).then().statusCode(200).body("trialsRunning", equalTo(2));
        given().when().get("/api/studies").then().statusCode(200).body("studyId", hasItem(studyId));
        authorized().when().post("/api/studies/" + studyId + "/stop").then().statusCode(200).body("state", equalTo("STOPPED"));
        authorized().when().post("/api/studies/" + studyId + "/stop").then().statusCode(409);
        assertThat(read(Topics.STUDY_CHANGED, studyId, 2)).hasSize(2);
    }

    @Test
    void jsonSpecsWorkToo() {
        var json = "{\"name\":\"json-test\",\"objective\":{\"metric\":\"acc\",\"direction\":\"maximize\"},"
                + "\"searchSpace\":{\"x\":{\"type\":\"int\",\"low\":1,\"high\":3}},\"algorithm\":{\"name\":\"grid\"},"
                + "\"budget\":{\"maxTrials\":10,\"maxParallel\":1,\"maxEpochs\":1},\"trainer\":{\"backend\":\"synthetic\"}}";
        authorized().contentType("application/json").body(json).when().post("/api/studies")
                .then().statusCode(201).body("trialsSuggested", equalTo(1));
    }

    @Test
    void anInvalidSpecGets400WithOneMessagePerFieldAndPublishesNothing() {
        var bad = SPEC.replace("low: 0.0001", "low: 0").replace("maxParallel: 2", "maxParallel: 0").replace("name: rest-test", "name: bad-spec");
        authorized().contentType("application/yaml").body(bytes(bad)).when().post("/api/studies")
                .then().statusCode(400)
                .body("errors.field", contains("searchSpace.lr.low", "budget.maxParallel"))
                .body("errors.message", contains("searchSpace.lr.low must be > 0 when log=true, but was 0",
                        "budget.maxParallel must be between 1 and 1000, but was 0"));
        given().when().get("/api/studies").then().body("spec.name", org.hamcrest.Matchers.not(hasItem("bad-spec")));
    }

    @Test
    void malformedUnsupportedAndOversizedRequestsAreRefused() throws Exception {
        authorized().contentType("application/yaml").body(bytes("name: [unclosed")).when().post("/api/studies")
                .then().statusCode(400).body("errors[0].message", equalTo("name must be a string, but was a list"));
        authorized().contentType("application/yaml").body(bytes("name: x\n  - : : [")).when().post("/api/studies")
                .then().statusCode(400).body("errors[0].message", org.hamcrest.Matchers.startsWith("the study spec is not valid YAML"));
        authorized().contentType("text/plain").body(bytes(SPEC)).when().post("/api/studies").then().statusCode(415);
        assertThat(statusOfOversizedPost()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        given().when().get("/api/studies/nope").then().statusCode(404).body("error", equalTo("no study with id nope"));
        authorized().when().post("/api/studies/nope/stop").then().statusCode(404);
    }

    @Test
    void changesWithoutAValidBearerTokenGet401AndPublishNothing() {
        var spec = SPEC.replace("name: rest-test", "name: unauthorized-test");
        given().contentType("application/yaml").body(bytes(spec)).when().post("/api/studies")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"tunestream\""))
                .body("error", equalTo("this request needs the header `Authorization: Bearer <token>`"));
        given().header("Authorization", "Bearer not-the-token-0123456789").contentType("application/yaml").body(bytes(spec))
                .when().post("/api/studies")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"tunestream\", error=\"invalid_token\""))
                .body("error", equalTo("the bearer token is not one of this service's API tokens"));
        given().header("Authorization", "Basic dXNlcjpwYXNzd29yZA==").contentType("application/yaml").body(bytes(spec))
                .when().post("/api/studies").then().statusCode(401);
        given().when().get("/api/studies").then().statusCode(200).body("spec.name", org.hamcrest.Matchers.not(hasItem("unauthorized-test")));

        // A study created with the token cannot be stopped without it.
        String studyId = authorized().contentType("application/yaml").body(bytes(spec)).when().post("/api/studies")
                .then().statusCode(201).extract().path("studyId");
        given().when().post("/api/studies/" + studyId + "/stop").then().statusCode(401);
        given().when().delete("/api/studies/" + studyId).then().statusCode(401);
        given().when().get("/api/studies/" + studyId).then().statusCode(200).body("state", equalTo("RUNNING"));
        authorized().when().post("/api/studies/" + studyId + "/stop").then().statusCode(200);
    }
}
