package io.tunestream.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A test's member of a share group, standing in for a trainer: it sets the group's configuration as
 * trainers do (at least {@code share.auto.offset.reset=earliest}), acquires records with explicit
 * acknowledgement, and acknowledges them as the test says. For tests of what happens to a work item the
 * group has finished with, without starting a trainer.
 */
public final class ShareGroupMember implements AutoCloseable {

    private final KafkaShareConsumer<String, String> consumer;

    private ShareGroupMember(KafkaShareConsumer<String, String> consumer) {
        this.consumer = consumer;
    }

    /**
     * Joins {@code groupId} on {@code topic} after setting the group's {@code groupConfigs} (plus
     * {@code share.auto.offset.reset=earliest} unless given).
     *
     * @param connection client settings: bootstrap servers and any security settings
     */
    public static ShareGroupMember join(Map<String, ?> connection, String groupId, String topic, Map<String, String> groupConfigs)
            throws Exception {
        var configs = new HashMap<>(groupConfigs);
        configs.putIfAbsent("share.auto.offset.reset", "earliest");
        try (var admin = Admin.create(new HashMap<String, Object>(connection))) {
            var ops = configs.entrySet().stream()
                    .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET)).toList();
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, groupId), ops)).all().get(30, TimeUnit.SECONDS);
        }
        var settings = new HashMap<String, Object>(connection);
        settings.put("group.id", groupId);
        settings.put("share.acknowledgement.mode", "explicit");
        var consumer = new KafkaShareConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return new ShareGroupMember(consumer);
    }

    /** Polls until {@code count} records are acquired or {@code timeout} passes; returns what it acquired. */
    public List<ConsumerRecord<String, String>> take(int count, Duration timeout) {
        var records = new ArrayList<ConsumerRecord<String, String>>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    public void acknowledge(ConsumerRecord<String, String> record, AcknowledgeType type) {
        consumer.acknowledge(record, type);
    }

    /** Sends the acknowledgements; throws if the broker refused any. */
    public void commit() {
        consumer.commitSync(Duration.ofSeconds(30)).forEach((partition, error) -> error.ifPresent(e -> {
            throw new IllegalStateException("acknowledgement on " + partition + " failed: " + e.getMessage(), e);
        }));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
