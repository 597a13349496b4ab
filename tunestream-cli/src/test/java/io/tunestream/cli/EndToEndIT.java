package io.tunestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.tunestream.cli.client.LeaderboardRow;
import io.tunestream.cli.client.ResultsClient;
import io.tunestream.cli.client.StudyWatch;
import io.tunestream.cli.client.SuggesterClient;
import io.tunestream.cli.client.SuggesterClient.SpecFormat;
import io.tunestream.cli.local.LocalCluster;
import io.tunestream.cli.local.ModuleJars;
import io.tunestream.cli.local.Ports;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;

/**
 * The whole system as it runs for users: the embedded broker, results-service, suggester-service and
 * two trainers (two slots each), every one its own JVM started from the reactor's packaged jars by the
 * same {@link LocalCluster} that {@code tunestream demo} uses. A 12-trial study must complete, and the
 * topics must tell the same story as the REST answers.
 */
class EndToEndIT {

    static final Path REPO = Path.of(System.getProperty("tunestream.repo", "..")).toAbsolutePath().normalize();
    static final int TRIALS = 12;
    static final String METRIC = "val_loss";
    static final String SPEC = """
            name: e2e
            objective: {metric: val_loss, direction: minimize}
            searchSpace:
              learning_rate: {type: float, low: 0.0001, high: 0.1, log: true}
              momentum: {type: float, low: 0.5, high: 0.99}
              batch_size: {type: int, low: 16, high: 256, log: true}
              activation: {type: categorical, choices: [relu, tanh, sigmoid]}
            algorithm: {name: random}
            budget: {maxTrials: 12, maxParallel: 3, maxEpochs: 5}
            trainer:
              backend: synthetic
              settings: {epochMillis: 100, noise: 0.01, targets: {learning_rate: 0.01, momentum: 0.9, batch_size: 64, activation: relu}}
            seed: 7
            """;

    static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        assertThat(ModuleJars.in(REPO).missing())
                .as("jars the end-to-end test runs, under " + REPO + " (build them first: ./mvnw -B install -DskipTests)")
                .isEmpty();
        int portBase = Ports.findFreeBlock(19180, 4);
        cluster = LocalCluster.builder(REPO)
                .workDir(REPO.resolve("tunestream-cli/target/e2e"))
                .trainers(2)
                .slotsPerTrainer(2)
                .portBase(portBase)
                .listener(message -> System.out.println("[e2e] " + message))
                .start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aTwelveTrialStudyCompletesAndTheTopicsAgreeWithTheLeaderboard() {
        var suggester = new SuggesterClient(cluster.suggesterUrl());
        var results = new ResultsClient(cluster.resultsUrl());
        var studyId = suggester.submit(SPEC, SpecFormat.YAML).studyId();

        var watch = new StudyWatch(suggester, results, Duration.ofMillis(500), Duration.ofSeconds(15))
                .await(studyId, Duration.ofMinutes(3), snapshot -> { }, cluster::checkHealthy);

        assertThat(watch.outcome()).as("the study settles within 3 minutes").isEqualTo(StudyWatch.Outcome.SETTLED);
        var last = watch.last().orElseThrow();
        assertThat(last.study().state()).isEqualTo("COMPLETED");
        assertThat(last.study().trialsSuggested()).isEqualTo(TRIALS);
        assertThat(last.results().orElseThrow().trials().total()).isEqualTo(TRIALS);

        // every suggested trial got exactly one final decision, and no other trial got one
        var suggested = read(Topics.TRIAL_SUGGESTED, TrialSuggested.class).stream()
                .filter(t -> t.studyId().equals(studyId)).map(TrialSuggested::trialId).collect(Collectors.toSet());
        assertThat(suggested).hasSize(TRIALS);
        var finalDecisions = read(Topics.TRIAL_DECIDED, TrialDecided.class).stream()
                .filter(d -> d.studyId().equals(studyId) && d.action().isFinal())
                .collect(Collectors.groupingBy(TrialDecided::trialId, Collectors.counting()));
        assertThat(finalDecisions.keySet()).isEqualTo(suggested);
        assertThat(finalDecisions).allSatisfy((trialId, count) ->
                assertThat(count).as("final decisions of " + trialId).isEqualTo(1L));

        // the leaderboard has every trial, each final
        List<LeaderboardRow> leaderboard = results.leaderboard(studyId);
        assertThat(leaderboard).hasSize(TRIALS);
        assertThat(leaderboard).extracting(LeaderboardRow::trialId).containsExactlyInAnyOrderElementsOf(suggested);
        assertThat(leaderboard).extracting(LeaderboardRow::state).allMatch(state -> Set.of("COMPLETED", "STOPPED", "FAILED").contains(state));

        // the best row is the true best of what the trainers reported as COMPLETED (latest attempt of each trial)
        var completedReports = read(Topics.TRIAL_REPORTED, TrialReported.class).stream()
                .filter(r -> r.studyId().equals(studyId) && r.kind() == ReportKind.COMPLETED)
                .collect(Collectors.toMap(TrialReported::trialId, Function.identity(),
                        (a, b) -> a.attempt() >= b.attempt() ? a : b));
        assertThat(completedReports).as("trials that completed").isNotEmpty();
        double trueBest = completedReports.values().stream()
                .map(r -> r.metrics().get(METRIC))
                .min(Comparator.naturalOrder()).orElseThrow();
        var best = results.best(studyId).orElseThrow();
        assertThat(best.value()).isEqualTo(trueBest);
        assertThat(best.state()).isEqualTo("COMPLETED");
        assertThat(leaderboard.stream().filter(row -> row.state().equals("COMPLETED")).findFirst().orElseThrow().trialId())
                .as("the first COMPLETED row of the leaderboard").isEqualTo(best.trialId());
        assertThat(completedReports.get(best.trialId()).metrics().get(METRIC)).isEqualTo(trueBest);

        // nothing was dead-lettered
        for (var dlq : Topics.deadLetterTopics()) {
            assertThat(endOffsetTotal(dlq)).as("records on " + dlq).isZero();
        }
        cluster.checkHealthy();
    }

    private static KafkaConsumer<String, String> consumer() {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tunestream-e2e-reader");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    /** Every record of {@code topic} from the beginning to the current end; empty when the topic does not exist. */
    private static <T> List<T> read(String topic, Class<T> type) {
        var values = new ArrayList<T>();
        try (var consumer = consumer()) {
            if (!consumer.listTopics(Duration.ofSeconds(10)).containsKey(topic)) {
                return values;
            }
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(10)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                assertThat(System.nanoTime()).as("reading " + topic + " to its end within 30 s").isLessThan(deadline);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(Json.read(record.value(), type));
                }
            }
        }
        return values;
    }

    private static long endOffsetTotal(String topic) {
        try (var consumer = consumer()) {
            if (!consumer.listTopics(Duration.ofSeconds(10)).containsKey(topic)) {
                return 0;
            }
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
