package io.tunestream.kafka.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

    static final String SECRET = "p4ss-w0rd-that-must-never-be-logged";

    static Map<String, Object> saslSslSettings() {
        var settings = new LinkedHashMap<String, Object>();
        settings.put("bootstrap.servers", "kafka-0:9093,kafka-1:9093");
        settings.put("security.protocol", "SASL_SSL");
        settings.put("sasl.mechanism", "SCRAM-SHA-512");
        settings.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"app\" password=\"" + SECRET + "\";");
        settings.put("ssl.truststore.location", "/etc/kafka/truststore.p12");
        settings.put("ssl.truststore.password", SECRET);
        settings.put("ssl.keystore.password", SECRET);
        settings.put("ssl.key.password", SECRET);
        settings.put("ssl.keystore.key", "-----BEGIN PRIVATE KEY-----" + SECRET);
        settings.put("sasl.oauthbearer.client.credentials.client.secret", SECRET);
        settings.put("sasl.login.callback.handler.class", "com.example.Handler");
        settings.put("group.id", "suggester-service");
        settings.put("client.id", "suggester-1");
        settings.put("request.timeout.ms", "30000");
        return settings;
    }

    @Test
    void plainClientsGetTheSecuritySettingsButNotTheGroupIdentity() {
        var connection = KafkaClientSettings.connection(saslSslSettings());
        assertThat(connection).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKeys("sasl.jaas.config", "ssl.truststore.location", "ssl.truststore.password", "request.timeout.ms")
                .doesNotContainKeys("group.id", "client.id");
        // Every key is a real client setting, so a plain client accepts them all.
        assertThat(AdminClientConfig.configNames()).containsAll(connection.keySet());
    }

    @Test
    void describeShowsTheConnectionAndHidesEverySecret() {
        var line = KafkaClientSettings.describe(saslSslSettings());
        assertThat(line).doesNotContain(SECRET).doesNotContain("PRIVATE KEY")
                .contains("bootstrap.servers=kafka-0:9093,kafka-1:9093", "security.protocol=SASL_SSL", "sasl.mechanism=SCRAM-SHA-512",
                        "sasl.jaas.config=[hidden]", "ssl.truststore.password=[hidden]", "ssl.keystore.password=[hidden]",
                        "ssl.key.password=[hidden]", "ssl.keystore.key=[hidden]", "sasl.oauthbearer.client.credentials.client.secret=[hidden]",
                        "ssl.truststore.location=/etc/kafka/truststore.p12", "sasl.login.callback.handler.class=com.example.Handler")
                .doesNotContain("group.id").doesNotContain("request.timeout.ms");
        assertThat(KafkaClientSettings.describe(Map.of("bootstrap.servers", "localhost:9092")))
                .isEqualTo("bootstrap.servers=localhost:9092, security.protocol=PLAINTEXT (default)");
    }
}
