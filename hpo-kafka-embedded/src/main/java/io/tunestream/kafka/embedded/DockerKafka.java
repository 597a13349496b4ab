package io.tunestream.kafka.embedded;

/**
 * Testcontainers' Kafka, used only where a Docker engine answers. Testcontainers is an optional
 * dependency: without it on the classpath (or without Docker) the embedded broker is used.
 */
final class DockerKafka implements AutoCloseable {

    private final org.testcontainers.kafka.KafkaContainer container;

    private DockerKafka(org.testcontainers.kafka.KafkaContainer container) {
        this.container = container;
    }

    static boolean dockerAvailable() {
        if (Boolean.getBoolean("tunestream.kafka.embedded")) {
            return false;
        }
        try {
            Class.forName("org.testcontainers.DockerClientFactory");
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static DockerKafka start(String image) {
        var container = new org.testcontainers.kafka.KafkaContainer(image)
                .withEnv("KAFKA_GROUP_SHARE_MIN_RECORD_LOCK_DURATION_MS", "1000")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        container.start();
        return new DockerKafka(container);
    }

    String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
