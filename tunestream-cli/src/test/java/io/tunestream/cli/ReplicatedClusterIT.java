package io.tunestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.tunestream.cli.local.LocalCluster;
import io.tunestream.cli.local.ModuleJars;
import io.tunestream.cli.local.Ports;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.TrialDecided;

/**
 * Three brokers (a KRaft controller and three brokers in the embedded Kafka process), topics with
 * replication factor 3 and min ISR 2: the broker leading the work queue is stopped mid-study, and the
 * study still completes with every trial decided exactly once. The brokers accept only SASL clients:
 * the services reach them with {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM} and
 * {@code KAFKA_SASL_JAAS_CONFIG} from their environment, and no log shows the password.
 */
class ReplicatedClusterIT {

    static LocalCluster cluster;
    static ClusterStudies studies;

    @BeforeAll
    static void startCluster() {
        assertThat(ModuleJars.in(EndToEndIT.REPO).missing()).as("jars under " + EndToEndIT.REPO).isEmpty();
        cluster = LocalCluster.builder(EndToEndIT.REPO)
                .workDir(EndToEndIT.REPO.resolve("tunestream-cli/target/replicated"))
                .brokers(3)
                .kafkaSaslPlain()
                .trainers(1)
                .slotsPerTrainer(2)
                .portBase(Ports.findFreeBlock(19380, 3))
                .serviceProperty("tunestream.topics.replication-factor", "3")
                .trainerProperty("tunestream.trainer.lock-duration", "PT5S")
                .trainerProperty("tunestream.trainer.renew-after", "PT2S")
                .listener(message -> System.out.println("[replicated] " + message))
                .start();
        studies = new ClusterStudies(cluster);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
            var jaas = cluster.kafkaClientSettings().get("sasl.jaas.config");
            var password = jaas.substring(jaas.indexOf("password=\"") + 10, jaas.lastIndexOf('"'));
            assertThat(password).isNotBlank();
            studies.assertNoLogHolds(java.util.List.of(password, cluster.apiToken()));
            assertThat(java.nio.file.Files.readString(cluster.logFile(LocalCluster.RESULTS)))
                    .contains("security.protocol=SASL_PLAINTEXT").contains("sasl.jaas.config=[hidden]");
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aStudyCompletesWhenTheBrokerLeadingTheWorkQueueStops() throws Exception {
        int trials = 6;
        var studyId = studies.submit(FaultToleranceIT.SPEC.formatted("replicated", trials, 2, 4, 300));
        int leader;
        var adminSettings = new java.util.HashMap<String, Object>(cluster.kafkaClientSettings());
        adminSettings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        assertThat(adminSettings).containsEntry("security.protocol", "SASL_PLAINTEXT");
        try (var admin = Admin.create(adminSettings)) {
            var descriptions = admin.describeTopics(Topics.EVENT_TOPICS).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(descriptions.values()).as("event topics").hasSize(Topics.EVENT_TOPICS.size())
                    .allSatisfy(topic -> assertThat(topic.partitions()).allSatisfy(p ->
                            assertThat(p.replicas()).as(topic.name() + " replicas").hasSize(3)));
            TopicDescription workQueue = descriptions.get(Topics.TRIAL_SUGGESTED);
            leader = workQueue.partitions().get(0).leader().id();
        }
        studies.awaitTrue("a trial decided", Duration.ofMinutes(2), () -> studies.read(Topics.TRIAL_DECIDED, TrialDecided.class)
                .stream().anyMatch(d -> d.studyId().equals(studyId) && d.action().isFinal()));
        cluster.stopBroker(leader);

        studies.awaitSettled(studyId);
        studies.assertEveryTrialFinalOnce(studyId, trials);
        cluster.checkHealthy();
        System.out.printf("[faults] 3 SASL brokers, replication factor 3: broker %d (leader of %s) stopped mid-study; %d trials each decided once,"
                + " trials lost 0, services crashed 0%n", leader, Topics.TRIAL_SUGGESTED, trials);
        cluster.startBroker(leader); // rejoins on its port with its log directory
    }
}
