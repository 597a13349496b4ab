package io.tunestream.suggester.messaging;

import static io.restassured.RestAssured.given;
import static io.tunestream.testing.ApiTestTokens.authorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.kafka.embedded.KafkaTestResource;
import io.tunestream.suggester.recovery.RecoveryState;
import io.tunestream.testing.MetricsScrape;
import io.tunestream.testing.TopicTail;

/**
 * Records on {@code hpo.trial.decided} that the suggester cannot apply, against a real broker: each
 * goes to {@code hpo.trial.decided.dlq} with its reason in the {@code dead-letter-reason} header, the
 * dead-letter counter moves, and the valid decision published after them is still applied.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class BadDecisionsKafkaTest {

    static final String SPEC = """
            name: bad-decisions
            objective: {metric: val_loss, direction: minimize}
            searchSpace:
              lr: {type: float, low: 0.0001, high: 0.1, log: true}
            algorithm: {name: random}
            budget: {maxTrials: 3, maxParallel: 1, maxEpochs: 2}
            trainer: {backend: synthetic, settings: {epochMillis: 10}}
            seed: 3
            """;

    @Inject
    RecoveryState recovery;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void undecodableOrOrphanDecisionsAreDeadLetteredCountedAndTheNextOneIsApplied() throws Exception {
        assertThat(recovery.await(Duration.ofSeconds(60))).isTrue();
        String studyId = authorized().contentType("application/yaml").body(SPEC.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/studies").then().statusCode(201).extract().path("studyId");
        String topic = "topic=\"" + Topics.TRIAL_DECIDED + "\"";
        double deadBefore = MetricsScrape.now().value("hpo_messaging_dead_lettered_total", topic);

        var completed = TrialDecided.of(studyId, studyId + "-t0", 0, 1, DecisionAction.COMPLETED, 2, 0.25, null);
        var valid = Json.write(completed);
        var bad = List.of(
                "{ this is not json",
                valid.replace("\"schemaVersion\":1", "\"schemaVersion\":99"),
                valid.replace("\"value\":0.25", "\"value\":1e999"),
                Json.write(TrialDecided.of("no-such-study", "no-such-study-t0", 0, 1, DecisionAction.COMPLETED, 2, 0.5, null)),
                Json.write(TrialDecided.of(studyId, studyId + "-t7", 7, 1, DecisionAction.COMPLETED, 2, 0.5, null)));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap, "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            for (var value : bad) {
                producer.send(new ProducerRecord<>(Topics.TRIAL_DECIDED, studyId, value)).get();
            }
            producer.send(new ProducerRecord<>(Topics.TRIAL_DECIDED, studyId, valid)).get();
        }

        try (var dlq = new TopicTail(bootstrap, Topics.deadLetter(Topics.TRIAL_DECIDED))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> dlq.records().stream().filter(r -> studyId.equals(r.key())).count() == bad.size());
            var records = dlq.records().stream().filter(r -> studyId.equals(r.key())).toList();
            assertThat(records).extracting(ConsumerRecord::value).containsExactlyElementsOf(bad);
            assertThat(records).extracting(BadDecisionsKafkaTest::reason).satisfiesExactly(
                    reason -> assertThat(reason).contains("TrialDecided: malformed JSON"),
                    reason -> assertThat(reason).contains("schemaVersion of TrialDecided must be 1, but was 99"),
                    reason -> assertThat(reason).contains("value must be finite or NaN, but was Infinity"),
                    reason -> assertThat(reason).contains("TrialDecided: no study no-such-study exists"),
                    reason -> assertThat(reason).contains("never suggested trial number 7"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                MetricsScrape.now().value("hpo_messaging_dead_lettered_total", topic) - deadBefore).isEqualTo(bad.size()));
        // The service kept going: trial 0's completion freed the only slot and trial 1 was suggested.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/studies/" + studyId).then()
                .statusCode(200).body("trialsSuggested", org.hamcrest.Matchers.equalTo(2)));
        given().get("/q/health/live").then().statusCode(200);
    }

    private static String reason(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader(Topics.DLQ_REASON_HEADER);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
