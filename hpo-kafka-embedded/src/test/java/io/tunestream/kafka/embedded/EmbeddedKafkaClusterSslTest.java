package io.tunestream.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The TLS variants of the embedded cluster, with real clients: a record goes through with
 * {@link EmbeddedKafkaCluster#sslClientSettings()}, while a PLAINTEXT client (and, with mutual TLS, a
 * TLS client without a certificate) gets nothing from the same listener.
 */
class EmbeddedKafkaClusterSslTest {

    @Test
    void serverTlsCarriesRecordsAndRefusesPlaintextClients() throws Exception {
        try (var cluster = EmbeddedKafkaCluster.builder().ssl().start()) {
            var settings = cluster.sslClientSettings();
            assertThat(settings).containsEntry("security.protocol", "SSL").containsEntry("ssl.truststore.type", "PKCS12")
                    .containsKeys("ssl.truststore.location", "ssl.truststore.password").doesNotContainKey("ssl.keystore.location");
            assertThat(roundTrip(cluster.bootstrapServers(), settings, "tls-topic")).isEqualTo("over TLS");

            assertThatThrownBy(() -> listTopics(cluster.bootstrapServers(), Map.of()))
                    .as("a PLAINTEXT client on the TLS listener").isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    @Test
    void mutualTlsNeedsAClientCertificateSignedByTheClusterCa() throws Exception {
        try (var cluster = EmbeddedKafkaCluster.builder().mutualTls().start()) {
            var settings = cluster.sslClientSettings();
            assertThat(settings).containsEntry("security.protocol", "SSL").containsEntry("ssl.keystore.type", "PKCS12")
                    .containsKeys("ssl.keystore.location", "ssl.keystore.password", "ssl.key.password");
            assertThat(roundTrip(cluster.bootstrapServers(), settings, "mtls-topic")).isEqualTo("over TLS");

            var withoutCertificate = new HashMap<>(settings);
            withoutCertificate.keySet().removeIf(key -> key.startsWith("ssl.keystore.") || key.equals("ssl.key.password"));
            assertThatThrownBy(() -> listTopics(cluster.bootstrapServers(), withoutCertificate))
                    .as("a TLS client without a certificate").isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SslAuthenticationException.class);
        }
    }

    @Test
    void saslDoesNotMixWithTls() {
        assertThatThrownBy(() -> EmbeddedKafkaCluster.builder().saslPlain().ssl().start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
    }

    private static String roundTrip(String bootstrap, Map<String, String> security, String topic) throws Exception {
        var producerConfig = new HashMap<String, Object>(security);
        producerConfig.put("bootstrap.servers", bootstrap);
        producerConfig.put("acks", "all");
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", "over TLS")).get(60, TimeUnit.SECONDS);
        }
        var consumerConfig = new HashMap<String, Object>(security);
        consumerConfig.put("bootstrap.servers", bootstrap);
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    return record.value();
                }
            }
        }
        throw new AssertionError("the record sent to " + topic + " was not read back within 30 s");
    }

    private static List<String> listTopics(String bootstrap, Map<String, String> security) throws Exception {
        var config = new HashMap<String, Object>(security);
        config.put("bootstrap.servers", bootstrap);
        config.put("request.timeout.ms", "2000");
        config.put("default.api.timeout.ms", "4000");
        try (var admin = Admin.create(config)) {
            return List.copyOf(admin.listTopics().names().get(30, TimeUnit.SECONDS));
        }
    }
}
