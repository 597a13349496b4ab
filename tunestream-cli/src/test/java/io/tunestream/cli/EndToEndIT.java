package io.tunestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.KafkaConsumer;
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
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.optimizer.scheduler.Asha;
import io.tunestream.optimizer.scheduler.Hyperband;
import io.tunestream.optimizer.scheduler.MedianStopping;
import io.tunestream.optimizer.scheduler.SchedulerAction;
import io.tunestream.optimizer.scheduler.TrialDecision;
import io.tunestream.optimizer.scheduler.TrialScheduler;
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
        var suggester = new SuggesterClient(cluster.suggesterUrl(), java.util.Optional.of(cluster.apiToken()));
        var results = new ResultsClient(cluster.resultsUrl(), java.util.Optional.of(cluster.apiToken()));
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

    /**
     * One study per scheduler, run at once through Kafka with the synthetic backend: the STOP and
     * PROMOTED decisions on the topic must be exactly those of the core scheduler replayed on the
     * same reports, in topic order, with results-service's rules (stale attempts and reports of
     * final trials ignored, a STOP once per trial, a promotion once per rung).
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void schedulersDecideOnTheTopicAsTheCoreSchedulersDoOnTheSameEvents() {
        var suggester = new SuggesterClient(cluster.suggesterUrl(), java.util.Optional.of(cluster.apiToken()));
        var results = new ResultsClient(cluster.resultsUrl(), java.util.Optional.of(cluster.apiToken()));
        var schedulers = Map.<String, java.util.function.Supplier<TrialScheduler>>of(
                "asha", () -> Asha.of(1, 9, 3),
                "hyperband", () -> Hyperband.of(1, 9, 3),
                "median", () -> MedianStopping.of(1, 3));
        var studies = new HashMap<String, String>();
        for (var name : schedulers.keySet()) {
            var spec = SPEC.replace("name: e2e", "name: e2e-" + name)
                    .replace("maxParallel: 3, maxEpochs: 5", "maxParallel: 2, maxEpochs: 9")
                    .replace("epochMillis: 100, noise: 0.01", "epochMillis: 200, noise: 0.05")
                    + "scheduler: {name: " + name + "}\n";
            studies.put(name, suggester.submit(spec, SpecFormat.YAML).studyId());
        }
        for (var studyId : studies.values()) {
            var watch = new StudyWatch(suggester, results, Duration.ofMillis(500), Duration.ofSeconds(15))
                    .await(studyId, Duration.ofMinutes(3), snapshot -> { }, cluster::checkHealthy);
            assertThat(watch.outcome()).as(studyId + " settles").isEqualTo(StudyWatch.Outcome.SETTLED);
        }
        var reports = read(Topics.TRIAL_REPORTED, TrialReported.class);
        var decisions = read(Topics.TRIAL_DECIDED, TrialDecided.class);
        for (var entry : studies.entrySet()) {
            String studyId = entry.getValue();
            var expected = replay(schedulers.get(entry.getKey()).get(),
                    reports.stream().filter(r -> r.studyId().equals(studyId)).toList());
            var actual = decisions.stream().filter(d -> d.studyId().equals(studyId))
                    .filter(d -> d.action() == DecisionAction.STOP || d.action() == DecisionAction.PROMOTED)
                    .map(d -> d.trialNumber() + ":" + d.action() + "@" + d.epoch())
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            assertThat(actual).as("decisions of the " + entry.getKey() + " study").isEqualTo(expected);
            if (!entry.getKey().equals("median")) {
                assertThat(actual).as(entry.getKey() + " stopped some trials").anyMatch(d -> d.contains(":STOP@"));
            }
            // every trial told to STOP ended there: the trainer checks before each epoch, so it finishes at most
            // the epoch it was training when the order arrived (+1 for the order's trip on a loaded machine)
            var stopOrders = decisions.stream().filter(d -> d.studyId().equals(studyId) && d.action() == DecisionAction.STOP)
                    .collect(Collectors.toMap(TrialDecided::trialId, TrialDecided::epoch, (a, b) -> a));
            var finals = decisions.stream().filter(d -> d.studyId().equals(studyId) && d.action().isFinal())
                    .collect(Collectors.toMap(TrialDecided::trialId, Function.identity()));
            stopOrders.forEach((trialId, epoch) -> {
                var outcome = finals.get(trialId);
                assertThat(outcome.action()).as(trialId + " after its STOP").isIn(DecisionAction.STOPPED, DecisionAction.COMPLETED);
                assertThat(outcome.epoch()).as(trialId + " ends soon after its STOP at epoch " + epoch).isLessThanOrEqualTo(epoch + 2);
            });
        }
    }

    private static java.util.Set<String> replay(TrialScheduler scheduler, List<TrialReported> reports) {
        var expected = new java.util.LinkedHashSet<String>();
        var attempts = new HashMap<Long, Integer>();
        var finished = new java.util.HashSet<Long>();
        var stopped = new java.util.HashSet<Long>();
        for (var report : reports) {
            long trial = report.trialNumber();
            if (finished.contains(trial) || report.attempt() < attempts.getOrDefault(trial, 0)) {
                continue;
            }
            attempts.merge(trial, report.attempt(), Math::max);
            List<TrialDecision> answers = List.of();
            if (report.kind() == ReportKind.EPOCH) {
                answers = scheduler.onReport(trial, report.epoch(), report.metrics().getOrDefault(METRIC, Double.NaN));
            } else if (report.kind().isFinal()) {
                finished.add(trial);
                answers = scheduler.onTrialEnded(trial);
            }
            for (var answer : answers) {
                if (finished.contains(answer.trialNumber())) {
                    continue;
                }
                if (answer.action() == SchedulerAction.STOP && stopped.add(answer.trialNumber())) {
                    expected.add(answer.trialNumber() + ":STOP@" + answer.epoch());
                } else if (answer.action() == SchedulerAction.PROMOTE) {
                    expected.add(answer.trialNumber() + ":PROMOTED@" + answer.epoch());
                }
            }
        }
        return expected;
    }

    private static TopicReader topics() {
        return new TopicReader(cluster.bootstrapServers());
    }

    private static KafkaConsumer<String, String> consumer() {
        return topics().consumer();
    }

    private static <T> List<T> read(String topic, Class<T> type) {
        return topics().read(topic, type);
    }

    private static long endOffsetTotal(String topic) {
        return topics().endOffsetTotal(topic);
    }
}
