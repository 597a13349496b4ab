package io.tunestream.cli.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The broker's own throughput on this machine, the physical limit of the throughput benchmark: one
 * producer (acks=all, idempotent, Kafka's default batching) sends {@code records} records of the size
 * of an epoch report as fast as it can, one consumer reads them back; records per second from the
 * first send to the last record read. Run after the services' studies are stopped, on the same broker.
 */
final class RawThroughput {

    static final String TOPIC = "bench.throughput";

    private RawThroughput() {
    }

    /** Records per second produced and consumed, end to end. */
    static double measure(String bootstrapServers, int records, String value) {
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
                admin.createTopics(Set.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + TOPIC + ": " + e.getMessage(), e);
        }
        var consumerConfig = new HashMap<String, Object>();
        consumerConfig.put("bootstrap.servers", bootstrapServers);
        consumerConfig.put("enable.auto.commit", false);
        var producerConfig = new HashMap<String, Object>();
        producerConfig.put("bootstrap.servers", bootstrapServers);
        producerConfig.put("acks", "all");
        producerConfig.put("enable.idempotence", true);
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
             var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            var partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            long began = System.nanoTime();
            var sender = new Thread(() -> {
                for (int i = 0; i < records; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "study-" + (i % 8), value));
                }
                producer.flush();
            }, "bench-raw-producer");
            sender.start();
            long read = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (read < records && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            sender.join();
            return read / seconds;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
