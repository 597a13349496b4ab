package io.tunestream.trainer.metrics;

import io.tunestream.testing.MetricsScrape;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.MetricNames;
import io.tunestream.contracts.SchemaVersion;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.TrainerSpec;

/**
 * /q/metrics and /q/health of a trainer running real trials from the share group: attempts started
 * and finished, epoch time, slots, and dead letters of the work queue and of the STOP channel.
 */
@QuarkusTest
@WithTestResource(TopicsKafkaTestResource.class)
class TrainerMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void trialsEpochsSlotsAndDeadLettersMoveTheirMeters() throws Exception {
        var before = MetricsScrape.now();
        String synthetic = "backend=\"synthetic\"";
        String completed = "outcome=\"completed\"";
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            var trial = new TrialSuggested(SchemaVersion.CURRENT, "metrics-study", TrialSuggested.trialId("metrics-study", 0), 0,
                    Map.of("lr", 0.01), 3, "loss", new TrainerSpec("synthetic", Map.of("epochMillis", 20)), 1L, Instant.now());
            producer.send(new ProducerRecord<>(Topics.TRIAL_SUGGESTED, trial.studyId(), Json.write(trial))).get();

            await().atMost(WAIT).untilAsserted(() -> {
                var now = MetricsScrape.now();
                assertThat(now.value("hpo_trainer_trials_started_total", "") - before.value("hpo_trainer_trials_started_total", ""))
                        .isGreaterThanOrEqualTo(1.0);
                assertThat(now.value("hpo_trainer_epoch_duration_seconds_count", synthetic)
                        - before.value("hpo_trainer_epoch_duration_seconds_count", synthetic)).isGreaterThanOrEqualTo(3.0);
                assertThat(now.value("hpo_trainer_trials_finished_total", completed)
                        - before.value("hpo_trainer_trials_finished_total", completed)).isGreaterThanOrEqualTo(1.0);
            });

            producer.send(new ProducerRecord<>(Topics.TRIAL_SUGGESTED, "metrics-study", "{not json")).get();
            producer.send(new ProducerRecord<>(Topics.STUDY_CHANGED, "metrics-study", "{not json either")).get();
        }
        String workQueue = "topic=\"" + Topics.TRIAL_SUGGESTED + "\"";
        String studies = "topic=\"" + Topics.STUDY_CHANGED + "\"";
        await().atMost(WAIT).untilAsserted(() -> {
            var now = MetricsScrape.now();
            assertThat(now.value("hpo_messaging_dead_lettered_total", workQueue)
                    - before.value("hpo_messaging_dead_lettered_total", workQueue)).isEqualTo(1.0);
            assertThat(now.value("hpo_messaging_dead_lettered_total", studies)
                    - before.value("hpo_messaging_dead_lettered_total", studies)).isEqualTo(1.0);
        });

        var now = MetricsScrape.now();
        assertThat(now.value("hpo_trainer_slots", "")).isEqualTo(2.0);
        assertThat(now.has("hpo_trainer_slots_busy", "")).isTrue();
        assertThat(now.has("hpo_trainer_epoch_duration_seconds_bucket", "le=")).as("percentile histogram").isTrue();
        MetricNames.ALL.stream()
                .filter(m -> m.service().equals(MetricNames.TRAINER) || m.service().equals(MetricNames.ALL_SERVICES))
                .forEach(m -> assertThat(now.has(m.prometheusNames().get(0), "")).as(m.name()).isTrue());
        assertThat(now.hasPrefix("quarkus_messaging_message_count", "channel=")).as("channel metrics").isTrue();
    }

    @Test
    void healthCoversKafka() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("UP"));
    }
}
