package io.tunestream.kafka.embedded;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A broker for a service's {@code @QuarkusTest} that accepts only TLS clients: an in-JVM
 * {@link EmbeddedKafkaCluster} built with {@link EmbeddedKafkaCluster.Builder#ssl() ssl()}, or with
 * {@link EmbeddedKafkaCluster.Builder#mutualTls() mutualTls()} when the init argument
 * {@value #MUTUAL_TLS} is {@code true}. The service gets the connection as the {@code kafka.*}
 * settings that its {@code KAFKA_*} environment variables would set in production
 * ({@code kafka.security.protocol=SSL}, {@code kafka.ssl.truststore.location}, ...), so a test sees
 * exactly the path a deployment configured through the environment takes.
 *
 * <p>Always the embedded broker, also where Docker exists: the key material is made for this broker's
 * host names at start, which a container image would have to be handed separately.
 */
public final class SslKafkaTestResource implements QuarkusTestResourceLifecycleManager {

    /** Init argument: {@code true} for mutual TLS (clients must present a certificate), anything else for server-only TLS. */
    public static final String MUTUAL_TLS = "mutual-tls";

    private boolean mutualTls;
    private EmbeddedKafkaCluster cluster;

    @Override
    public void init(Map<String, String> initArgs) {
        mutualTls = Boolean.parseBoolean(initArgs.getOrDefault(MUTUAL_TLS, "false"));
    }

    @Override
    public Map<String, String> start() {
        var builder = EmbeddedKafkaCluster.builder();
        cluster = (mutualTls ? builder.mutualTls() : builder.ssl()).start();
        var config = new LinkedHashMap<String, String>();
        config.put("kafka.bootstrap.servers", cluster.bootstrapServers());
        cluster.sslClientSettings().forEach((key, value) -> config.put("kafka." + key, value));
        return config;
    }

    @Override
    public void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
