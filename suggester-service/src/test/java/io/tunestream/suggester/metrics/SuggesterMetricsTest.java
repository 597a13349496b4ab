package io.tunestream.suggester.metrics;

import io.tunestream.testing.MetricsScrape;

import static io.restassured.RestAssured.given;
import static io.tunestream.testing.ApiTestTokens.authorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tunestream.contracts.MetricNames;
import io.tunestream.contracts.Topics;
import io.tunestream.kafka.embedded.KafkaTestResource;

/** /q/metrics and /q/health of the suggester against a real broker: the names exist and the values move. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class SuggesterMetricsTest {

    @jakarta.inject.Inject
    io.tunestream.suggester.recovery.RecoveryState recovery;

    /** The API answers 503 until the studies are rebuilt from Kafka at start. */
    @org.junit.jupiter.api.BeforeEach
    void awaitRecovery() {
        assertThat(recovery.await(java.time.Duration.ofSeconds(60))).as("recovery done").isTrue();
    }

    static final String SPEC = """
            name: metrics-test
            objective: {metric: val_loss, direction: minimize}
            searchSpace:
              lr: {type: float, low: 0.0001, high: 0.1, log: true}
            algorithm: {name: random}
            budget: {maxTrials: 6, maxParallel: 3, maxEpochs: 2}
            trainer: {backend: synthetic, settings: {epochMillis: 10}}
            seed: 7
            """;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void suggestionsAndDeadLettersMoveTheirMeters() throws Exception {
        String random = "algorithm=\"random\"";
        double suggestedBefore = MetricsScrape.now().value("hpo_trials_suggested_total", random);
        double timedBefore = MetricsScrape.now().value("hpo_suggestion_duration_seconds_count", random);

        authorized().contentType("application/yaml").body(SPEC.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/studies").then().statusCode(201).body("trialsSuggested", equalTo(3));

        var after = MetricsScrape.now();
        assertThat(after.value("hpo_trials_suggested_total", random) - suggestedBefore).isEqualTo(3.0);
        assertThat(after.value("hpo_suggestion_duration_seconds_count", random) - timedBefore).isGreaterThanOrEqualTo(3.0);
        assertThat(after.has("hpo_suggestion_duration_seconds_bucket", "le=")).as("percentile histogram").isTrue();

        String topic = "topic=\"" + Topics.TRIAL_DECIDED + "\"";
        double deadBefore = after.value("hpo_messaging_dead_lettered_total", topic);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.TRIAL_DECIDED, "metrics-test", "{not json")).get();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(MetricsScrape.now().value("hpo_messaging_dead_lettered_total", topic) - deadBefore).isEqualTo(1.0));

        // every suggester metric of the catalogue is exported, and SmallRye's channel metrics are on
        var names = MetricsScrape.now();
        MetricNames.ALL.stream()
                .filter(m -> m.service().equals(MetricNames.SUGGESTER) || m.service().equals(MetricNames.ALL_SERVICES))
                .forEach(m -> assertThat(names.has(m.prometheusNames().get(0), "")).as(m.name()).isTrue());
        assertThat(names.hasPrefix("quarkus_messaging_message_count", "channel=")).as("channel metrics").isTrue();
    }

    @Test
    void healthCoversKafka() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("UP"));
    }
}
