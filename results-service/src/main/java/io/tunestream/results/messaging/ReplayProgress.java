package io.tunestream.results.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The backlog of the event topics at start-up (the last offset of every non-empty partition) and how
 * much of it the channels have processed. Thread-safe: the channels report concurrently.
 *
 * <p>The topics are written without transactions, so the last offset of a partition is a record that
 * the channel will see.
 */
public final class ReplayProgress {

    private final Map<TopicPartition, Long> behind;
    private final int partitions;

    public ReplayProgress(Map<TopicPartition, Long> lastOffsets) {
        this.behind = new HashMap<>(lastOffsets);
        this.partitions = lastOffsets.size();
    }

    /** Measures the backlog of {@code topics} with a plain consumer (no group); missing topics have none. */
    public static ReplayProgress measure(Map<String, Object> kafkaConfig, Collection<String> topics, Duration timeout) {
        var config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "results-service-backlog");
        try (var consumer = new KafkaConsumer<byte[], byte[]>(config)) {
            List<TopicPartition> all = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
                if (infos != null) {
                    infos.forEach(info -> all.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.assign(all); // offsets of partitions not assigned are fetched with a warning each
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(all, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(all, timeout);
            var last = new HashMap<TopicPartition, Long>();
            end.forEach((partition, endOffset) -> {
                if (endOffset > beginning.getOrDefault(partition, 0L)) {
                    last.put(partition, endOffset - 1);
                }
            });
            return new ReplayProgress(last);
        }
    }

    /**
     * Notes that a channel processed a record; returns true exactly once: for the record that
     * completes the backlog.
     */
    public synchronized boolean record(String topic, int partition, long offset) {
        if (behind.isEmpty()) {
            return false;
        }
        var key = new TopicPartition(topic, partition);
        Long last = behind.get(key);
        if (last != null && offset >= last) {
            behind.remove(key);
            return behind.isEmpty();
        }
        return false;
    }

    public synchronized boolean isCaughtUp() {
        return behind.isEmpty();
    }

    /** Partitions whose backlog is not processed yet. */
    public synchronized int partitionsBehind() {
        return behind.size();
    }

    /** Partitions that had a backlog at start-up. */
    public int partitions() {
        return partitions;
    }
}
