package io.tunestream.suggester.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.tunestream.contracts.Topics;

/**
 * Creates Tunestream's topics when they are missing, so that a local run or a fresh cluster works
 * without manual steps: the event topics with {@code tunestream.topics.partitions} partitions, their
 * dead-letter topics, and {@code hpo.study.changed} compacted (the latest record of a study is the
 * study). Idempotent; off ({@code tunestream.topics.provision=false}) where topics are managed
 * elsewhere, e.g. Strimzi {@code KafkaTopic} resources.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final Map<String, Object> kafkaConfig;
    private final boolean provision;
    private final int partitions;
    private final Optional<Short> replicationFactor;

    public TopicProvisioner(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                            @ConfigProperty(name = "tunestream.topics.provision", defaultValue = "true") boolean provision,
                            @ConfigProperty(name = "tunestream.topics.partitions", defaultValue = "6") int partitions,
                            @ConfigProperty(name = "tunestream.topics.replication-factor") Optional<Short> replicationFactor) {
        this.kafkaConfig = kafkaConfig;
        this.provision = provision;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    void onStart(@Observes StartupEvent event) {
        if (provision) {
            provision();
        }
    }

    void provision() {
        var adminConfig = new HashMap<String, Object>();
        kafkaConfig.forEach((key, value) -> {
            if (!key.startsWith("group.") && !key.equals("client.id")) {
                adminConfig.put(key, value);
            }
        });
        try (var admin = Admin.create(adminConfig)) {
            var topics = new ArrayList<NewTopic>();
            for (var topic : Topics.EVENT_TOPICS) {
                topics.add(newTopic(topic, partitions));
            }
            for (var topic : Topics.deadLetterTopics()) {
                topics.add(newTopic(topic, 1));
            }
            admin.createTopics(topics).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                    LOG.infof("created topic %s", name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause().getMessage(), e);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("cannot create topic " + name + ": " + e.getMessage(), e);
                }
            });
            // A consumer may have auto-created the topic first, without compaction: set it either way.
            var studyTopic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.STUDY_CHANGED);
            admin.incrementalAlterConfigs(Map.of(studyTopic, List.of(
                    new AlterConfigOp(new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot provision topics: " + e.getMessage(), e);
        }
    }

    private NewTopic newTopic(String name, int count) {
        var topic = new NewTopic(name, Optional.of(count), replicationFactor);
        return Topics.STUDY_CHANGED.equals(name) ? topic.configs(Map.of("cleanup.policy", "compact")) : topic;
    }
}
