package io.tunestream.results.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tunestream.contracts.Json;
import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.kafka.embedded.EmbeddedKafkaCluster;

/** The start-up readers ({@link DecisionLogReader}, {@link ReplayProgress#measure}) against an in-JVM broker. */
class StartupReadersKafkaTest {

    private static EmbeddedKafkaCluster kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafkaCluster.builder().start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static DecisionLogReader reader(String topic) {
        return new DecisionLogReader(Map.of("bootstrap.servers", kafka.bootstrapServers(), "group.id", "ignored"), topic);
    }

    private static KafkaProducer<String, String> producer() {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    @Test
    void measuresTheBacklogOfNonEmptyPartitionsAndIgnoresMissingTopics() throws Exception {
        String topic = "events.backlog";
        try (var admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(topic, 0, "k", "a")).get();
            producer.send(new ProducerRecord<>(topic, 0, "k", "b")).get();
            producer.send(new ProducerRecord<>(topic, 2, "k", "c")).get();
        }

        var progress = ReplayProgress.measure(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                List.of(topic, "events.absent"), Duration.ofSeconds(20));

        assertThat(progress.partitions()).isEqualTo(2);
        assertThat(progress.record(topic, 0, 0)).isFalse();
        assertThat(progress.record(topic, 2, 0)).isFalse();
        assertThat(progress.record(topic, 0, 1)).isTrue();
        assertThat(progress.isCaughtUp()).isTrue();
    }

    @Test
    void aTopicThatDoesNotExistHoldsNoDecisionAndIsNotCreated() throws Exception {
        var seen = new ArrayList<TrialDecided>();

        long read = reader("decisions.absent").readAll(seen::add, Duration.ofSeconds(20));

        assertThat(read).isZero();
        assertThat(seen).isEmpty();
        try (var admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).doesNotContain("decisions.absent");
        }
    }

    @Test
    void readsEveryValidDecisionUpToTheEndAndSkipsTheRest() throws Exception {
        String topic = "decisions.present";
        try (var admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        var decisions = List.of(
                TrialDecided.of("a", "a-t0", 0, 1, DecisionAction.COMPLETED, 3, 0.25, null),
                TrialDecided.of("a", "a-t1", 1, 1, DecisionAction.STOP, 1, null, "study stopped by user"),
                TrialDecided.of("b", "b-t0", 0, 2, DecisionAction.FAILED, 0, null, "exit code 1"));
        try (var producer = producer()) {
            for (TrialDecided decision : decisions) {
                producer.send(new ProducerRecord<>(topic, decision.studyId(), Json.write(decision))).get();
            }
            producer.send(new ProducerRecord<>(topic, "a", "{ not a decision")).get();
        }
        var seen = new ArrayList<TrialDecided>();

        long read = reader(topic).readAll(seen::add, Duration.ofSeconds(30));

        assertThat(read).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(decisions);
    }
}
