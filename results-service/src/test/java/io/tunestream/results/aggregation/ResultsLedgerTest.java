package io.tunestream.results.aggregation;

import static io.tunestream.results.aggregation.Events.METRIC;
import static io.tunestream.results.aggregation.Events.STUDY;
import static io.tunestream.results.aggregation.Events.completed;
import static io.tunestream.results.aggregation.Events.epoch;
import static io.tunestream.results.aggregation.Events.failed;
import static io.tunestream.results.aggregation.Events.report;
import static io.tunestream.results.aggregation.Events.running;
import static io.tunestream.results.aggregation.Events.started;
import static io.tunestream.results.aggregation.Events.stopped;
import static io.tunestream.results.aggregation.Events.stoppedReport;
import static io.tunestream.results.aggregation.Events.suggested;
import static io.tunestream.results.aggregation.Events.trialId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.tunestream.contracts.SchemaVersion;
import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.optimizer.objective.Direction;

class ResultsLedgerTest {

    private static final Instant NOW = Instant.parse("2026-02-02T12:00:00Z");

    private final ResultsLedger ledger = new ResultsLedger(Clock.fixed(NOW, ZoneOffset.UTC));

    /** Feeds an event of any of the three topics to a ledger and returns the decisions it caused. */
    private static List<TrialDecided> apply(ResultsLedger target, Object event) {
        if (event instanceof StudyChanged changed) {
            return target.onStudyChanged(changed);
        }
        if (event instanceof TrialSuggested suggestion) {
            return target.onTrialSuggested(suggestion);
        }
        return target.onTrialReported((TrialReported) event);
    }

    private List<TrialDecided> feed(Object event) {
        return apply(ledger, event);
    }

    private List<TrialDecided> feedAll(List<?> events) {
        var decisions = new ArrayList<TrialDecided>();
        events.forEach(event -> decisions.addAll(feed(event)));
        return decisions;
    }

    private TrialDetail detail(long number) {
        return ledger.trial(STUDY, trialId(number)).orElseThrow();
    }

    private StudySummary summary() {
        return ledger.study(STUDY).orElseThrow();
    }

    @Nested
    class Attempts {

        @Test
        void aStaleAttemptIsIgnored() {
            feedAll(List.of(running("minimize"), suggested(0), started(0, 2), epoch(0, 2, 1, 0.7)));

            var decisions = feedAll(List.of(epoch(0, 1, 1, 0.1), epoch(0, 1, 2, 0.05), completed(0, 1, 2)));

            assertThat(decisions).isEmpty();
            TrialDetail trial = detail(0);
            assertThat(trial.row().state()).isEqualTo(TrialState.RUNNING);
            assertThat(trial.row().attempt()).isEqualTo(2);
            assertThat(trial.row().workerId()).contains("worker-2");
            assertThat(trial.curve()).containsExactly(new CurvePoint(1, Map.of(METRIC, 0.7)));
        }

        @Test
        void aNewerAttemptStartsTheCurveOver() {
            feedAll(List.of(running("minimize"), suggested(0), started(0, 1), epoch(0, 1, 1, 0.9), epoch(0, 1, 2, 0.8)));

            feedAll(List.of(started(0, 2), epoch(0, 2, 1, 0.6)));

            TrialDetail trial = detail(0);
            assertThat(trial.row().attempt()).isEqualTo(2);
            assertThat(trial.curve()).extracting(CurvePoint::epoch).containsExactly(1);
            assertThat(trial.row().value()).hasValue(0.6);
            assertThat(trial.timings().startedAt()).contains(Events.T0.plusSeconds(20));
            // The dead attempt's two epochs were spent all the same.
            assertThat(summary().epochsUsed()).isEqualTo(3);
        }

        @Test
        void nothingChangesOnceTheTrialIsFinal() {
            feedAll(List.of(running("minimize"), suggested(0), started(0, 1), epoch(0, 1, 1, 0.4), completed(0, 1, 1)));

            var decisions = feedAll(List.of(started(0, 2), epoch(0, 2, 1, 0.1), completed(0, 2, 1),
                    failed(0, 1, 1, "late failure"), epoch(0, 1, 2, 0.01)));

            assertThat(decisions).isEmpty();
            TrialDetail trial = detail(0);
            assertThat(trial.row().state()).isEqualTo(TrialState.COMPLETED);
            assertThat(trial.row().attempt()).isEqualTo(1);
            assertThat(trial.row().value()).hasValue(0.4);
            assertThat(trial.curve()).hasSize(1);
        }
    }

    @Nested
    class Idempotence {

        @Test
        void aDuplicatedEpochKeepsTheFirstReportOfThatEpoch() {
            feedAll(List.of(running("minimize"), suggested(0), epoch(0, 1, 1, 0.5), epoch(0, 1, 2, 0.3)));

            feed(epoch(0, 1, 1, 0.99));

            assertThat(detail(0).curve()).containsExactly(
                    new CurvePoint(1, Map.of(METRIC, 0.5)), new CurvePoint(2, Map.of(METRIC, 0.3)));
            assertThat(detail(0).row().value()).hasValue(0.3);
        }

        @Test
        void everyEventTwiceGivesTheSameStateAndTheSameDecisionsAsOnce() {
            var events = List.<Object>of(running("minimize"), suggested(0), suggested(1), started(0, 1), epoch(0, 1, 1, 0.5),
                    completed(0, 1, 1), started(1, 1), failed(1, 1, 0, "out of memory"), stopped("minimize"));
            var once = new ResultsLedger(Clock.fixed(NOW, ZoneOffset.UTC));
            var onceDecisions = new ArrayList<TrialDecided>();
            events.forEach(event -> onceDecisions.addAll(apply(once, event)));

            var twice = new ArrayList<Object>();
            events.forEach(event -> {
                twice.add(event);
                twice.add(event);
            });
            var decisions = feedAll(twice);

            assertThat(decisions).isEqualTo(onceDecisions);
            assertThat(ledger.studies()).isEqualTo(once.studies());
            assertThat(ledger.trials(STUDY, LeaderboardQuery.DEFAULT)).isEqualTo(once.trials(STUDY, LeaderboardQuery.DEFAULT));
        }

        @Test
        void aRedeliveredOlderStudyVersionDoesNotRollTheStudyBack() {
            feedAll(List.of(running("minimize"), stopped("minimize")));

            feed(running("minimize"));

            assertThat(summary().state()).contains(StudyState.STOPPED);
        }
    }

    @Nested
    class Ordering {

        private final List<Object> events = List.of(
                running("maximize"), suggested(0), suggested(1), suggested(2),
                started(0, 1), epoch(0, 1, 1, 0.6), epoch(0, 1, 2, 0.7), completed(0, 1, 2),
                started(1, 1), epoch(1, 1, 1, 0.8), started(1, 2), epoch(1, 2, 1, 0.75), epoch(1, 2, 2, 0.9), completed(1, 2, 2),
                started(2, 1), epoch(2, 1, 1, 0.1), stoppedReport(2, 1, 1, "halved at rung 1"));

        @Test
        void theOutcomeDoesNotDependOnHowTheThreeTopicsInterleave() {
            var expected = new ResultsLedger(Clock.fixed(NOW, ZoneOffset.UTC));
            var expectedDecisions = new ArrayList<TrialDecided>();
            for (Object event : events) {
                expectedDecisions.addAll(apply(expected, event));
            }
            var random = new Random(5);
            for (int round = 0; round < 50; round++) {
                var ledgerOfRound = new ResultsLedger(Clock.fixed(NOW, ZoneOffset.UTC));
                var decisions = new ArrayList<TrialDecided>();
                for (Object event : interleave(random)) {
                    decisions.addAll(apply(ledgerOfRound, event));
                }
                assertThat(ledgerOfRound.studies()).isEqualTo(expected.studies());
                assertThat(ledgerOfRound.trials(STUDY, LeaderboardQuery.DEFAULT)).isEqualTo(expected.trials(STUDY, LeaderboardQuery.DEFAULT));
                assertThat(decisions).containsExactlyInAnyOrderElementsOf(expectedDecisions);
            }
            assertThat(expectedDecisions).extracting(TrialDecided::trialId, TrialDecided::action, TrialDecided::value).containsExactly(
                    tuple(trialId(0), DecisionAction.COMPLETED, 0.7),
                    tuple(trialId(1), DecisionAction.COMPLETED, 0.9),
                    tuple(trialId(2), DecisionAction.STOPPED, 0.1));
        }

        /** A random merge of the three topics, each topic keeping its own order (one partition per study). */
        private List<Object> interleave(Random random) {
            var topics = List.of(
                    new ArrayList<>(events.stream().filter(e -> e instanceof StudyChanged).toList()),
                    new ArrayList<>(events.stream().filter(e -> e instanceof TrialSuggested).toList()),
                    new ArrayList<>(events.stream().filter(e -> e instanceof TrialReported).toList()));
            var merged = new ArrayList<>();
            while (topics.stream().anyMatch(topic -> !topic.isEmpty())) {
                var topic = topics.get(random.nextInt(3));
                if (!topic.isEmpty()) {
                    merged.add(topic.remove(0));
                }
            }
            return merged;
        }

        @Test
        void aCompletionBeforeAnythingNamesTheMetricIsDecidedWhenTheMetricBecomesKnown() {
            var early = feedAll(List.of(started(0, 1), epoch(0, 1, 1, 0.4), epoch(0, 1, 2, 0.3), completed(0, 1, 2)));

            assertThat(early).isEmpty();
            assertThat(detail(0).row().state()).isEqualTo(TrialState.COMPLETED);
            assertThat(detail(0).row().value()).isEmpty();

            var decided = feed(suggested(0));

            assertThat(decided).singleElement().satisfies(decision -> {
                assertThat(decision.action()).isEqualTo(DecisionAction.COMPLETED);
                assertThat(decision.value()).isEqualTo(0.3);
                assertThat(decision.epoch()).isEqualTo(2);
            });
            assertThat(feed(running("minimize"))).isEmpty();
        }

        @Test
        void theStudysSpecNamesTheMetricWhenTheSuggestionIsMissing() {
            feedAll(List.of(started(0, 1), epoch(0, 1, 1, 0.4), completed(0, 1, 1)));

            assertThat(feed(running("minimize"))).extracting(TrialDecided::action, TrialDecided::value)
                    .containsExactly(tuple(DecisionAction.COMPLETED, 0.4));
            assertThat(summary().metric()).contains(METRIC);
        }
    }

    @Nested
    class FinalDecisions {

        @Test
        void aCompletedReportIsDecidedOnceWithTheLastEpochsValue() {
            feedAll(List.of(running("minimize"), suggested(0), started(0, 1), epoch(0, 1, 2, 0.2), epoch(0, 1, 1, 0.9)));

            var decisions = feedAll(List.of(completed(0, 1, 2), completed(0, 1, 2)));

            assertThat(decisions).containsExactly(
                    new TrialDecided(SchemaVersion.CURRENT, STUDY, trialId(0), 0, 1, DecisionAction.COMPLETED, 2, 0.2, null, NOW));
        }

        @Test
        void theFinalReportsOwnObjectiveWinsOverTheCurve() {
            feedAll(List.of(running("minimize"), suggested(0), started(0, 1), epoch(0, 1, 1, 0.9)));

            var decisions = feed(report(0, 1, ReportKind.COMPLETED, 1, Map.of(METRIC, 0.85), null));

            assertThat(decisions).singleElement().extracting(TrialDecided::value).isEqualTo(0.85);
            assertThat(detail(0).row().value()).hasValue(0.85);
        }

        @Test
        void aCompletionWithoutTheObjectiveIsWorthNaN() {
            feedAll(List.of(running("minimize"), suggested(0), started(0, 1),
                    report(0, 1, ReportKind.EPOCH, 1, Map.of("accuracy", 0.9), null)));

            var decisions = feed(completed(0, 1, 1));

            assertThat(decisions).singleElement().satisfies(decision -> {
                assertThat(decision.value()).isNaN();
                assertThat(decision.reason()).contains("`loss` was never reported");
            });
        }

        @Test
        void aStoppedReportCarriesTheValueAtItsLastEpochOrNone() {
            feedAll(List.of(running("minimize"), suggested(0), suggested(1), started(0, 1), epoch(0, 1, 1, 0.6), started(1, 1)));

            var withEpoch = feed(stoppedReport(0, 1, 1, "halved at rung 1"));
            var withoutEpoch = feed(stoppedReport(1, 1, 0, "study stopped by user"));

            assertThat(withEpoch).singleElement().satisfies(decision -> {
                assertThat(decision.action()).isEqualTo(DecisionAction.STOPPED);
                assertThat(decision.value()).isEqualTo(0.6);
                assertThat(decision.epoch()).isEqualTo(1);
                assertThat(decision.reason()).isEqualTo("halved at rung 1");
            });
            assertThat(withoutEpoch).singleElement().satisfies(decision -> {
                assertThat(decision.action()).isEqualTo(DecisionAction.STOPPED);
                assertThat(decision.value()).isNull();
                assertThat(decision.epoch()).isZero();
            });
        }

        @Test
        void aFailureIsDecidedWithItsMessageAndNoValue() {
            feedAll(List.of(running("minimize"), suggested(0), started(0, 3), epoch(0, 3, 1, 0.6)));

            var decisions = feed(failed(0, 3, 1, "exit code 137"));

            assertThat(decisions).singleElement().satisfies(decision -> {
                assertThat(decision.action()).isEqualTo(DecisionAction.FAILED);
                assertThat(decision.attempt()).isEqualTo(3);
                assertThat(decision.value()).isNull();
                assertThat(decision.reason()).isEqualTo("exit code 137");
            });
            assertThat(detail(0).row().value()).isEmpty();
            assertThat(detail(0).row().reason()).contains("exit code 137");
        }

        @Test
        void decisionsPublishedByAnEarlierRunAreNotPublishedAgainOnReplay() {
            var events = List.<Object>of(running("minimize"), suggested(0), suggested(1), started(0, 1), epoch(0, 1, 1, 0.4),
                    completed(0, 1, 1), started(1, 1), stopped("minimize"));
            var firstRun = new ResultsLedger(Clock.fixed(NOW, ZoneOffset.UTC));
            var published = new ArrayList<TrialDecided>();
            for (Object event : events) {
                published.addAll(apply(firstRun, event));
            }
            assertThat(published).extracting(TrialDecided::action).containsExactly(DecisionAction.COMPLETED, DecisionAction.STOP);

            published.forEach(ledger::recordPublished);
            var replayed = feedAll(events);

            assertThat(replayed).isEmpty();
            assertThat(ledger.studies()).isEqualTo(firstRun.studies());
            assertThat(feed(stoppedReport(1, 1, 0, "stopped"))).extracting(TrialDecided::action).containsExactly(DecisionAction.STOPPED);
        }
    }

    @Nested
    class StudyStop {

        @Test
        void stoppingAStudyStopsEveryTrialThatIsNotFinalOnce() {
            feedAll(List.of(running("minimize"), suggested(0), suggested(1), suggested(2), suggested(3),
                    started(0, 1), epoch(0, 1, 1, 0.3), completed(0, 1, 1),
                    started(1, 1), epoch(1, 1, 1, 0.5), epoch(1, 1, 2, 0.4),
                    started(3, 1), failed(3, 1, 0, "crashed")));

            var decisions = feed(stopped("minimize"));
            var again = feedAll(List.of(stopped("minimize"), epoch(1, 1, 3, 0.35), started(2, 1)));

            assertThat(decisions).extracting(TrialDecided::trialId, TrialDecided::action, TrialDecided::epoch, TrialDecided::reason)
                    .containsExactlyInAnyOrder(
                            tuple(trialId(1), DecisionAction.STOP, 2, ResultsLedger.STUDY_STOPPED_REASON),
                            tuple(trialId(2), DecisionAction.STOP, 0, ResultsLedger.STUDY_STOPPED_REASON));
            assertThat(decisions).allSatisfy(decision -> assertThat(decision.value()).isNull());
            assertThat(again).isEmpty();
        }

        @Test
        void aTrialLearnedAfterTheStudyStoppedIsStoppedToo() {
            feedAll(List.of(running("minimize"), stopped("minimize")));

            var decisions = feed(suggested(4));

            assertThat(decisions).extracting(TrialDecided::trialId, TrialDecided::action)
                    .containsExactly(tuple(trialId(4), DecisionAction.STOP));
        }

        @Test
        void aStoppedTrialStillGetsItsFinalDecisionAfterTheStop() {
            feedAll(List.of(running("minimize"), suggested(0), started(0, 1), epoch(0, 1, 1, 0.3), stopped("minimize")));

            var decisions = feed(stoppedReport(0, 1, 1, ResultsLedger.STUDY_STOPPED_REASON));

            assertThat(decisions).extracting(TrialDecided::action, TrialDecided::value)
                    .containsExactly(tuple(DecisionAction.STOPPED, 0.3));
        }
    }

    @Nested
    class Replay {

        @Test
        void stopsOfAStoppedStudyWaitForTheEndOfTheReplayAndSkipTrialsThatFinishedMeanwhile() {
            ledger.beginReplay();
            // The study topic is read first: the stop comes before the reports that finished trial 0.
            var duringReplay = feedAll(List.of(running("minimize"), stopped("minimize"), suggested(0), suggested(1),
                    started(0, 1), epoch(0, 1, 1, 0.3), completed(0, 1, 1), started(1, 1)));

            assertThat(duringReplay).extracting(TrialDecided::trialId, TrialDecided::action)
                    .containsExactly(tuple(trialId(0), DecisionAction.COMPLETED));
            assertThat(ledger.isReplaying()).isTrue();

            var held = ledger.endReplay();

            assertThat(held).extracting(TrialDecided::trialId, TrialDecided::action, TrialDecided::attempt)
                    .containsExactly(tuple(trialId(1), DecisionAction.STOP, 1));
            assertThat(ledger.endReplay()).isEmpty();
            assertThat(feed(suggested(2))).extracting(TrialDecided::action).containsExactly(DecisionAction.STOP);
        }

        @Test
        void stopsPublishedBeforeTheRestartAreNotHeldBackAgain() {
            ledger.recordPublished(TrialDecided.of(STUDY, trialId(1), 1, 1, DecisionAction.STOP, 0, null, ResultsLedger.STUDY_STOPPED_REASON));
            ledger.beginReplay();
            feedAll(List.of(running("minimize"), suggested(1), started(1, 1), stopped("minimize")));

            assertThat(ledger.endReplay()).isEmpty();
        }
    }

    @Nested
    class Queries {

        private void runStudy(String direction) {
            feedAll(List.of(running(direction), suggested(0), suggested(1), suggested(2), suggested(3), suggested(4),
                    started(0, 1), epoch(0, 1, 1, 0.5), epoch(0, 1, 2, 0.4), completed(0, 1, 2),
                    started(1, 1), epoch(1, 1, 1, 0.2), epoch(1, 1, 2, 0.1), epoch(1, 1, 3, 0.05), completed(1, 1, 3),
                    started(2, 1), epoch(2, 1, 1, Double.NaN), completed(2, 1, 1),
                    started(3, 1), epoch(3, 1, 1, 0.01)));
        }

        @Test
        void summaryCountsStatesEpochsAndTheBestCompletedTrial() {
            runStudy("minimize");

            StudySummary summary = summary();

            assertThat(summary.name()).contains("study-one");
            assertThat(summary.state()).contains(StudyState.RUNNING);
            assertThat(summary.direction()).contains(Direction.MINIMIZE);
            assertThat(summary.maxTrials()).hasValue(10);
            assertThat(summary.trials()).isEqualTo(new TrialCounts(1, 1, 3, 0, 0, 5));
            // trial 3 is better (0.01) but still running: only completed trials count as the best
            assertThat(summary.bestTrialId()).contains(trialId(1));
            assertThat(summary.bestValue()).hasValue(0.05);
            assertThat(summary.epochsUsed()).isEqualTo(2 + 3 + 1 + 1);
        }

        @Test
        void whenMaximizingTheBestIsTheHighestAndNaNIsStillTheWorst() {
            runStudy("maximize");

            assertThat(summary().bestTrialId()).contains(trialId(0));
            assertThat(ledger.trials(STUDY, LeaderboardQuery.DEFAULT).orElseThrow())
                    .extracting(TrialRow::trialNumber).containsExactly(0L, 1L, 3L, 2L, 4L);
        }

        @Test
        void leaderboardIsBestFirstWithNanWorstAndTrialsWithoutValueLast() {
            runStudy("minimize");

            assertThat(ledger.trials(STUDY, LeaderboardQuery.DEFAULT).orElseThrow())
                    .extracting(TrialRow::trialNumber).containsExactly(3L, 1L, 0L, 2L, 4L);
            assertThat(ledger.trials(STUDY, LeaderboardQuery.parse("number", "desc", "COMPLETED")).orElseThrow())
                    .extracting(TrialRow::trialNumber).containsExactly(2L, 1L, 0L);
            assertThat(ledger.trials("unknown", LeaderboardQuery.DEFAULT)).isEmpty();
        }

        @Test
        void aTrialShowsItsCurveTimingsAndParams() {
            runStudy("minimize");

            TrialDetail trial = detail(1);

            assertThat(trial.curve()).extracting(CurvePoint::epoch).containsExactly(1, 2, 3);
            assertThat(trial.curve().get(2).metrics()).containsEntry(METRIC, 0.05);
            assertThat(trial.row().params()).containsEntry("lr", 0.02);
            assertThat(trial.row().epochs()).isEqualTo(3);
            assertThat(trial.timings().suggestedAt()).contains(Events.T0.plusSeconds(1));
            assertThat(trial.timings().startedAt()).contains(Events.T0.plusSeconds(10));
            assertThat(trial.timings().endedAt()).contains(Events.T0.plusSeconds(13));
            assertThat(ledger.trial(STUDY, "nope")).isEmpty();
            assertThat(detail(4).timings().startedAt()).isEmpty();
        }

        @Test
        void aStudyKnownOnlyFromReportsHasNoSpecYet() {
            feed(started(0, 1));

            StudySummary summary = summary();

            assertThat(summary.name()).isEmpty();
            assertThat(summary.state()).isEmpty();
            assertThat(summary.direction()).isEmpty();
            assertThat(summary.metric()).isEmpty();
            assertThat(summary.trials().running()).isEqualTo(1);
        }
    }

    @Test
    void concurrentEventsAndQueriesKeepEveryTrialConsistent() throws Exception {
        feed(running("minimize"));
        int trials = 40;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        var start = new CountDownLatch(1);
        var failures = Collections.synchronizedList(new ArrayList<Throwable>());
        for (int t = 0; t < trials; t++) {
            long number = t;
            pool.submit(() -> {
                try {
                    start.await();
                    feedAll(List.of(suggested(number), started(number, 1)));
                    for (int e = 1; e <= 5; e++) {
                        feed(epoch(number, 1, e, 1.0 / (number + e)));
                        ledger.trials(STUDY, LeaderboardQuery.DEFAULT);
                        ledger.studies();
                    }
                    feed(completed(number, 1, 5));
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(failures).isEmpty();
        assertThat(summary().trials()).isEqualTo(new TrialCounts(0, 0, trials, 0, 0, trials));
        assertThat(summary().epochsUsed()).isEqualTo(5L * trials);
        assertThat(summary().bestTrialId()).contains(trialId(trials - 1));
    }
}
