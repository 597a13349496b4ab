package io.tunestream.results;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.SchemaVersion;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.AlgorithmSpec;
import io.tunestream.contracts.spec.BudgetSpec;
import io.tunestream.contracts.spec.ObjectiveSpec;
import io.tunestream.contracts.spec.ParameterSpec;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.contracts.spec.TrainerSpec;
import io.tunestream.kafka.embedded.KafkaTestResource;
import io.tunestream.testing.TopicTail;

/**
 * The service end to end against a real broker: events in through the three topics, answers over
 * REST, decisions and dead letters read back from their topics. Each test uses a study of its own.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ResultsServiceKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TrainerSpec TRAINER = new TrainerSpec("synthetic", Map.of());

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void createProducer() {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void buildsLeaderboardBestAndCurvesAndDecidesEachTrialOnce() {
        String study = "e2e-leaderboard";
        publishStudy(study, StudyState.RUNNING, "minimize", Instant.now());
        for (int n = 0; n < 3; n++) {
            publishSuggestion(study, n);
        }
        publishReport(study, 0, ReportKind.STARTED, 0, Map.of());
        publishReport(study, 0, ReportKind.EPOCH, 1, Map.of("loss", 0.9));
        publishReport(study, 0, ReportKind.EPOCH, 2, Map.of("loss", 0.5));
        publishReport(study, 0, ReportKind.COMPLETED, 2, Map.of());
        publishReport(study, 0, ReportKind.COMPLETED, 2, Map.of()); // at-least-once: delivered twice
        publishReport(study, 1, ReportKind.STARTED, 0, Map.of());
        publishReport(study, 1, ReportKind.EPOCH, 1, Map.of("loss", 0.3));
        publishReport(study, 1, ReportKind.EPOCH, 2, Map.of("loss", 0.2));
        publishReport(study, 1, ReportKind.COMPLETED, 2, Map.of());
        publishReport(study, 2, ReportKind.STARTED, 0, Map.of());
        publishReport(study, 2, ReportKind.EPOCH, 1, Map.of("loss", 0.8));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath board = given().get("/api/studies/{id}/trials", study).then().statusCode(200).extract().jsonPath();
            assertThat(board.getList("trialId", String.class)).containsExactly(trial(study, 1), trial(study, 0), trial(study, 2));
            assertThat(board.getList("state", String.class)).containsExactly("COMPLETED", "COMPLETED", "RUNNING");
            assertThat(board.getList("value", Double.class)).containsExactly(0.2, 0.5, 0.8);
        });

        JsonPath best = given().get("/api/studies/{id}/best", study).then().statusCode(200).extract().jsonPath();
        assertThat(best.getString("trialId")).isEqualTo(trial(study, 1));
        assertThat(best.getDouble("value")).isEqualTo(0.2);
        assertThat(best.getInt("epochs")).isEqualTo(2);
        assertThat(best.getInt("attempt")).isEqualTo(1);
        assertThat(best.getString("workerId")).isEqualTo("worker-a");
        assertThat(best.getDouble("params.lr")).isEqualTo(0.02);

        JsonPath summary = given().get("/api/studies/{id}", study).then().statusCode(200).extract().jsonPath();
        assertThat(summary.getString("name")).isEqualTo(study);
        assertThat(summary.getString("state")).isEqualTo("RUNNING");
        assertThat(summary.getString("metric")).isEqualTo("loss");
        assertThat(summary.getString("direction")).isEqualTo("minimize");
        assertThat(summary.getMap("trials")).containsEntry("queued", 0).containsEntry("running", 1)
                .containsEntry("completed", 2).containsEntry("stopped", 0).containsEntry("failed", 0).containsEntry("total", 3);
        assertThat(summary.getDouble("bestValue")).isEqualTo(0.2);
        assertThat(summary.getString("bestTrialId")).isEqualTo(trial(study, 1));
        assertThat(summary.getLong("epochsUsed")).isEqualTo(5);
        assertThat(summary.getInt("maxTrials")).isEqualTo(10);

        JsonPath detail = given().get("/api/studies/{id}/trials/{trial}", study, trial(study, 0)).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("curve.epoch", Integer.class)).containsExactly(1, 2);
        assertThat(detail.getList("curve.metrics.loss", Double.class)).containsExactly(0.9, 0.5);
        assertThat(detail.getString("state")).isEqualTo("COMPLETED");
        assertThat(detail.getString("timings.suggestedAt")).isNotNull();
        assertThat(detail.getString("timings.startedAt")).isNotNull();
        assertThat(detail.getString("timings.endedAt")).isNotNull();

        try (var decided = new TopicTail(bootstrapServers, Topics.TRIAL_DECIDED)) {
            // Trial 1's completion was published after trial 0's duplicate, on the same partition: once
            // it is decided, the duplicate has been processed too.
            await().atMost(WAIT).until(() -> decisionsOf(decided.records(), study).stream()
                    .anyMatch(d -> d.trialId().equals(trial(study, 1)) && d.action() == DecisionAction.COMPLETED));
            var decisions = decisionsOf(decided.records(), study);
            assertThat(decisions).extracting(TrialDecided::trialId, TrialDecided::action, TrialDecided::value, TrialDecided::epoch)
                    .containsExactlyInAnyOrder(
                            tuple(trial(study, 0), DecisionAction.COMPLETED, 0.5, 2),
                            tuple(trial(study, 1), DecisionAction.COMPLETED, 0.2, 2));
            assertThat(decided.records()).filteredOn(r -> r.value().contains(trial(study, 0)))
                    .allSatisfy(r -> assertThat(r.key()).isEqualTo(study));
        }
    }

    @Test
    void deadLettersRecordsThatAreNotEventsAndKeepsWorking() {
        String study = "e2e-dlq";
        publishStudy(study, StudyState.RUNNING, "maximize", Instant.now());
        publishSuggestion(study, 0);
        producer.send(new ProducerRecord<>(Topics.TRIAL_REPORTED, study, "{ this is not json"));
        String invalidAttempt = Json.write(report(study, 0, ReportKind.STARTED, 0, Map.of())).replace("\"attempt\":1", "\"attempt\":0");
        producer.send(new ProducerRecord<>(Topics.TRIAL_REPORTED, study, invalidAttempt));
        publishReport(study, 0, ReportKind.STARTED, 0, Map.of());
        publishReport(study, 0, ReportKind.EPOCH, 1, Map.of("loss", 0.7));
        publishReport(study, 0, ReportKind.COMPLETED, 1, Map.of());

        try (var deadLetters = new TopicTail(bootstrapServers, Topics.deadLetter(Topics.TRIAL_REPORTED))) {
            await().atMost(WAIT).until(() -> deadLetters.records().stream().filter(r -> study.equals(r.key())).count() == 2);
            List<ConsumerRecord<String, String>> records = deadLetters.records().stream().filter(r -> study.equals(r.key())).toList();
            assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("{ this is not json", invalidAttempt);
            assertThat(records).extracting(r -> reason(r))
                    .anySatisfy(reason -> assertThat(reason).contains("TrialReported: malformed JSON"))
                    .anySatisfy(reason -> assertThat(reason).contains("attempt must be >= 1, but was 0"));
        }

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/studies/{id}/best", study).then()
                .statusCode(200)
                .body("trialId", equalTo(trial(study, 0)))
                .body("state", equalTo("COMPLETED")));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("hpo_messaging_dead_lettered_total{topic=\"hpo.trial.reported\"}"));
    }

    /**
     * Metric values: a value beyond the double range ({@code 1e999}, {@code -Infinity}) or a report of
     * another schema version is dead-lettered with the reason; NaN (a diverged loss) is a result, kept
     * and ranked worst; a huge but finite value is a number like any other. The service keeps working.
     */
    @Test
    void deadLettersInfiniteMetricsAndOtherSchemaVersionsAndRanksNaNWorst() {
        String study = "e2e-metric-values";
        publishStudy(study, StudyState.RUNNING, "minimize", Instant.now());
        for (int n = 0; n < 3; n++) {
            publishSuggestion(study, n);
            publishReport(study, n, ReportKind.STARTED, 0, Map.of());
        }
        String epoch = Json.write(report(study, 0, ReportKind.EPOCH, 1, Map.of("loss", 0.125)));
        var bad = List.of(
                epoch.replace("0.125", "1e999"),
                epoch.replace("0.125", "-Infinity"),
                epoch.replace("\"schemaVersion\":1", "\"schemaVersion\":2"));
        for (var value : bad) {
            producer.send(new ProducerRecord<>(Topics.TRIAL_REPORTED, study, value));
        }
        publishReport(study, 0, ReportKind.EPOCH, 1, Map.of("loss", Double.NaN));
        publishReport(study, 0, ReportKind.COMPLETED, 1, Map.of());
        publishReport(study, 1, ReportKind.EPOCH, 1, Map.of("loss", 1e300));
        publishReport(study, 1, ReportKind.COMPLETED, 1, Map.of());
        publishReport(study, 2, ReportKind.EPOCH, 1, Map.of("loss", 0.5));
        publishReport(study, 2, ReportKind.COMPLETED, 1, Map.of());

        try (var deadLetters = new TopicTail(bootstrapServers, Topics.deadLetter(Topics.TRIAL_REPORTED))) {
            await().atMost(WAIT).until(() -> deadLetters.records().stream().filter(r -> study.equals(r.key())).count() == bad.size());
            var records = deadLetters.records().stream().filter(r -> study.equals(r.key())).toList();
            assertThat(records).extracting(ConsumerRecord::value).containsExactlyElementsOf(bad);
            assertThat(records).extracting(r -> reason(r)).satisfiesExactly(
                    reason -> assertThat(reason).contains("metrics.loss must be a number or NaN, but was Infinity"),
                    reason -> assertThat(reason).contains("metrics.loss must be a number or NaN, but was -Infinity"),
                    reason -> assertThat(reason).contains("schemaVersion of TrialReported must be 1, but was 2"));
        }
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath board = given().get("/api/studies/{id}/trials", study).then().statusCode(200).extract().jsonPath();
            assertThat(board.getList("trialId", String.class)).containsExactly(trial(study, 2), trial(study, 1), trial(study, 0));
            assertThat(board.getList("state", String.class)).containsOnly("COMPLETED");
        });
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void changesNeedTheBearerTokenAndReadsAreOpen() {
        given().post("/api/studies").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"tunestream\""))
                .body("error", equalTo("this request needs the header `Authorization: Bearer <token>`"));
        given().header("Authorization", "Bearer wrong-token-0123456789").delete("/api/studies/x").then().statusCode(401);
        io.tunestream.testing.ApiTestTokens.authorized().post("/api/studies").then().statusCode(405);
        given().get("/api/studies").then().statusCode(200);
    }

    @Test
    void stoppingAStudyStopsEachUnfinishedTrialOnce() {
        String study = "e2e-stop";
        Instant start = Instant.now();
        publishStudy(study, StudyState.RUNNING, "minimize", start);
        publishSuggestion(study, 0);
        publishSuggestion(study, 1);
        publishSuggestion(study, 2);
        publishReport(study, 0, ReportKind.STARTED, 0, Map.of());
        publishReport(study, 0, ReportKind.EPOCH, 1, Map.of("loss", 0.4));
        publishReport(study, 0, ReportKind.COMPLETED, 1, Map.of());
        publishReport(study, 1, ReportKind.STARTED, 0, Map.of());
        publishReport(study, 1, ReportKind.EPOCH, 1, Map.of("loss", 0.6));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/studies/{id}", study).then()
                .statusCode(200).body("trials.completed", equalTo(1)).body("trials.running", equalTo(1)).body("trials.queued", equalTo(1)));

        publishStudy(study, StudyState.STOPPED, "minimize", start.plusSeconds(1));
        publishStudy(study, StudyState.STOPPED, "minimize", start.plusSeconds(1));

        try (var decided = new TopicTail(bootstrapServers, Topics.TRIAL_DECIDED)) {
            await().atMost(WAIT).until(() -> decisionsOf(decided.records(), study).stream()
                    .filter(d -> d.action() == DecisionAction.STOP).count() == 2);
            await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
            assertThat(decisionsOf(decided.records(), study))
                    .extracting(TrialDecided::trialId, TrialDecided::action, TrialDecided::reason)
                    .containsExactlyInAnyOrder(
                            tuple(trial(study, 0), DecisionAction.COMPLETED, null),
                            tuple(trial(study, 1), DecisionAction.STOP, "study stopped by user"),
                            tuple(trial(study, 2), DecisionAction.STOP, "study stopped by user"));
        }
        given().get("/api/studies/{id}", study).then().statusCode(200).body("state", equalTo("STOPPED"));
    }

    @Test
    void answersJsonErrorsForUnknownIdsAndBadParameters() {
        given().get("/api/studies/{id}", "no-such-study").then()
                .statusCode(404).contentType("application/json").body("error", equalTo("study 'no-such-study' not found"));
        given().get("/api/studies/{id}/trials", "no-such-study").then().statusCode(404);
        given().get("/api/studies/{id}/best", "no-such-study").then().statusCode(404);
        given().queryParam("sort", "loss").get("/api/studies/{id}/trials", "no-such-study").then()
                .statusCode(400).contentType("application/json")
                .body("error", equalTo("`sort` must be one of value, number, but was \"loss\""));
        given().queryParam("order", "sideways").get("/api/studies/{id}/trials", "x").then()
                .statusCode(400).body("error", containsString("`order` must be one of asc, desc"));
        given().queryParam("state", "DONE").get("/api/studies/{id}/trials", "x").then()
                .statusCode(400).body("error", containsString("`state` must be one of QUEUED, RUNNING, COMPLETED, STOPPED, FAILED"));

        String study = "e2e-errors";
        publishReport(study, 0, ReportKind.STARTED, 0, Map.of());
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/studies/{id}", study).then().statusCode(200)
                .body("trials.running", equalTo(1)).body("bestValue", equalTo(null)).body("name", equalTo(null)));
        given().get("/api/studies/{id}/best", study).then().statusCode(404).body("error", containsString("no completed trial"));
        given().get("/api/studies/{id}/trials/{trial}", study, "nope").then().statusCode(404)
                .body("error", equalTo("study 'e2e-errors' has no trial 'nope'"));
        given().get("/api/studies").then().statusCode(200).body("studyId", org.hamcrest.Matchers.hasItem(study));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static String trial(String study, long number) {
        return TrialSuggested.trialId(study, number);
    }

    private static String reason(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader(Topics.DLQ_REASON_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<TrialDecided> decisionsOf(List<ConsumerRecord<String, String>> records, String study) {
        return records.stream()
                .filter(r -> study.equals(r.key()))
                .map(r -> Json.read(r.value(), TrialDecided.class))
                .toList();
    }

    private void publishStudy(String study, StudyState state, String direction, Instant at) {
        var spec = new StudySpec(study, new ObjectiveSpec("loss", direction),
                Map.of("lr", ParameterSpec.floatRange(1e-4, 1e-1, true)), new AlgorithmSpec("random", Map.of()),
                new BudgetSpec(10, 2, 3), TRAINER, 1L);
        send(Topics.STUDY_CHANGED, study, new StudyChanged(SchemaVersion.CURRENT, study, state, spec, 3, null, at));
    }

    private void publishSuggestion(String study, long number) {
        send(Topics.TRIAL_SUGGESTED, study, new TrialSuggested(SchemaVersion.CURRENT, study, trial(study, number), number,
                Map.of("lr", 0.01 * (number + 1)), 3, "loss", TRAINER, number, Instant.now()));
    }

    private void publishReport(String study, long number, ReportKind kind, int epoch, Map<String, Double> metrics) {
        send(Topics.TRIAL_REPORTED, study, report(study, number, kind, epoch, metrics));
    }

    private static TrialReported report(String study, long number, ReportKind kind, int epoch, Map<String, Double> metrics) {
        return new TrialReported(SchemaVersion.CURRENT, study, trial(study, number), number, 1, kind, epoch, metrics,
                "worker-a", null, Instant.now());
    }

    private void send(String topic, String key, Object event) {
        try {
            producer.send(new ProducerRecord<>(topic, key, Json.write(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }
}
