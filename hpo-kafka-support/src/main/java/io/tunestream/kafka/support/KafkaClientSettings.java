package io.tunestream.kafka.support;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The connection part of an application's Kafka settings (bootstrap servers, security, timeouts) for
 * a plain client the service creates itself: without the group and client identity that belong to
 * the application's SmallRye channels, which a share consumer, an admin client or a replay reader
 * must not reuse.
 *
 * <p>Security reaches every client the same way: Quarkus maps each {@code KAFKA_*} environment
 * variable to a {@code kafka.*} setting of the default configuration ({@code KAFKA_SECURITY_PROTOCOL}
 * becomes {@code security.protocol}, {@code KAFKA_SASL_JAAS_CONFIG} becomes {@code sasl.jaas.config}),
 * which the SmallRye channels use and {@link #connection} passes on to the plain clients.
 * {@link #describe} is the one way to show these settings: secrets appear as {@value #HIDDEN}.
 */
public final class KafkaClientSettings {

    /** What {@link #describe} prints instead of a secret value (Kafka's own config logs print the same). */
    public static final String HIDDEN = "[hidden]";

    private KafkaClientSettings() {
    }

    public static Map<String, Object> connection(Map<String, Object> applicationSettings) {
        var settings = new HashMap<String, Object>();
        applicationSettings.forEach((key, value) -> {
            if (!key.startsWith("group.") && !key.equals("client.id")) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    /**
     * The connection and security settings as one log line, sorted, e.g.
     * {@code bootstrap.servers=kafka:9093, sasl.jaas.config=[hidden], sasl.mechanism=SCRAM-SHA-512,
     * security.protocol=SASL_SSL}: bootstrap servers, {@code security.*}, {@code sasl.*} and
     * {@code ssl.*}, each secret (see {@link #isSecret}) replaced by {@value #HIDDEN}.
     */
    public static String describe(Map<String, ?> settings) {
        var shown = new TreeMap<String, String>();
        settings.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                shown.put(key, isSecret(key) ? HIDDEN : String.valueOf(value));
            }
        });
        if (!shown.containsKey("security.protocol")) {
            shown.put("security.protocol", "PLAINTEXT (default)");
        }
        return shown.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /**
     * Whether a setting holds a secret: passwords, JAAS configurations (which embed credentials),
     * private keys, client secrets, tokens and user info.
     */
    public static boolean isSecret(String key) {
        var k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("jaas") || k.contains("secret") || k.contains("token")
                || k.endsWith(".key") || k.contains("user.info") || k.contains("credentials");
    }
}
