package io.tunestream.suggester.config;

import java.util.ArrayList;
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
import io.tunestream.kafka.support.KafkaClientSettings;

/**
 * Creates Tunestream's topics when they are missing, so that a local run or a fresh cluster works
 * without manual steps: the event topics with {@code tunestream.topics.partitions} partitions, their
 * dead-letter topics, and {@code hpo.study.changed} compacted (the latest record of a study is the
 * study). Idempotent; off ({@code tunestream.topics.provision=false}) where topics are managed
 * elsewhere, e.g. Strimzi {@code KafkaTopic} resources.
 *
 * <p>The work queue gets {@code tunestream.topics.work-queue-partitions} (default 1). A share group
 * hands each partition to a subset of its members, and a partition is shared between members only
 * when there are more members than partitions; with as many partitions as slots, every trial of a
 * study (all keyed by its id) would queue behind one slot while the others idle. One partition
 * carries thousands of suggestions a second, far more than any GPU fleet consumes.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final Map<String, Object> kafkaConfig;
    private final boolean provision;
    private final int partitions;
    private final int workQueuePartitions;
    private final Optional<Short> replicationFactor;

    public TopicProvisioner(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                            @ConfigProperty(name = "tunestream.topics.provision", defaultValue = "true") boolean provision,
                            @ConfigProperty(name = "tunestream.topics.partitions", defaultValue = "6") int partitions,
                            @ConfigProperty(name = "tunestream.topics.work-queue-partitions", defaultValue = "1") int workQueuePartitions,
                            @ConfigProperty(name = "tunestream.topics.replication-factor") Optional<Short> replicationFactor) {
        this.kafkaConfig = kafkaConfig;
        this.provision = provision;
        this.partitions = partitions;
        this.workQueuePartitions = workQueuePartitions;
        this.replicationFactor = replicationFactor;
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof("Kafka connection: %s", KafkaClientSettings.describe(kafkaConfig));
        if (provision) {
            provision();
        }
    }

    void provision() {
        try (var admin = Admin.create(KafkaClientSettings.connection(kafkaConfig))) {
            var topics = new ArrayList<NewTopic>();
            for (var topic : Topics.EVENT_TOPICS) {
                topics.add(newTopic(topic, Topics.TRIAL_SUGGESTED.equals(topic) ? workQueuePartitions : partitions));
            }
            for (var topic : Topics.deadLetterTopics()) {
                topics.add(newTopic(topic, 1));
            }
            var existing = new java.util.HashSet<String>();
            admin.createTopics(topics).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                    LOG.infof("created topic %s", name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause().getMessage(), e);
                    }
                    existing.add(name);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot create topic " + name + ": " + e.getMessage(), e);
                }
            });
            // Topics created just now have the right shape; one that existed may have been auto-created
            // by a client with the broker's defaults.
            if (existing.contains(Topics.TRIAL_SUGGESTED)) {
                warnIfWorkQueueIsSplit(admin);
            }
            if (existing.contains(Topics.STUDY_CHANGED)) {
                var studyTopic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.STUDY_CHANGED);
                admin.incrementalAlterConfigs(Map.of(studyTopic, List.of(
                        new AlterConfigOp(new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.SET))))
                        .all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot provision topics: " + e.getMessage(), e);
        }
    }

    private void warnIfWorkQueueIsSplit(Admin admin) throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        var description = admin.describeTopics(List.of(Topics.TRIAL_SUGGESTED)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(Topics.TRIAL_SUGGESTED);
        if (description.partitions().size() > workQueuePartitions) {
            LOG.warnf("%s has %d partitions (expected %d): trainers share a partition only when they outnumber the partitions,"
                    + " so trials may wait behind one busy slot", Topics.TRIAL_SUGGESTED, description.partitions().size(), workQueuePartitions);
        }
    }

    private NewTopic newTopic(String name, int count) {
        var topic = new NewTopic(name, Optional.of(count), replicationFactor);
        return Topics.STUDY_CHANGED.equals(name) ? topic.configs(Map.of("cleanup.policy", "compact")) : topic;
    }
}
