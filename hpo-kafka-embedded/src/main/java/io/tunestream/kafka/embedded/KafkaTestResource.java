package io.tunestream.kafka.embedded;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The Kafka broker of the services' {@code @QuarkusTest}s: Testcontainers' Apache Kafka where a Docker
 * engine answers, otherwise a real in-JVM KRaft broker ({@link EmbeddedKafkaCluster}). Either way the
 * tests talk to a real broker with share groups enabled, never to a mock.
 */
public final class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    /** The image used where Docker exists: the same Kafka version as the clients. */
    public static final String KAFKA_IMAGE = "apache/kafka:4.3.1";

    private AutoCloseable broker;

    @Override
    public Map<String, String> start() {
        String bootstrap;
        if (DockerKafka.dockerAvailable()) {
            var container = DockerKafka.start(KAFKA_IMAGE);
            broker = container;
            bootstrap = container.bootstrapServers();
        } else {
            var cluster = EmbeddedKafkaCluster.builder().start();
            broker = cluster;
            bootstrap = cluster.bootstrapServers();
        }
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void stop() {
        if (broker != null) {
            try {
                broker.close();
            } catch (Exception e) {
                throw new IllegalStateException("Kafka broker of the tests did not stop cleanly", e);
            }
        }
    }
}
