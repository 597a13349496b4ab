package io.tunestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.tunestream.contracts.Json;

/** Reads whole topics of a test cluster, from the beginning to the end measured when reading starts. */
final class TopicReader {

    private final String bootstrapServers;
    /** Further client settings, e.g. SASL for a secured cluster. */
    private final Map<String, String> clientSettings;

    TopicReader(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    TopicReader(String bootstrapServers, Map<String, String> clientSettings) {
        this.bootstrapServers = bootstrapServers;
        this.clientSettings = Map.copyOf(clientSettings);
    }

    KafkaConsumer<String, String> consumer() {
        var props = new Properties();
        props.putAll(clientSettings);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tunestream-test-reader");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    <T> List<T> read(String topic, Class<T> type) {
        return readRaw(topic).stream().map(record -> Json.read(record.value(), type)).toList();
    }

    /** Every record of {@code topic}, partition by partition in offset order; empty when the topic does not exist. */
    List<ConsumerRecord<String, String>> readRaw(String topic) {
        var records = new ArrayList<ConsumerRecord<String, String>>();
        try (var consumer = consumer()) {
            if (!consumer.listTopics(Duration.ofSeconds(10)).containsKey(topic)) {
                return records;
            }
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(10)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                assertThat(System.nanoTime()).as("reading " + topic + " to its end within 30 s").isLessThan(deadline);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L)) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    /** Records ever written to {@code topic} (0 when it does not exist). */
    long endOffsetTotal(String topic) {
        try (var consumer = consumer()) {
            if (!consumer.listTopics(Duration.ofSeconds(10)).containsKey(topic)) {
                return 0;
            }
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
