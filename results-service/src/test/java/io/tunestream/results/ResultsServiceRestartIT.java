package io.tunestream.results;

import io.tunestream.testing.TopicTail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

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
import io.tunestream.contracts.spec.BudgetSpec;
import io.tunestream.contracts.spec.ObjectiveSpec;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.contracts.spec.TrainerSpec;
import io.tunestream.kafka.embedded.EmbeddedKafkaCluster;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) started twice on the same broker:
 * each start rebuilds the state from the topics, and the second start publishes no decision again.
 * The events are all on the broker before the first start, so that start replays a backlog in which
 * the study's stop may be read before the reports that finished its trials.
 */
class ResultsServiceRestartIT {

    private static final String STUDY = "restart";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final TrainerSpec TRAINER = new TrainerSpec("synthetic", Map.of());

    private static EmbeddedKafkaCluster kafka;
    private static KafkaProducer<String, String> producer;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process service;
    private int port;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafkaCluster.builder().start();
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    @AfterAll
    static void stopKafka() {
        if (producer != null) {
            producer.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @AfterEach
    void stopService() throws InterruptedException {
        stop();
    }

    @Test
    void aRestartRebuildsTheStateAndPublishesNoDecisionTwice() throws Exception {
        Instant t0 = Instant.now();
        send(Topics.STUDY_CHANGED, study(StudyState.RUNNING, t0));
        send(Topics.TRIAL_SUGGESTED, suggestion(0));
        send(Topics.TRIAL_SUGGESTED, suggestion(1));
        send(Topics.TRIAL_REPORTED, report(0, ReportKind.STARTED, 0, Map.of()));
        send(Topics.TRIAL_REPORTED, report(0, ReportKind.EPOCH, 1, Map.of("loss", 0.5)));
        send(Topics.TRIAL_REPORTED, report(0, ReportKind.COMPLETED, 1, Map.of()));
        send(Topics.TRIAL_REPORTED, report(1, ReportKind.STARTED, 0, Map.of()));
        send(Topics.TRIAL_REPORTED, report(1, ReportKind.EPOCH, 1, Map.of("loss", 0.7)));
        send(Topics.STUDY_CHANGED, study(StudyState.STOPPED, t0.plusSeconds(1)));

        start("first");
        awaitBacklogProcessed();
        JsonNode first = get("/api/studies/" + STUDY);
        assertThat(first.path("state").asText()).isEqualTo("STOPPED");
        assertThat(first.path("trials").path("completed").asInt()).isEqualTo(1);
        assertThat(first.path("trials").path("running").asInt()).isEqualTo(1);
        await().atMost(WAIT).until(() -> decisions().size() >= 2);
        // trial 0 had completed before the stop: only trial 1 is told to stop
        assertThat(decisions()).extracting(TrialDecided::trialId, TrialDecided::action).containsExactlyInAnyOrder(
                tuple(trialId(0), DecisionAction.COMPLETED),
                tuple(trialId(1), DecisionAction.STOP));
        stop();

        start("second");
        awaitBacklogProcessed();
        assertThat(get("/api/studies/" + STUDY)).isEqualTo(first);
        assertThat(get("/q/health/ready").path("checks").findValue("decisionsRead").asInt()).isEqualTo(2);

        send(Topics.TRIAL_REPORTED, report(1, ReportKind.STOPPED, 1, Map.of()));
        await().atMost(WAIT).until(() -> decisions().size() >= 3);
        Thread.sleep(1000);
        assertThat(decisions()).extracting(TrialDecided::trialId, TrialDecided::action).containsExactlyInAnyOrder(
                tuple(trialId(0), DecisionAction.COMPLETED),
                tuple(trialId(1), DecisionAction.STOP),
                tuple(trialId(1), DecisionAction.STOPPED));
        assertThat(get("/api/studies/" + STUDY).path("trials").path("stopped").asInt()).isEqualTo(1);
    }

    private void start(String name) throws IOException {
        port = freePort();
        Path log = Path.of("target", "restart-it-" + name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        service = new ProcessBuilder(java,
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                "-Dquarkus.http.port=" + port,
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            assertThat(service.isAlive()).as("service process alive, see %s", log).isTrue();
            return status("/q/health/ready") == 200;
        });
    }

    private void stop() throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor();
            }
        }
        service = null;
    }

    private void awaitBacklogProcessed() {
        await().atMost(WAIT).ignoreExceptions().until(() ->
                get("/q/health/ready").path("checks").findValue("backlogProcessed").asBoolean());
    }

    private List<TrialDecided> decisions() {
        try (var tail = new TopicTail(kafka.bootstrapServers(), Topics.TRIAL_DECIDED)) {
            return tail.recordsToEnd().stream()
                    .filter(r -> STUDY.equals(r.key()))
                    .map(r -> Json.read(r.value(), TrialDecided.class))
                    .toList();
        }
    }

    private int status(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String trialId(long number) {
        return TrialSuggested.trialId(STUDY, number);
    }

    private static void send(String topic, Object event) throws Exception {
        producer.send(new ProducerRecord<>(topic, STUDY, Json.write(event))).get();
    }

    private static StudyChanged study(StudyState state, Instant at) {
        var spec = new StudySpec(STUDY, new ObjectiveSpec("loss", "minimize"), Map.of(), null, new BudgetSpec(4, 2, 3), TRAINER, 1L);
        return new StudyChanged(SchemaVersion.CURRENT, STUDY, state, spec, 2, null, at);
    }

    private static TrialSuggested suggestion(long number) {
        return new TrialSuggested(SchemaVersion.CURRENT, STUDY, trialId(number), number, Map.of("lr", 0.1), 3, "loss", TRAINER,
                number, Instant.now());
    }

    private static TrialReported report(long number, ReportKind kind, int epoch, Map<String, Double> metrics) {
        return new TrialReported(SchemaVersion.CURRENT, STUDY, trialId(number), number, 1, kind, epoch, metrics,
                "worker-" + number, null, Instant.now());
    }
}
