package io.tunestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import io.tunestream.cli.client.LeaderboardRow;
import io.tunestream.cli.client.ResultsClient;
import io.tunestream.cli.client.StudyWatch;
import io.tunestream.cli.client.SuggesterClient;
import io.tunestream.cli.client.SuggesterClient.SpecFormat;
import io.tunestream.cli.local.LocalCluster;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialSuggested;

/**
 * What the fault ITs do with a started {@link LocalCluster}: submit studies with the cluster's API
 * token, wait for conditions (checking meanwhile that no process died unexpectedly), read topics,
 * and check that every trial of a study was decided exactly once. Assertions read the topics and the
 * REST answers, never the clock.
 */
final class ClusterStudies {

    static final Set<String> FINAL = Set.of("COMPLETED", "STOPPED", "FAILED");

    private final LocalCluster cluster;
    private final SuggesterClient suggester;
    private final ResultsClient results;

    ClusterStudies(LocalCluster cluster) {
        this.cluster = cluster;
        this.suggester = new SuggesterClient(cluster.suggesterUrl(), Optional.of(cluster.apiToken()));
        this.results = new ResultsClient(cluster.resultsUrl(), Optional.of(cluster.apiToken()));
    }

    SuggesterClient suggester() {
        return suggester;
    }

    ResultsClient results() {
        return results;
    }

    String submit(String yaml) {
        return suggester.submit(yaml, SpecFormat.YAML).studyId();
    }

    void awaitSettled(String studyId) {
        var watch = new StudyWatch(suggester, results, Duration.ofMillis(500), Duration.ofSeconds(30))
                .await(studyId, Duration.ofMinutes(3), snapshot -> { }, cluster::checkHealthy);
        assertThat(watch.outcome()).as(studyId + " settles").isEqualTo(StudyWatch.Outcome.SETTLED);
    }

    /**
     * Every suggested trial has exactly one final decision, and the leaderboard shows each as final.
     * Returns the final decisions by trial (each 1).
     */
    List<LeaderboardRow> assertEveryTrialFinalOnce(String studyId, int trials) {
        var suggested = read(Topics.TRIAL_SUGGESTED, TrialSuggested.class).stream()
                .filter(t -> t.studyId().equals(studyId)).map(TrialSuggested::trialId).collect(Collectors.toSet());
        assertThat(suggested).as("trials suggested (none lost, none twice)").hasSize(trials);
        var finals = read(Topics.TRIAL_DECIDED, TrialDecided.class).stream()
                .filter(d -> d.studyId().equals(studyId) && d.action().isFinal())
                .collect(Collectors.groupingBy(TrialDecided::trialId, Collectors.counting()));
        assertThat(finals.keySet()).as("trials with a final decision").isEqualTo(suggested);
        assertThat(finals).allSatisfy((trialId, count) -> assertThat(count).as("final decisions of " + trialId).isEqualTo(1L));
        List<LeaderboardRow> leaderboard = results.leaderboard(studyId);
        assertThat(leaderboard).hasSize(trials);
        assertThat(leaderboard).extracting(LeaderboardRow::state).allMatch(FINAL::contains);
        return leaderboard;
    }

    /** Polls {@code condition} until true; fails after {@code timeout} or when a process died unexpectedly. */
    void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            cluster.checkHealthy();
            assertThat(System.nanoTime()).as(what + " within " + timeout).isLessThan(deadline);
            pause(Duration.ofMillis(200));
        }
    }

    /** Trials the suggester has suggested for the study so far (0 while it cannot answer). */
    long suggested(String studyId) {
        try {
            return suggester.study(studyId).map(s -> (long) s.trialsSuggested()).orElse(0L);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Fails when a process's log holds one of the secrets (the API token, a Kafka password). */
    void assertNoLogHolds(List<String> secrets) throws IOException {
        for (var process : cluster.processes()) {
            var log = Files.readString(process.log());
            for (var secret : secrets) {
                assertThat(log.contains(secret)).as(process.name() + "'s log holds a secret").isFalse();
            }
        }
    }

    <T> List<T> read(String topic, Class<T> type) {
        return topics().read(topic, type);
    }

    List<ConsumerRecord<String, String>> readRaw(String topic) {
        return topics().readRaw(topic);
    }

    KafkaConsumer<String, String> consumer() {
        return topics().consumer();
    }

    private TopicReader topics() {
        return new TopicReader(cluster.bootstrapServers(), cluster.kafkaClientSettings());
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
