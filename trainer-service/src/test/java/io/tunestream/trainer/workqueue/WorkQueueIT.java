package io.tunestream.trainer.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tunestream.contracts.Topics;
import io.tunestream.kafka.embedded.EmbeddedKafkaCluster;
import io.tunestream.trainer.runner.TrialOutcome;

/**
 * The work queue against a real KRaft broker: trials are shared between slots, a trial longer than
 * the acquisition lock keeps it with RENEW and runs once, a graceful shutdown releases a running trial
 * to another trainer (attempt 2), and an invalid item is dead-lettered. Each test uses its own share
 * group on a fresh topic generation so that tests do not see each other's items.
 */
class WorkQueueIT {

    private static EmbeddedKafkaCluster kafka;
    private static KafkaProducer<String, String> producer;
    private String group;

    /**
     * Records what the slots were given; trials "run" by sleeping. Items of other tests (the topic is
     * shared and every new group starts from the earliest offset) are accepted without recording.
     */
    final class RecordingHandler implements WorkItemHandler {
        final Map<String, List<Integer>> attempts = new ConcurrentHashMap<>();
        final List<String> deadLettered = new CopyOnWriteArrayList<>();
        final Map<String, Long> trialMillis = new ConcurrentHashMap<>();

        @Override
        public TrialOutcome handle(String key, String value, int attempt) {
            if (!value.contains(group)) {
                return TrialOutcome.COMPLETED;
            }
            if (value.startsWith("{bad")) {
                deadLetter(key, value, "malformed");
                return TrialOutcome.FAILED;
            }
            attempts.computeIfAbsent(value, v -> new CopyOnWriteArrayList<>()).add(attempt);
            try {
                Thread.sleep(trialMillis.getOrDefault(value, 100L));
                return TrialOutcome.COMPLETED;
            } catch (InterruptedException e) {
                return TrialOutcome.ABANDONED;
            }
        }

        @Override
        public void deadLetter(String key, String value, String reason) {
            deadLettered.add(value);
        }
    }

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafkaCluster.builder().start();
        try (var admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.TRIAL_SUGGESTED, 1, (short) 1))).all().get();
        }
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stopKafka() {
        producer.close();
        kafka.close();
    }

    @BeforeEach
    void newGroup() throws Exception {
        group = "trainers-" + System.nanoTime();
    }

    private WorkQueueSettings settings(int slots, Duration lock, Duration renewAfter) {
        return new WorkQueueSettings(Map.of("bootstrap.servers", kafka.bootstrapServers()), group, slots, lock, renewAfter, 3, Duration.ofMillis(200));
    }

    /** Items published before the group exists must still be consumed (share.auto.offset.reset=earliest). */
    private void publish(String... values) throws Exception {
        for (var value : values) {
            producer.send(new ProducerRecord<>(Topics.TRIAL_SUGGESTED, "study-" + group, value)).get();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void everyTrialRunsExactlyOnceAcrossSlotsAndTrainers() throws Exception {
        var handlerA = new RecordingHandler();
        var handlerB = new RecordingHandler();
        var values = new String[8];
        for (int i = 0; i < values.length; i++) {
            values[i] = group + "-trial-" + i;
        }
        publish(values);
        try (var a = new WorkQueue(settings(2, Duration.ofSeconds(15), Duration.ofSeconds(5)), handlerA, "a");
             var b = new WorkQueue(settings(2, Duration.ofSeconds(15), Duration.ofSeconds(5)), handlerB, "b")) {
            a.start();
            b.start();
            await(() -> handlerA.attempts.size() + handlerB.attempts.size() >= values.length, Duration.ofSeconds(60));
            Thread.sleep(1500); // anything delivered twice would show up now
        }
        var all = new java.util.HashMap<String, List<Integer>>(handlerA.attempts);
        handlerB.attempts.forEach((k, v) -> all.merge(k, v, (x, y) -> {
            var merged = new java.util.ArrayList<>(x);
            merged.addAll(y);
            return merged;
        }));
        assertThat(all).containsOnlyKeys(values);
        assertThat(all.values()).allSatisfy(attempts -> assertThat(attempts).containsExactly(1));
    }

    @Test
    void aTrialLongerThanTheLockKeepsItWithRenewAndRunsOnce() throws Exception {
        var slow = group + "-slow";
        var handlerA = new RecordingHandler();
        var handlerB = new RecordingHandler();
        handlerA.trialMillis.put(slow, 6_000L);
        handlerB.trialMillis.put(slow, 6_000L);
        publish(slow);
        try (var a = new WorkQueue(settings(1, Duration.ofSeconds(2), Duration.ofMillis(600)), handlerA, "a")) {
            a.start();
            await(() -> handlerA.attempts.containsKey(slow), Duration.ofSeconds(30));
            // A second trainer joins while the slow trial runs 3x longer than its lock.
            try (var b = new WorkQueue(settings(1, Duration.ofSeconds(2), Duration.ofMillis(600)), handlerB, "b")) {
                b.start();
                Thread.sleep(9_000);
            }
        }
        assertThat(handlerA.attempts.get(slow)).containsExactly(1);
        assertThat(handlerB.attempts).doesNotContainKey(slow);
    }

    @Test
    void gracefulShutdownReleasesARunningTrialToAnotherTrainer() throws Exception {
        var trial = group + "-released";
        var handlerA = new RecordingHandler();
        var handlerB = new RecordingHandler();
        handlerA.trialMillis.put(trial, 60_000L);
        publish(trial);
        var a = new WorkQueue(settings(1, Duration.ofSeconds(30), Duration.ofSeconds(10)), handlerA, "a");
        a.start();
        await(() -> handlerA.attempts.containsKey(trial), Duration.ofSeconds(30));
        long closing = System.nanoTime();
        a.close();
        try (var b = new WorkQueue(settings(1, Duration.ofSeconds(30), Duration.ofSeconds(10)), handlerB, "b")) {
            b.start();
            await(() -> handlerB.attempts.containsKey(trial), Duration.ofSeconds(25));
        }
        // Taken over well before the 30 s lock would have expired: it was released, not abandoned.
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - closing)).isLessThan(25);
        assertThat(handlerB.attempts.get(trial)).containsExactly(2);
    }

    @Test
    void anInvalidItemIsDeadLetteredAndAcknowledged() throws Exception {
        var handler = new RecordingHandler();
        var bad = "{bad " + group;
        publish(bad);
        try (var a = new WorkQueue(settings(1, Duration.ofSeconds(15), Duration.ofSeconds(5)), handler, "a")) {
            a.start();
            await(() -> handler.deadLettered.contains(bad), Duration.ofSeconds(30));
            Thread.sleep(1000);
        }
        assertThat(handler.deadLettered).containsExactly(bad);
    }
}
