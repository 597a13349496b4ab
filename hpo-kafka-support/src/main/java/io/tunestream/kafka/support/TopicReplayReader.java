package io.tunestream.kafka.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from their beginning up to the end offsets measured when the read starts, with a plain
 * consumer that assigns every partition itself: no group, no commits, so the service's own consumer
 * groups are untouched. Topics that do not exist yet hold nothing.
 */
public final class TopicReplayReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> kafkaConfig;
    private final String clientId;

    /**
     * @param kafkaConfig connection settings (bootstrap servers, security); deserializers, group and
     *                    commit settings are set here
     * @param clientId    names the reader in broker logs and metrics
     */
    public TopicReplayReader(Map<String, Object> kafkaConfig, String clientId) {
        this.kafkaConfig = Map.copyOf(Objects.requireNonNull(kafkaConfig, "kafkaConfig"));
        this.clientId = Objects.requireNonNull(clientId, "clientId");
    }

    /**
     * Hands every record of {@code topics} up to their current end to {@code sink}, each partition in
     * offset order, and returns how many there were.
     *
     * @throws TimeoutException when the topics cannot be read to their end within {@code timeout}
     */
    public long readAll(List<String> topics, Consumer<ConsumerRecord<String, String>> sink, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (var consumer = new KafkaConsumer<String, String>(consumerConfig())) {
            var partitions = new ArrayList<TopicPartition>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, remaining(deadline));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return 0;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, remaining(deadline));
            long read = 0;
            while (!caughtUp(consumer, end, deadline)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("reading " + topics + " to their end took longer than " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.getOrDefault(partition, 0L)) {
                        sink.accept(record);
                        read++;
                    }
                }
            }
            return read;
        }
    }

    private Map<String, Object> consumerConfig() {
        var config = new HashMap<>(KafkaClientSettings.connection(kafkaConfig));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end, Instant deadline) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey(), remaining(deadline)) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
