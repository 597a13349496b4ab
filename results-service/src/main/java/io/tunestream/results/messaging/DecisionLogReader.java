package io.tunestream.results.messaging;

import java.time.Duration;
import java.time.Instant;
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
import org.jboss.logging.Logger;

import io.tunestream.contracts.InvalidEventException;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.events.TrialDecided;

/**
 * Reads a decisions topic from its beginning up to the end it has when the read starts, with a plain
 * consumer that assigns every partition itself (no group, no commits). Records that are not valid
 * decisions are skipped: they are not ours to dead-letter.
 */
public final class DecisionLogReader {

    private static final Logger LOG = Logger.getLogger(DecisionLogReader.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> kafkaConfig;
    private final String topic;

    /**
     * @param kafkaConfig connection settings (bootstrap servers, security); deserializers, group and
     *                    commit settings are set here
     */
    public DecisionLogReader(Map<String, Object> kafkaConfig, String topic) {
        this.kafkaConfig = Map.copyOf(Objects.requireNonNull(kafkaConfig, "kafkaConfig"));
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    /**
     * Hands every valid decision now on the topic to {@code sink}, in partition order, and returns how
     * many there were. A topic that does not exist yet holds none.
     *
     * @throws TimeoutException when the topic cannot be read to its end within {@code timeout}
     */
    public long readAll(Consumer<TrialDecided> sink, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (var consumer = new KafkaConsumer<String, String>(consumerConfig())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                return 0;
            }
            List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, remaining(deadline));
            long read = 0;
            while (!caughtUp(consumer, end, deadline)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("reading " + topic + " to its end took longer than " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    try {
                        sink.accept(Json.read(record.value(), TrialDecided.class));
                        read++;
                    } catch (InvalidEventException e) {
                        LOG.warnf("skipping %s-%d@%d, not a valid decision: %s", topic, record.partition(), record.offset(), e.getMessage());
                    }
                }
            }
            return read;
        }
    }

    private Map<String, Object> consumerConfig() {
        var config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "results-service-decision-log");
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
