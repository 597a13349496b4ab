package io.tunestream.results;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.MetricNames;
import io.tunestream.contracts.SchemaVersion;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.AlgorithmSpec;
import io.tunestream.contracts.spec.BudgetSpec;
import io.tunestream.contracts.spec.ObjectiveSpec;
import io.tunestream.contracts.spec.ParameterSpec;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.contracts.spec.TrainerSpec;
import io.tunestream.kafka.embedded.KafkaTestResource;

/**
 * /q/metrics and /q/health of results-service as a study runs: the autoscaling gauges, trials started
 * and finished, decisions and their latency, epochs saved by an early stop, the per-study gauges (and
 * their removal when the study ends) and dead letters. Values are compared with a scrape taken before,
 * since other tests share the application.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ResultsMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TrainerSpec TRAINER = new TrainerSpec("synthetic", Map.of());
    private static final String STUDY = "metrics-study";
    private static final String STUDY_TAG = "study=\"" + STUDY + "\"";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void createProducer() {
        producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap, "acks", "all"),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void metricsFollowAStudyFromQueuedToEnded() {
        var before = MetricsScrape.now();
        Instant start = Instant.now();
        publishStudy(StudyState.RUNNING, start);
        for (int n = 0; n < 3; n++) {
            send(Topics.TRIAL_SUGGESTED, new TrialSuggested(SchemaVersion.CURRENT, STUDY, trial(n), n, Map.of("lr", 0.01),
                    3, "loss", TRAINER, n, Instant.now()));
        }
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(delta(before, "hpo_trials_queued", "")).isEqualTo(3.0));

        report(0, ReportKind.STARTED, 0, Map.of());
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(delta(before, "hpo_trials_queued", "")).isEqualTo(2.0);
            assertThat(delta(before, "hpo_trials_running", "")).isEqualTo(1.0);
            assertThat(delta(before, "hpo_trials_started_total", "")).isEqualTo(1.0);
        });

        report(0, ReportKind.EPOCH, 1, Map.of("loss", 0.5));
        report(0, ReportKind.EPOCH, 2, Map.of("loss", 0.4));
        report(0, ReportKind.COMPLETED, 2, Map.of());
        report(1, ReportKind.STARTED, 0, Map.of());
        report(1, ReportKind.EPOCH, 1, Map.of("loss", 0.9));
        report(1, ReportKind.STOPPED, 1, Map.of()); // pruned after 1 of 3 epochs: 2 epochs saved
        send(Topics.TRIAL_REPORTED, "{not json");

        await().atMost(WAIT).untilAsserted(() -> {
            var now = MetricsScrape.now();
            assertThat(now.value("hpo_trials_finished_total", "outcome=\"completed\"")
                    - before.value("hpo_trials_finished_total", "outcome=\"completed\"")).isEqualTo(1.0);
            assertThat(now.value("hpo_trials_finished_total", "outcome=\"stopped\"")
                    - before.value("hpo_trials_finished_total", "outcome=\"stopped\"")).isEqualTo(1.0);
            assertThat(now.value("hpo_scheduler_decisions_total", "action=\"completed\"")
                    - before.value("hpo_scheduler_decisions_total", "action=\"completed\"")).isEqualTo(1.0);
            assertThat(now.value("hpo_decision_latency_seconds_count", "")
                    - before.value("hpo_decision_latency_seconds_count", "")).isEqualTo(2.0);
            assertThat(now.value("hpo_trials_epochs_saved_total", "") - before.value("hpo_trials_epochs_saved_total", ""))
                    .isEqualTo(2.0);
            assertThat(now.value("hpo_messaging_dead_lettered_total", "topic=\"" + Topics.TRIAL_REPORTED + "\"")
                    - before.value("hpo_messaging_dead_lettered_total", "topic=\"" + Topics.TRIAL_REPORTED + "\"")).isEqualTo(1.0);
            assertThat(now.value("hpo_study_best_objective", STUDY_TAG)).isEqualTo(0.4);
            assertThat(now.value("hpo_study_epochs_used", STUDY_TAG)).isEqualTo(3.0);
            assertThat(now.value("hpo_study_epochs_budget", STUDY_TAG)).isEqualTo(30.0);
            assertThat(now.value("hpo_study_trials_finished", STUDY_TAG)).isEqualTo(2.0);
            assertThat(now.value("hpo_study_trials_budget", STUDY_TAG)).isEqualTo(10.0);
            assertThat(now.value("hpo_trials_running", "")).isEqualTo(before.value("hpo_trials_running", ""));
            assertThat(now.has("hpo_decision_latency_seconds_bucket", "le=")).as("percentile histogram").isTrue();
            MetricNames.ALL.stream()
                    .filter(m -> m.service().equals(MetricNames.RESULTS) || m.service().equals(MetricNames.ALL_SERVICES))
                    .filter(m -> !m.name().equals(MetricNames.SCHEDULER_DECISIONS_UNPUBLISHED))
                    .forEach(m -> assertThat(now.has(m.prometheusNames().get(0), "")).as(m.name()).isTrue());
            assertThat(now.hasPrefix("quarkus_messaging_message_count", "channel=")).as("channel metrics").isTrue();
        });

        publishStudy(StudyState.COMPLETED, start.plusSeconds(1));
        await().atMost(WAIT).untilAsserted(() -> {
            var now = MetricsScrape.now();
            for (String gauge : new String[] {"hpo_study_best_objective", "hpo_study_epochs_used", "hpo_study_epochs_budget",
                    "hpo_study_trials_finished", "hpo_study_trials_budget"}) {
                assertThat(now.has(gauge, STUDY_TAG)).as(gauge + " of an ended study").isFalse();
            }
        });
    }

    @Test
    void healthCoversKafka() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("UP"));
    }

    private static double delta(MetricsScrape before, String name, String labels) {
        return MetricsScrape.now().value(name, labels) - before.value(name, labels);
    }

    private static String trial(long n) {
        return TrialSuggested.trialId(STUDY, n);
    }

    private void publishStudy(StudyState state, Instant at) {
        var spec = new StudySpec(STUDY, new ObjectiveSpec("loss", "minimize"),
                Map.of("lr", ParameterSpec.floatRange(1e-4, 1e-1, true)), new AlgorithmSpec("random", Map.of()),
                new BudgetSpec(10, 2, 3), TRAINER, 1L);
        send(Topics.STUDY_CHANGED, new StudyChanged(SchemaVersion.CURRENT, STUDY, state, spec, 3, null, at));
    }

    private void report(long n, ReportKind kind, int epoch, Map<String, Double> metrics) {
        send(Topics.TRIAL_REPORTED, new TrialReported(SchemaVersion.CURRENT, STUDY, trial(n), n, 1, kind, epoch, metrics,
                "worker-m", null, Instant.now()));
    }

    private void send(String topic, Object event) {
        try {
            producer.send(new ProducerRecord<>(topic, STUDY, event instanceof String s ? s : Json.write(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }
}
