package io.tunestream.results;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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
import io.tunestream.results.aggregation.ResultsLedger;
import io.tunestream.testing.MetricsScrape;
import io.tunestream.testing.ShareGroupMember;
import io.tunestream.testing.TopicTail;

/**
 * The work-queue audit against a real broker and a real share group (delivery limit 4, so maxAttempts
 * 3, set as trainers set it): of three trials taken from the work queue by a share consumer in the
 * trainers' group, one finishes normally; the work items of the other two are finished without a final
 * report (REJECTed, as a trainer does with a delivery beyond the allowance and as the broker does at the
 * delivery limit). The one that ran 3 attempts is reported FAILED; the one that ran 1 is retried, with 2
 * attempts left, and, since no suggester publishes its copy here, reported FAILED after the patience
 * rounds. A profile of its own gives this test a broker of its own, where the trainers' group sees
 * no other test's work items.
 */
@QuarkusTest
@TestProfile(WorkQueueAuditKafkaTest.OwnBroker.class)
@WithTestResource(KafkaTestResource.class)
class WorkQueueAuditKafkaTest {

    public static final class OwnBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tunestream.results.work-queue-audit.interval", "PT0.3S",
                    "quarkus.log.category.\"io.tunestream.results.messaging.WorkQueueAuditor\".level", "DEBUG");
        }
    }

    private static final String GROUP = "tunestream-trainers";
    private static final String STUDY = "audit-study";
    private static final TrainerSpec TRAINER = new TrainerSpec("synthetic", Map.of());

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void itemsFinishedWithoutAFinalReportAreRetriedWhileAttemptsRemainAndFailedWhenUsedUp() throws Exception {
        double givenUpBefore = MetricsScrape.now().value("hpo_workqueue_given_up_total", "");
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers, "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            var spec = new StudySpec(STUDY, new ObjectiveSpec("loss", "minimize"), Map.of("lr", ParameterSpec.floatRange(1e-4, 1e-1, true)),
                    new AlgorithmSpec("random", Map.of()), new BudgetSpec(3, 3, 3), TRAINER, 1L);
            send(producer, Topics.STUDY_CHANGED, new StudyChanged(SchemaVersion.CURRENT, STUDY, StudyState.RUNNING, spec, 3, null, Instant.now()));
            for (long n = 0; n < 3; n++) {
                send(producer, Topics.TRIAL_SUGGESTED, new TrialSuggested(SchemaVersion.CURRENT, STUDY, trial(n), n, Map.of("lr", 0.01), 3,
                        "loss", TRAINER, n, Instant.now()));
            }
            // Delivery limit 4 (maxAttempts 3), set as trainers set it.
            try (var trainer = ShareGroupMember.join(Map.of("bootstrap.servers", bootstrapServers), GROUP, Topics.TRIAL_SUGGESTED,
                    Map.of("share.delivery.count.limit", "4"))) {
                var records = trainer.take(3, Duration.ofSeconds(60));
                assertThat(records).as("work items acquired").hasSize(3);
                for (var record : records) {
                    var suggestion = Json.read(record.value(), TrialSuggested.class);
                    long number = suggestion.trialNumber();
                    send(producer, Topics.TRIAL_REPORTED, report(number, 1, ReportKind.STARTED, 0, Map.of()));
                    if (number == 1) {
                        send(producer, Topics.TRIAL_REPORTED, report(1, 1, ReportKind.EPOCH, 1, Map.of("loss", 0.4)));
                        send(producer, Topics.TRIAL_REPORTED, report(1, 1, ReportKind.COMPLETED, 1, Map.of()));
                        trainer.acknowledge(record, AcknowledgeType.ACCEPT);
                    } else {
                        if (number == 0) {
                            // attempts 2 and 3 ran as well (their deliveries are not replayed here)
                            send(producer, Topics.TRIAL_REPORTED, report(0, 2, ReportKind.STARTED, 0, Map.of()));
                            send(producer, Topics.TRIAL_REPORTED, report(0, 3, ReportKind.STARTED, 0, Map.of()));
                        }
                        // The trainers of its deliveries are gone: no report follows, the item is finished.
                        trainer.acknowledge(record, AcknowledgeType.REJECT);
                    }
                }
                trainer.commit();
            }
        }

        try (var decided = new TopicTail(bootstrapServers, Topics.TRIAL_DECIDED);
             var reported = new TopicTail(bootstrapServers, Topics.TRIAL_REPORTED)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> decisions(decided).size() == 3);
            var decisions = decisions(decided);
            assertThat(decisions).filteredOn(d -> d.trialId().equals(trial(0))).singleElement().satisfies(d -> {
                assertThat(d.action()).isEqualTo(DecisionAction.FAILED);
                assertThat(d.reason()).startsWith(ResultsLedger.GIVEN_UP_REASON).contains("attempts used up, 3 attempt(s) ran (maxAttempts=3)");
            });
            assertThat(decisions).filteredOn(d -> d.trialId().equals(trial(1))).singleElement()
                    .satisfies(d -> assertThat(d.action()).isEqualTo(DecisionAction.COMPLETED));
            assertThat(decisions).filteredOn(d -> d.trialId().equals(trial(2))).singleElement().satisfies(d -> {
                assertThat(d.action()).isEqualTo(DecisionAction.RETRY);
                assertThat(d.attemptsLeft()).isEqualTo(2);
                assertThat(d.attempt()).as("the copy's attempts continue after 0 + maxAttempts").isEqualTo(3);
            });
            // No suggester runs here, so no copy of trial 2 comes: after the patience rounds it is reported FAILED.
            await().atMost(Duration.ofSeconds(60)).until(() -> decisions(decided).size() == 4);
            assertThat(decisions(decided)).filteredOn(d -> d.trialId().equals(trial(2)) && d.action() == DecisionAction.FAILED)
                    .singleElement().satisfies(d -> assertThat(d.reason()).contains("no new copy of its work item was published"));
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            var audits = reported.recordsToEnd().stream().map(r -> Json.read(r.value(), TrialReported.class))
                    .filter(r -> r.studyId().equals(STUDY) && r.workerId().startsWith("results-service")).toList();
            assertThat(audits).extracting(TrialReported::trialId, TrialReported::kind).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(trial(0), ReportKind.FAILED), org.assertj.core.groups.Tuple.tuple(trial(2), ReportKind.FAILED));
            assertThat(decisions(decided)).as("nothing more").hasSize(4);
        }
        given().get("/api/studies/{id}/trials/{trial}", STUDY, trial(0)).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("FAILED"));
        assertThat(MetricsScrape.now().value("hpo_workqueue_given_up_total", "") - givenUpBefore).isEqualTo(2.0);
    }

    private static List<TrialDecided> decisions(TopicTail decided) {
        return decided.records().stream().filter(r -> STUDY.equals(r.key())).map(r -> Json.read(r.value(), TrialDecided.class)).toList();
    }

    private static void send(KafkaProducer<String, String> producer, String topic, Object event) throws Exception {
        producer.send(new ProducerRecord<>(topic, STUDY, Json.write(event))).get(30, TimeUnit.SECONDS);
    }

    private static TrialReported report(long number, int attempt, ReportKind kind, int epoch, Map<String, Double> metrics) {
        return new TrialReported(SchemaVersion.CURRENT, STUDY, trial(number), number, attempt, kind, epoch, metrics, "worker-a", null,
                Instant.now());
    }

    private static String trial(long number) {
        return TrialSuggested.trialId(STUDY, number);
    }
}
