package io.tunestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;

/**
 * Faults injected into the system as it runs for users (broker, results-service, suggester and two
 * trainers, each its own JVM): a trainer killed with SIGKILL mid-trial, the suggester killed with
 * SIGKILL mid-study and started again, every event of a finished study published a second time,
 * results-service killed and restarted mid-study, the suggester and results-service killed at seeded
 * random moments (the leaderboard must equal an uninterrupted run's), the broker stopped and restarted
 * mid-study, and a trial whose program kills its trainer at every attempt (FAILED after maxAttempts).
 * Each study must complete with every trial final exactly once; assertions read the topics and the
 * REST answers, never the clock. Figures are printed as {@code [faults] ...} lines, with a summary.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    static final Path REPO = EndToEndIT.REPO;
    static final String SPEC = """
            name: %s
            objective: {metric: val_loss, direction: minimize}
            searchSpace:
              learning_rate: {type: float, low: 0.0001, high: 0.1, log: true}
              momentum: {type: float, low: 0.5, high: 0.99}
              activation: {type: categorical, choices: [relu, tanh, sigmoid]}
            algorithm: {name: random}
            budget: {maxTrials: %d, maxParallel: %d, maxEpochs: %d}
            trainer:
              backend: synthetic
              settings: {epochMillis: %d, noise: 0.01, targets: {learning_rate: 0.01, momentum: 0.9, activation: relu}}
            seed: 13
            """;
    /** A Kafka secret handed to every service: it must reach their Kafka settings and no log. */
    static final String KAFKA_SECRET = "kafka-key-password-" + java.util.UUID.randomUUID();
    /** Seeds the moments and victims of {@link #suggesterAndResultsKilledAtSeededRandomMomentsChangeNoResult()}. */
    static final long KILL_SEED = 20_261_128L;

    static LocalCluster cluster;
    static ClusterStudies studies;
    static SuggesterClient suggester;
    static ResultsClient results;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Faults injected, by kind; trials checked to have been decided exactly once. */
    static final Map<String, Integer> FAULTS = new java.util.TreeMap<>();
    static int trialsChecked;

    @BeforeAll
    static void startCluster() {
        assertThat(ModuleJars.in(REPO).missing())
                .as("jars the fault test runs, under " + REPO + " (build them first: ./mvnw -B install -DskipTests)")
                .isEmpty();
        int portBase = Ports.findFreeBlock(19280, 4);
        cluster = LocalCluster.builder(REPO)
                .workDir(REPO.resolve("tunestream-cli/target/faults"))
                .trainers(2)
                .slotsPerTrainer(2)
                .portBase(portBase)
                // a dead trainer's trials come back after 5 s; running trials renew their lock every 2 s
                .trainerProperty("tunestream.trainer.lock-duration", "PT5S")
                .trainerProperty("tunestream.trainer.renew-after", "PT2S")
                // An operator-registered program that kills the trainer running it, at every attempt, 7 s
                // in: after about three lock renewals, which use up deliveries of the work item (see README,
                // Guarantees), so the attempts left need a retried copy of the item.
                .trainerProperty("tunestream.trainer.programs.crash.command", "/bin/sh,-c,sleep 7; kill -9 $PPID")
                // the work-queue audit looks every 2 s for trials the share group archived without a report
                .serviceProperty("tunestream.results.work-queue-audit.interval", "PT2S")
                .serviceEnvironment("KAFKA_SSL_KEY_PASSWORD", KAFKA_SECRET)
                .listener(message -> System.out.println("[faults] " + message))
                .start();
        studies = new ClusterStudies(cluster);
        suggester = studies.suggester();
        results = studies.results();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster == null) {
            return;
        }
        try {
            cluster.checkHealthy();
            System.out.printf("[faults] summary: faults injected %s; trials checked %d, trials lost 0, duplicated final decisions 0,"
                    + " services crashed 0%n", FAULTS, trialsChecked);
        } finally {
            cluster.close();
        }
        // Closed: every log is complete. Neither the API token nor a Kafka password may be in one.
        studies.assertNoLogHolds(List.of(cluster.apiToken(), KAFKA_SECRET));
        assertThat(java.nio.file.Files.readString(cluster.logFile(LocalCluster.SUGGESTER)))
                .as("the Kafka password reached the suggester's Kafka settings, hidden").contains("ssl.key.password=[hidden]");
    }

    private static void fault(String kind, int count) {
        FAULTS.merge(kind, count, Integer::sum);
    }

    @Test
    @Order(1)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aTrainerKilledMidTrialHasItsTrialsRunAgainByAnotherAndTheStudyCompletes() {
        int trials = 8;
        var studyId = suggester.submit(spec("fault-trainer", trials, 4, 6, 400), SpecFormat.YAML).studyId();

        awaitTrue("trainer-0 runs a trial", Duration.ofMinutes(1), () -> busySlots(0) > 0);
        cluster.killTrainer(0);

        awaitSettled(studyId);
        assertEveryTrialFinalOnce(studyId, trials);
        var reports = read(Topics.TRIAL_REPORTED, TrialReported.class).stream().filter(r -> r.studyId().equals(studyId)).toList();
        var rerun = reports.stream().filter(r -> r.kind() == ReportKind.STARTED && r.attempt() >= 2)
                .map(TrialReported::trialId).collect(Collectors.toSet());
        assertThat(rerun).as("trials the dead trainer held, run again as attempt 2").isNotEmpty();
        var leaderboard = results.leaderboard(studyId);
        assertThat(leaderboard).filteredOn(row -> rerun.contains(row.trialId()))
                .allSatisfy(row -> assertThat(row.attempt()).as(row.trialId() + " final attempt").isGreaterThanOrEqualTo(2));
        System.out.printf("[faults] trainer kill -9: 1 fault, %d trial(s) rerun as attempt 2, trials lost 0, duplicated final decisions 0%n",
                rerun.size());
        fault("trainer kill -9", 1);

        cluster.restartTrainer(0);
    }

    @Test
    @Order(2)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aSuggesterKilledMidStudyRecoversFromKafkaAndSuggestsEveryTrialExactlyOnce() {
        int trials = 10;
        var studyId = suggester.submit(spec("fault-suggester", trials, 3, 4, 250), SpecFormat.YAML).studyId();
        int kills = 0;
        for (int threshold : new int[] {3, 7}) {
            awaitTrue("suggested >= " + threshold, Duration.ofMinutes(2),
                    () -> suggester.study(studyId).map(s -> s.trialsSuggested() >= threshold).orElse(false));
            cluster.killSuggester();
            kills++;
            cluster.restartSuggester();
            var recovered = suggester.study(studyId).orElseThrow();
            assertThat(recovered.trialsSuggested()).as("trials the restarted suggester knows").isGreaterThanOrEqualTo(threshold);
        }

        awaitSettled(studyId);
        var study = suggester.study(studyId).orElseThrow();
        assertThat(study.state()).isEqualTo("COMPLETED");
        assertThat(study.trialsSuggested()).isEqualTo(trials);
        var suggested = read(Topics.TRIAL_SUGGESTED, TrialSuggested.class).stream().filter(t -> t.studyId().equals(studyId)).toList();
        var perTrial = suggested.stream().collect(Collectors.groupingBy(TrialSuggested::trialId, Collectors.counting()));
        assertThat(perTrial).as("distinct trials suggested").hasSize(trials);
        assertThat(perTrial).allSatisfy((trialId, count) -> assertThat(count).as("suggestions of " + trialId).isEqualTo(1L));
        assertThat(suggested).extracting(TrialSuggested::trialNumber)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.range(0, trials).boxed().toList());
        assertEveryTrialFinalOnce(studyId, trials);
        System.out.printf("[faults] suggester kill -9 + restart: %d fault(s), %d trials suggested once each, trials lost 0, repeated suggestions 0%n",
                kills, perTrial.size());
        fault("suggester kill -9", kills);
    }

    @Test
    @Order(3)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void everyEventOfAFinishedStudyPublishedAgainChangesNothing() throws Exception {
        int trials = 4;
        var studyId = suggester.submit(spec("fault-duplicates", trials, 2, 3, 100), SpecFormat.YAML).studyId();
        awaitSettled(studyId);
        var decisionsBefore = decisionsOf(studyId);
        var leaderboardBefore = results.leaderboard(studyId);
        var studyBefore = suggester.study(studyId).orElseThrow();

        int republished = 0;
        try (var producer = producer()) {
            for (var topic : Topics.EVENT_TOPICS) {
                for (var record : readRaw(topic)) {
                    if (studyId.equals(record.key())) {
                        producer.send(new ProducerRecord<>(topic, record.key(), record.value())).get(10, TimeUnit.SECONDS);
                        republished++;
                    }
                }
            }
        }
        // Every consumer group has read past the duplicates, and a later study ran through the work
        // queue (one partition) behind the duplicated trials.
        awaitTrue("consumer groups caught up", Duration.ofMinutes(1), FaultToleranceIT::groupsCaughtUp);
        var sentinel = suggester.submit(spec("fault-sentinel", 1, 1, 1, 50), SpecFormat.YAML).studyId();
        awaitSettled(sentinel);
        awaitTrue("consumer groups caught up", Duration.ofMinutes(1), FaultToleranceIT::groupsCaughtUp);

        var decisionsAfter = decisionsOf(studyId);
        var expected = new ArrayList<>(decisionsBefore);
        expected.addAll(decisionsBefore); // the copies this test published, and nothing else
        assertThat(decisionsAfter).as("decisions after the duplicates").isEqualTo(expected);
        assertThat(results.leaderboard(studyId)).as("leaderboard after the duplicates").isEqualTo(leaderboardBefore);
        var studyAfter = suggester.study(studyId).orElseThrow();
        assertThat(studyAfter.state()).isEqualTo(studyBefore.state());
        assertThat(studyAfter.trialsSuggested()).isEqualTo(studyBefore.trialsSuggested());
        System.out.printf("[faults] duplicates: %d event(s) republished, new decisions 0, leaderboard rows changed 0%n", republished);
        fault("event republished", republished);
        for (var dlq : Topics.deadLetterTopics()) {
            assertThat(readRaw(dlq)).as("records on " + dlq).isEmpty();
        }
        cluster.checkHealthy();
    }

    @Test
    @Order(4)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void resultsServiceKilledMidStudyRebuildsFromKafkaAndDecidesEveryTrialOnce() {
        studySurvives("results-service kill -9", "fault-results", 8, 3, 250, () -> {
            cluster.killResults();
            // Trainers go on reporting into Kafka while results-service is down.
            ClusterStudies.pause(Duration.ofSeconds(2));
            cluster.restartResults();
        });
    }

    /**
     * One trial at a time (maxParallel 1) with TPE, whose suggestions depend on every earlier outcome,
     * once undisturbed and once with the suggester and results-service killed at moments drawn from
     * {@link #KILL_SEED}: the leaderboards (trial numbers, parameters, values, states, epochs) are equal.
     */
    @Test
    @Order(5)
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void suggesterAndResultsKilledAtSeededRandomMomentsChangeNoResult() {
        int trials = 7;
        var reference = studies.submit(tpeSpec("reference"));
        awaitSettled(reference);
        var expected = comparable(assertEveryTrialFinalOnceAndGet(reference, trials));

        var rng = new java.util.Random(KILL_SEED);
        var studyId = studies.submit(tpeSpec("killed"));
        var kills = new java.util.TreeMap<String, Integer>();
        int[] moments = rng.ints(4, 1, trials).sorted().toArray();
        // The moments are random; the victims alternate (the first one drawn), so that both services die.
        boolean suggesterFirst = rng.nextBoolean();
        for (int k = 0; k < moments.length; k++) {
            int moment = moments[k];
            awaitTrue("suggested >= " + moment, Duration.ofMinutes(2), () -> studies.suggested(studyId) >= moment);
            ClusterStudies.pause(Duration.ofMillis(rng.nextInt(1500)));
            boolean killSuggester = (k % 2 == 0) == suggesterFirst;
            if (killSuggester) {
                cluster.killSuggester();
                cluster.restartSuggester();
            } else {
                cluster.killResults();
                cluster.restartResults();
            }
            kills.merge(killSuggester ? "suggester" : "results-service", 1, Integer::sum);
        }
        awaitSettled(studyId);
        var actual = comparable(assertEveryTrialFinalOnceAndGet(studyId, trials));
        assertThat(actual).as("leaderboard after kills at suggested=" + java.util.Arrays.toString(moments) + " " + kills)
                .isEqualTo(expected);
        kills.forEach((service, count) -> fault(service + " kill -9 (seeded)", count));
        System.out.printf("[faults] seeded kills %s at suggested=%s: leaderboard equals the uninterrupted run's (%d rows)%n",
                kills, java.util.Arrays.toString(moments), actual.size());
    }

    @Test
    @Order(6)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theBrokerStoppedAndRestartedMidStudyLosesNothing() {
        studySurvives("broker stop + restart", "fault-broker", 6, 2, 300, () -> {
            cluster.stopBroker(0);
            // Every service loses Kafka: producers buffer and retry, consumers reconnect; none may exit.
            ClusterStudies.pause(Duration.ofSeconds(3));
            cluster.checkHealthy();
            cluster.startBroker(0);
        });
    }

    /**
     * A trial whose registered program kills the trainer running it, after the trainer renewed its lock:
     * every attempt kills a trainer (the test starts dead trainers again), and each renewal uses up a
     * delivery of the work item too, so the item runs out of deliveries before the trial runs out of
     * attempts. results-service's work-queue audit counts the attempts that really ran, has the item
     * published again for the ones left, and reports the trial FAILED once maxAttempts (3) attempts ran.
     * Never retried forever, never lost, and no attempt lost to a renewal.
     */
    @Test
    @Order(7)
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aTrialThatKillsItsTrainerEveryTimeRunsMaxAttemptsAttemptsAndEndsFailed() {
        var studyId = studies.submit("""
                name: fault-max-attempts
                objective: {metric: val_loss, direction: minimize}
                searchSpace:
                  x: {type: float, low: 0.0, high: 1.0}
                algorithm: {name: random}
                budget: {maxTrials: 1, maxParallel: 1, maxEpochs: 1}
                trainer: {backend: command, settings: {program: crash}}
                seed: 3
                """);
        int trainerDeaths = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (!suggester.study(studyId).map(s -> s.state().equals("COMPLETED")).orElse(false)) {
            if (System.nanoTime() > deadline) {
                var attempts = read(Topics.TRIAL_REPORTED, TrialReported.class).stream().filter(r -> r.studyId().equals(studyId))
                        .map(r -> r.kind() + "#" + r.attempt() + "@" + r.workerId()).toList();
                throw new AssertionError("the trial did not end after " + trainerDeaths + " trainer deaths; reports: " + attempts);
            }
            for (int i = 0; i < cluster.trainerCount(); i++) {
                if (!cluster.isTrainerAlive(i)) {
                    trainerDeaths++;
                    try {
                        cluster.restartTrainer(i);
                    } catch (io.tunestream.cli.local.LocalClusterException e) {
                        // The new trainer took the trial before it was ready and died of it: the next round starts it.
                    }
                }
            }
            ClusterStudies.pause(Duration.ofMillis(200));
        }
        var rows = studies.assertEveryTrialFinalOnce(studyId, 1);
        trialsChecked++;
        assertThat(rows.get(0).state()).isEqualTo("FAILED");
        assertThat(rows.get(0).reason()).startsWith("the work queue gave up on this trial");
        var started = read(Topics.TRIAL_REPORTED, TrialReported.class).stream()
                .filter(r -> r.studyId().equals(studyId) && r.kind() == ReportKind.STARTED).map(TrialReported::attempt).toList();
        // Attempt numbers skip the deliveries that lock renewals used (and any delivery whose trainer died
        // before it was ready), and a retried copy continues after the numbers of the one before; no number
        // repeats, the first always runs, and no more than maxAttempts attempts run.
        assertThat(started).as("attempts that started the program").doesNotHaveDuplicates().contains(1).hasSizeLessThanOrEqualTo(3);
        if (rows.get(0).reason().contains("attempts used up")) {
            assertThat(started).as("every attempt of maxAttempts ran, renewals notwithstanding").hasSize(3);
        }
        long retries = read(Topics.TRIAL_DECIDED, TrialDecided.class).stream()
                .filter(d -> d.studyId().equals(studyId) && d.action() == DecisionAction.RETRY).count();
        fault("work item published again (RETRY)", (int) retries);
        assertThat(trainerDeaths).as("trainers the trial killed").isGreaterThanOrEqualTo(started.size());
        fault("trainer killed by its trial", trainerDeaths);
        System.out.printf("[faults] max attempts: %d trainer deaths, attempts %s, %d retried copies, trial FAILED (%s), never retried again%n",
                trainerDeaths, started, retries, rows.get(0).reason());
    }

    /**
     * Submits a study, injects a fault once its first trial is decided, and checks that the study
     * completes with every trial decided exactly once.
     */
    private static void studySurvives(String kind, String name, int trials, int maxParallel, int epochMillis, Runnable injectAndRecover) {
        var studyId = studies.submit(spec(name, trials, maxParallel, 4, epochMillis));
        awaitTrue("a trial decided", Duration.ofMinutes(2), () -> finalDecisions(studyId) >= 1);
        injectAndRecover.run();
        awaitSettled(studyId);
        assertThat(suggester.study(studyId).orElseThrow().state()).isEqualTo("COMPLETED");
        assertEveryTrialFinalOnce(studyId, trials);
        fault(kind, 1);
        System.out.printf("[faults] %s: 1 fault, %d trials each decided once, trials lost 0, services crashed 0%n", kind, trials);
    }

    private static String tpeSpec(String name) {
        return """
                name: fault-seeded-%s
                objective: {metric: val_loss, direction: minimize}
                searchSpace:
                  learning_rate: {type: float, low: 0.0001, high: 0.1, log: true}
                  momentum: {type: float, low: 0.5, high: 0.99}
                  activation: {type: categorical, choices: [relu, tanh, sigmoid]}
                algorithm: {name: tpe, settings: {nStartupTrials: 2}}
                budget: {maxTrials: 7, maxParallel: 1, maxEpochs: 3}
                trainer:
                  backend: synthetic
                  settings: {epochMillis: 150, noise: 0.01, targets: {learning_rate: 0.01, momentum: 0.9, activation: relu}}
                seed: 29
                """.formatted(name);
    }

    private static List<LeaderboardRow> assertEveryTrialFinalOnceAndGet(String studyId, int trials) {
        trialsChecked += trials;
        return studies.assertEveryTrialFinalOnce(studyId, trials);
    }

    /** What must not depend on crashes: which trial had which parameters, value, state and epochs. */
    private static List<String> comparable(List<LeaderboardRow> rows) {
        return rows.stream().sorted(java.util.Comparator.comparingLong(LeaderboardRow::trialNumber))
                .map(r -> r.trialNumber() + " " + new java.util.TreeMap<>(r.params()) + " " + r.value() + " " + r.state() + " " + r.epochs())
                .toList();
    }

    private static long finalDecisions(String studyId) {
        return read(Topics.TRIAL_DECIDED, TrialDecided.class).stream()
                .filter(d -> d.studyId().equals(studyId) && d.action().isFinal()).count();
    }

    private static String spec(String name, int maxTrials, int maxParallel, int maxEpochs, int epochMillis) {
        return SPEC.formatted(name, maxTrials, maxParallel, maxEpochs, epochMillis);
    }

    private static void awaitSettled(String studyId) {
        studies.awaitSettled(studyId);
    }

    private static void assertEveryTrialFinalOnce(String studyId, int trials) {
        studies.assertEveryTrialFinalOnce(studyId, trials);
        trialsChecked += trials;
    }

    private static List<String> decisionsOf(String studyId) {
        return readRaw(Topics.TRIAL_DECIDED).stream().filter(r -> studyId.equals(r.key())).map(ConsumerRecord::value).toList();
    }

    private static int busySlots(int trainer) {
        var request = HttpRequest.newBuilder(cluster.trainerUrl(trainer).resolve("/q/metrics")).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            return body.lines().filter(line -> line.startsWith("hpo_trainer_slots_busy"))
                    .mapToInt(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (java.io.IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * True when the suggester's and the live results-service's consumer groups have committed every
     * record of the event topics (SmallRye commits processed offsets every few seconds).
     */
    private static boolean groupsCaughtUp() {
        try (var admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
             var consumer = consumer()) {
            var groups = admin.listGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .filter(g -> g.groupId().equals("suggester-service") || g.groupId().startsWith("results-service-"))
                    .filter(g -> g.groupState().map(state -> state == GroupState.STABLE).orElse(false))
                    .map(g -> g.groupId()).toList();
            if (groups.isEmpty()) {
                return false;
            }
            for (var group : groups) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                var partitions = committed.keySet();
                var ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
                for (var partition : partitions) {
                    var offset = committed.get(partition);
                    if (offset == null || offset.offset() < ends.get(partition)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        studies.awaitTrue(what, timeout, condition);
    }

    private static KafkaProducer<String, String> producer() {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer() {
        return studies.consumer();
    }

    private static <T> List<T> read(String topic, Class<T> type) {
        return studies.read(topic, type);
    }

    private static List<ConsumerRecord<String, String>> readRaw(String topic) {
        return studies.readRaw(topic);
    }
}
