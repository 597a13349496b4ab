package io.tunestream.kafka.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.apache.kafka.server.common.ShareVersion;

/**
 * A KRaft cluster in this JVM, built on Kafka's own {@link KafkaClusterTestKit}: real brokers, real
 * network listeners on free ports, real log directories. One node runs in combined mode (controller
 * and broker in one); several brokers get a dedicated controller.
 *
 * <p>Internal topics (consumer offsets, transaction state, share-group state) are sized to the
 * cluster: a single broker cannot host replication factor 3, and without a coordinator no group
 * (consumer or share) ever makes progress.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    /** The SASL/PLAIN user of a {@link Builder#saslPlain() SASL cluster} (the test kit's administrator). */
    public static final String SASL_USER = JaasUtils.KAFKA_PLAIN_ADMIN;
    /** Its password (a fixed test credential of Kafka's test kit, for local tests only). */
    public static final String SASL_PASSWORD = JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD;

    /** The client settings that reach a {@link Builder#saslPlain() SASL cluster}: SASL_PLAINTEXT, PLAIN, the JAAS line. */
    public static Map<String, String> saslPlainClientSettings() {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + SASL_USER
                        + "\" password=\"" + SASL_PASSWORD + "\";");
    }

    private final KafkaClusterTestKit cluster;
    private final int brokerCount;
    private final Optional<TestCertificates> certificates;

    private EmbeddedKafkaCluster(KafkaClusterTestKit cluster, int brokerCount, Optional<TestCertificates> certificates) {
        this.cluster = cluster;
        this.brokerCount = brokerCount;
        this.certificates = certificates;
    }

    /**
     * The client settings that reach an {@link Builder#ssl() SSL cluster}: {@code security.protocol=SSL},
     * the truststore holding the cluster's test CA (PKCS12, location and password), and for
     * {@link Builder#mutualTls() mutual TLS} the keystore with a client certificate that CA signed. The
     * files live under the cluster's base directory and are gone once it is closed.
     *
     * @throws IllegalStateException if the cluster was not built with {@link Builder#ssl()} or {@link Builder#mutualTls()}
     */
    public Map<String, String> sslClientSettings() {
        return certificates.map(TestCertificates::clientSettings).orElseThrow(() -> new IllegalStateException(
                "sslClientSettings() needs a cluster built with ssl() or mutualTls(); this one's clients use PLAINTEXT or SASL_PLAINTEXT"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Bootstrap servers of the running cluster, e.g. {@code localhost:40123}. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public int brokerCount() {
        return brokerCount;
    }

    /** Stops one broker (for failover tests); the others keep serving. */
    public void shutdownBroker(int brokerId) {
        var broker = cluster.brokers().get(brokerId);
        if (broker == null) {
            throw new IllegalArgumentException("`brokerId` must be one of " + cluster.brokers().keySet() + ", but was " + brokerId);
        }
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** Restarts a broker stopped with {@link #shutdownBroker(int)}. */
    public void startBroker(int brokerId) {
        var broker = cluster.brokers().get(brokerId);
        if (broker == null) {
            throw new IllegalArgumentException("`brokerId` must be one of " + cluster.brokers().keySet() + ", but was " + brokerId);
        }
        broker.startup();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka did not shut down cleanly", e);
        }
    }

    public static final class Builder {
        private int brokers = 1;
        private Path baseDirectory;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private boolean saslPlain;
        private Tls tls = Tls.OFF;

        private enum Tls { OFF, SERVER, MUTUAL }

        private Builder() {
        }

        /**
         * Brokers whose client listener speaks only TLS ({@code SSL}): a certificate for
         * {@code localhost}/{@code 127.0.0.1} signed by a CA made for this cluster at start (nothing on
         * disk beforehand), clients trust that CA through {@link EmbeddedKafkaCluster#sslClientSettings()}.
         * Brokers talk to each other over the same listener; the controller listener stays PLAINTEXT
         * (it is internal to the cluster).
         */
        public Builder ssl() {
            this.tls = Tls.SERVER;
            return this;
        }

        /** Like {@link #ssl()}, and every client must present a certificate signed by the cluster's CA ({@code ssl.client.auth=required}). */
        public Builder mutualTls() {
            this.tls = Tls.MUTUAL;
            return this;
        }

        /**
         * Brokers that accept only SASL_PLAINTEXT clients (mechanism PLAIN, user {@link #SASL_USER}):
         * for tests that the services reach a secured Kafka with the settings from their environment.
         */
        public Builder saslPlain() {
            this.saslPlain = true;
            return this;
        }

        public Builder brokers(int brokers) {
            if (brokers < 1 || brokers > 9) {
                throw new IllegalArgumentException("`brokers` must be between 1 and 9, but was " + brokers);
            }
            this.brokers = brokers;
            return this;
        }

        /** Where the log directories go; by default a temporary directory deleted on close. */
        public Builder baseDirectory(Path baseDirectory) {
            this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
            return this;
        }

        /** A broker setting that overrides the defaults chosen here. */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public EmbeddedKafkaCluster start() {
            var nodes = new TestKitNodes.Builder()
                    .setBootstrapMetadata(productionFeatures())
                    .setCombined(brokers == 1)
                    .setNumBrokerNodes(brokers)
                    .setNumControllerNodes(1);
            if (saslPlain && tls != Tls.OFF) {
                throw new IllegalStateException("an embedded cluster speaks either SASL_PLAINTEXT (saslPlain()) or SSL (ssl(), mutualTls()), not both");
            }
            if (saslPlain) {
                nodes.setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT);
            }
            // The key material goes under the base directory, so it needs one before the test kit would make it.
            var directory = Optional.ofNullable(baseDirectory).or(() -> tls == Tls.OFF ? Optional.empty() : Optional.of(temporaryDirectory()));
            directory.ifPresent(nodes::setBaseDirectory);
            Optional<TestCertificates> certificates;
            try {
                certificates = tls == Tls.OFF ? Optional.empty()
                        : Optional.of(TestCertificates.generate(directory.orElseThrow().resolve("tls"), tls == Tls.MUTUAL));
            } catch (RuntimeException e) {
                if (baseDirectory == null) {
                    directory.ifPresent(Builder::deleteQuietly);
                }
                throw e;
            }
            var testKitNodes = nodes.build();
            var builder = new KafkaClusterTestKit.Builder(testKitNodes);
            defaultBrokerProperties(brokers).forEach(builder::setConfigProp);
            certificates.ifPresent(tlsFiles -> {
                // Kafka 4.3's test kit refuses SSL as the broker protocol of its nodes and sets no SSL
                // settings; its listener map is only a default, so the broker listener is switched to SSL
                // here, with the keystore and truststore made above.
                builder.setConfigProp("listener.security.protocol.map", testKitNodes.brokerListenerName().value() + ":SSL,"
                        + testKitNodes.controllerListenerName().value() + ":" + testKitNodes.controllerListenerProtocol().name);
                tlsFiles.brokerSettings().forEach(builder::setConfigProp);
            });
            brokerProperties.forEach(builder::setConfigProp);
            builder.setDeleteOnClose(baseDirectory == null);
            KafkaClusterTestKit cluster = null;
            try {
                cluster = builder.build();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
                return new EmbeddedKafkaCluster(cluster, brokers, certificates);
            } catch (Exception e) {
                if (cluster != null) {
                    try {
                        cluster.close();
                    } catch (Exception closing) {
                        e.addSuppressed(closing);
                    }
                }
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("embedded Kafka failed to start: " + e.getMessage(), e);
            }
        }

        private static void deleteQuietly(Path directory) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary directory is harmless; the start-up failure is what gets reported.
            }
        }

        private static Path temporaryDirectory() {
            try {
                return Files.createTempDirectory("tunestream-kafka-");
            } catch (IOException e) {
                throw new IllegalStateException("no temporary directory for the embedded Kafka cluster: " + e.getMessage(), e);
            }
        }

        /**
         * The test kit bootstraps only {@code metadata.version}; every other feature would stay at
         * level 0 and the brokers would refuse share groups ("the cluster does not support the share
         * group protocol"). Finalize each production feature at its default level for the latest
         * production metadata version, as {@code kafka-storage format} does.
         */
        private static BootstrapMetadata productionFeatures() {
            var version = MetadataVersion.latestProduction();
            var levels = new LinkedHashMap<String, Short>();
            for (Feature feature : Feature.PRODUCTION_FEATURES) {
                if (feature != Feature.KRAFT_VERSION) {
                    levels.put(feature.featureName(), feature.defaultLevel(version));
                }
            }
            levels.put(ShareVersion.FEATURE_NAME, (short) Math.max(1, levels.getOrDefault(ShareVersion.FEATURE_NAME, (short) 0)));
            return BootstrapMetadata.fromVersions(version, levels, "tunestream-embedded");
        }

        static Map<String, String> defaultBrokerProperties(int brokers) {
            var replication = String.valueOf(Math.min(3, brokers));
            var minIsr = String.valueOf(Math.min(2, brokers));
            var props = new LinkedHashMap<String, String>();
            props.put("offsets.topic.replication.factor", replication);
            props.put("offsets.topic.num.partitions", "3");
            props.put("transaction.state.log.replication.factor", replication);
            props.put("transaction.state.log.min.isr", minIsr);
            props.put("share.coordinator.state.topic.replication.factor", replication);
            props.put("share.coordinator.state.topic.min.isr", minIsr);
            props.put("share.coordinator.state.topic.num.partitions", "3");
            props.put("default.replication.factor", replication);
            props.put("min.insync.replicas", minIsr);
            props.put("num.partitions", "3");
            props.put("group.initial.rebalance.delay.ms", "0");
            // Lets fault tests use short acquisition locks; production brokers keep their own bounds.
            props.put("group.share.min.record.lock.duration.ms", "1000");
            props.put("group.share.max.record.lock.duration.ms", "3600000");
            props.put("auto.create.topics.enable", "true");
            // Share-group members learn their assignment on heartbeats; the production default (5 s)
            // would make every local run and test wait 5 s before the first trial starts.
            props.put("group.share.min.heartbeat.interval.ms", "500");
            props.put("group.share.heartbeat.interval.ms", "1000");
            return props;
        }
    }
}
