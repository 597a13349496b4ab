package io.tunestream.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every record of one topic since its beginning, read with a plain consumer that assigns all the
 * topic's partitions itself (once the topic exists) and keeps what it has read.
 */
public final class TopicTail implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
    private boolean assigned;

    public TopicTail(String bootstrapServers, String topic) {
        this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic);
    }

    /**
     * A tail that connects with the given settings: bootstrap servers and whatever else the broker
     * needs (e.g. {@code security.protocol=SSL} and a truststore).
     */
    public TopicTail(Map<String, ?> connection, String topic) {
        this.topic = topic;
        var config = new HashMap<String, Object>(connection);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(config);
    }

    /** Everything read so far, after one more poll. */
    public List<ConsumerRecord<String, String>> records() {
        if (!assigned) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                return List.copyOf(records);
            }
            var topicPartitions = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(topicPartitions);
            consumer.seekToBeginning(topicPartitions);
            assigned = true;
        }
        consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        return List.copyOf(records);
    }

    /** Everything on the topic now: polls until every partition is read to the end it has now. */
    public List<ConsumerRecord<String, String>> recordsToEnd() {
        records();
        if (!assigned) {
            return List.copyOf(records);
        }
        var end = consumer.endOffsets(consumer.assignment());
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
