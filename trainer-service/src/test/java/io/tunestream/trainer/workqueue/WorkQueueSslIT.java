package io.tunestream.trainer.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.tunestream.contracts.Topics;
import io.tunestream.kafka.embedded.EmbeddedKafkaCluster;
import io.tunestream.trainer.runner.TrialOutcome;

/**
 * The trainers' work queue on a broker that accepts only mutual TLS, with the connection settings a
 * trainer gets from {@code KAFKA_SECURITY_PROTOCOL=SSL} and the {@code KAFKA_SSL_*} variables: the
 * admin client sets the share group's configuration at start, and the slots' share consumers take
 * every trial once and acknowledge it.
 */
class WorkQueueSslIT {

    @Test
    void slotsTakeTrialsOverMutualTls() throws Exception {
        try (var kafka = EmbeddedKafkaCluster.builder().mutualTls().start()) {
            var connection = new HashMap<String, Object>(kafka.sslClientSettings());
            connection.put("bootstrap.servers", kafka.bootstrapServers());
            try (var admin = Admin.create(connection)) {
                admin.createTopics(List.of(new NewTopic(Topics.TRIAL_SUGGESTED, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            var values = List.of("tls-trial-0", "tls-trial-1", "tls-trial-2");
            try (var producer = new KafkaProducer<>(connection, new StringSerializer(), new StringSerializer())) {
                for (var value : values) {
                    producer.send(new ProducerRecord<>(Topics.TRIAL_SUGGESTED, "tls-study", value)).get(30, TimeUnit.SECONDS);
                }
            }

            var attempts = new ConcurrentHashMap<String, List<Integer>>();
            WorkItemHandler handler = new WorkItemHandler() {
                @Override
                public TrialOutcome handle(String key, String value, int attempt) {
                    attempts.computeIfAbsent(value, v -> new CopyOnWriteArrayList<>()).add(attempt);
                    return TrialOutcome.COMPLETED;
                }

                @Override
                public void deadLetter(String key, String value, String reason) {
                    throw new AssertionError("no item of this test is invalid, but " + value + " was dead-lettered: " + reason);
                }
            };
            var group = "tls-trainers";
            var settings = new WorkQueueSettings(connection, group, 2, Duration.ofSeconds(15), Duration.ofSeconds(5), 3, Duration.ofMillis(200));
            try (var queue = new WorkQueue(settings, handler, "tls-trainer")) {
                queue.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (attempts.size() < values.size() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(1500); // anything delivered twice would show up now
            }
            assertThat(attempts).containsOnlyKeys(values);
            assertThat(attempts.values()).allSatisfy(a -> assertThat(a).containsExactly(1));

            try (var admin = Admin.create(connection)) {
                var config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.GROUP, group)))
                        .all().get(30, TimeUnit.SECONDS).values().iterator().next();
                assertThat(config.get("share.auto.offset.reset").value()).as("set by the trainer's admin client over TLS").isEqualTo("earliest");
                assertThat(config.get("share.record.lock.duration.ms").value()).isEqualTo("15000");
            }
        }
    }
}
