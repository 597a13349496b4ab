package io.tunestream.kafka.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The connection part of an application's Kafka settings (bootstrap servers, security, timeouts) for
 * a plain client the service creates itself: without the group and client identity that belong to
 * the application's SmallRye channels, which a share consumer, an admin client or a replay reader
 * must not reuse.
 */
public final class KafkaClientSettings {

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
}
