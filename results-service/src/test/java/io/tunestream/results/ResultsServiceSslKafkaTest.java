package io.tunestream.results;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.common.annotation.Identifier;
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
import io.tunestream.kafka.embedded.SslKafkaTestResource;
import io.tunestream.kafka.support.KafkaClientSettings;
import io.tunestream.results.aggregation.ResultsLedger;
import io.tunestream.testing.ShareGroupMember;
import io.tunestream.testing.TopicTail;

/**
 * results-service against a broker that accepts only mutual TLS, configured the way a deployment
 * configures it: the {@code kafka.*} settings that {@code KAFKA_SECURITY_PROTOCOL=SSL},
 * {@code KAFKA_SSL_TRUSTSTORE_LOCATION}, {@code KAFKA_SSL_KEYSTORE_LOCATION}, ... map to. Every kind of
 * Kafka client of the service must get through: the SmallRye channels (events in, decisions out), the
 * replay's reader of {@code hpo.trial.decided} (the service is not ready without it) and the work-queue
 * audit's admin client, which must read the trainers' share group to report an archived trial FAILED.
 * The test's own clients, a share consumer in the trainers' group among them, use the service's
 * connection settings. A client without TLS gets nothing from this broker, and the service's log holds
 * the settings with every password hidden.
 */
@QuarkusTest
@TestProfile(ResultsServiceSslKafkaTest.MutualTls.class)
class ResultsServiceSslKafkaTest {

    /** One log file per test JVM, so that a previous run's lines cannot satisfy or spoil the checks. */
    static final Path LOG = Path.of("target", "results-service-ssl-kafka-" + ProcessHandle.current().pid() + ".log");

    public static final class MutualTls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tunestream.results.work-queue-audit.interval", "PT0.3S",
                    "quarkus.log.category.\"io.tunestream.results.messaging.WorkQueueAuditor\".level", "DEBUG",
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toString());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SslKafkaTestResource.class, Map.of(SslKafkaTestResource.MUTUAL_TLS, "true")));
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String GROUP = "tunestream-trainers";
    private static final String STUDY = "tls-study";
    private static final TrainerSpec TRAINER = new TrainerSpec("synthetic", Map.of());

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Test
    void everyKafkaClientOfTheServiceWorksOverMutualTlsAndNoPasswordIsLogged() throws Exception {
        var connection = KafkaClientSettings.connection(kafkaConfig);
        assertThat(connection).containsEntry("security.protocol", "SSL")
                .containsKeys("ssl.truststore.location", "ssl.keystore.location");
        refusesClientsWithoutTls(connection);

        try (var producer = new KafkaProducer<>(withConnection(connection, Map.of("acks", "all")), new StringSerializer(), new StringSerializer())) {
            var spec = new StudySpec(STUDY, new ObjectiveSpec("loss", "minimize"), Map.of("lr", ParameterSpec.floatRange(1e-4, 1e-1, true)),
                    new AlgorithmSpec("random", Map.of()), new BudgetSpec(2, 2, 3), TRAINER, 1L);
            send(producer, Topics.STUDY_CHANGED, new StudyChanged(SchemaVersion.CURRENT, STUDY, StudyState.RUNNING, spec, 2, null, Instant.now()));
            for (long n = 0; n < 2; n++) {
                send(producer, Topics.TRIAL_SUGGESTED, new TrialSuggested(SchemaVersion.CURRENT, STUDY, trial(n), n, Map.of("lr", 0.01), 3,
                        "loss", TRAINER, n, Instant.now()));
            }
            try (var trainer = ShareGroupMember.join(connection, GROUP, Topics.TRIAL_SUGGESTED, Map.of())) {
                var records = trainer.take(2, WAIT);
                assertThat(records).as("both work items acquired over TLS").hasSize(2);
                for (var record : records) {
                    var suggestion = Json.read(record.value(), TrialSuggested.class);
                    send(producer, Topics.TRIAL_REPORTED, report(suggestion.trialNumber(), ReportKind.STARTED, 0, Map.of()));
                    if (suggestion.trialNumber() == 1) {
                        send(producer, Topics.TRIAL_REPORTED, report(1, ReportKind.EPOCH, 1, Map.of("loss", 0.4)));
                        send(producer, Topics.TRIAL_REPORTED, report(1, ReportKind.COMPLETED, 1, Map.of()));
                        trainer.acknowledge(record, AcknowledgeType.ACCEPT);
                    } else {
                        // As if its trainers died until its deliveries ran out: only the audit can act on it.
                        trainer.acknowledge(record, AcknowledgeType.REJECT);
                    }
                }
                trainer.commit();
            }
        }

        try (var decided = new TopicTail(connection, Topics.TRIAL_DECIDED)) {
            await().atMost(WAIT).until(() -> decisions(decided).size() == 2);
            var decisions = decisions(decided);
            assertThat(decisions).filteredOn(d -> d.trialId().equals(trial(1))).singleElement().satisfies(d -> {
                assertThat(d.action()).isEqualTo(DecisionAction.COMPLETED);
                assertThat(d.value()).isEqualTo(0.4);
            });
            assertThat(decisions).as("the audit's admin client read the share group over TLS")
                    .filteredOn(d -> d.trialId().equals(trial(0))).singleElement().satisfies(d -> {
                        // one attempt ran: it is retried with the attempts left
                        assertThat(d.action()).isEqualTo(DecisionAction.RETRY);
                        assertThat(d.reason()).startsWith(ResultsLedger.GIVEN_UP_REASON);
                        assertThat(d.attemptsLeft()).isPositive();
                    });
        }

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath board = given().get("/api/studies/{id}/trials", STUDY).then().statusCode(200).extract().jsonPath();
            assertThat(board.getList("trialId", String.class)).containsExactly(trial(1), trial(0));
            assertThat(board.getList("state", String.class)).containsExactly("COMPLETED", "RUNNING");
        });
        given().get("/api/studies/{id}/best", STUDY).then().statusCode(200)
                .body("trialId", org.hamcrest.Matchers.equalTo(trial(1)));

        var log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertThat(log).contains("Kafka connection: ").contains("security.protocol=SSL")
                .contains("ssl.keystore.password=" + KafkaClientSettings.HIDDEN)
                .contains("ssl.truststore.password=" + KafkaClientSettings.HIDDEN)
                .contains("ssl.key.password=" + KafkaClientSettings.HIDDEN)
                .doesNotContain("work-queue audit skipped");
        for (var secret : List.of("ssl.keystore.password", "ssl.truststore.password", "ssl.key.password")) {
            assertThat(log).as("the log must not contain the value of " + secret).doesNotContain(String.valueOf(connection.get(secret)));
        }
    }

    /** The same broker refuses a PLAINTEXT client (nothing answers it) and a TLS client without a certificate. */
    private static void refusesClientsWithoutTls(Map<String, Object> connection) {
        assertThatThrownBy(() -> listTopics(Map.of("bootstrap.servers", connection.get("bootstrap.servers"))))
                .as("a PLAINTEXT client").isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        var withoutCertificate = new HashMap<>(connection);
        withoutCertificate.keySet().removeIf(key -> key.startsWith("ssl.keystore.") || key.equals("ssl.key.password"));
        assertThatThrownBy(() -> listTopics(withoutCertificate))
                .as("a TLS client without a certificate").isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SslAuthenticationException.class);
    }

    private static void listTopics(Map<String, Object> settings) throws Exception {
        try (var admin = Admin.create(withConnection(settings, Map.of("request.timeout.ms", "2000", "default.api.timeout.ms", "4000")))) {
            admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Object> withConnection(Map<String, Object> connection, Map<String, Object> more) {
        var settings = new HashMap<>(connection);
        settings.putAll(more);
        return settings;
    }

    /** Joins the trainers' share group as a trainer does (from the earliest offset), over the service's TLS settings. */
    private static List<TrialDecided> decisions(TopicTail decided) {
        return decided.records().stream().filter(r -> STUDY.equals(r.key())).map(r -> Json.read(r.value(), TrialDecided.class)).toList();
    }

    private static void send(KafkaProducer<String, String> producer, String topic, Object event) throws Exception {
        producer.send(new ProducerRecord<>(topic, STUDY, Json.write(event))).get(30, TimeUnit.SECONDS);
    }

    private static TrialReported report(long number, ReportKind kind, int epoch, Map<String, Double> metrics) {
        return new TrialReported(SchemaVersion.CURRENT, STUDY, trial(number), number, 1, kind, epoch, metrics, "worker-a", null,
                Instant.now());
    }

    private static String trial(long number) {
        return TrialSuggested.trialId(STUDY, number);
    }
}
