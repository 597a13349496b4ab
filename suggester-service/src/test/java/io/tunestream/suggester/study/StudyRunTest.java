package io.tunestream.suggester.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.AlgorithmSpec;
import io.tunestream.contracts.spec.BudgetSpec;
import io.tunestream.contracts.spec.ObjectiveSpec;
import io.tunestream.contracts.spec.ParameterSpec;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.contracts.spec.TrainerSpec;

class StudyRunTest {

    static StudySpec spec(String algorithm, int maxTrials, int maxParallel) {
        return new StudySpec("t", new ObjectiveSpec("val_loss", "minimize"),
                Map.of("lr", new ParameterSpec("float", 1e-4, 1e-1, true, null, null, 3),
                        "act", ParameterSpec.categorical(List.of("relu", "tanh"))),
                new AlgorithmSpec(algorithm, Map.of()), new BudgetSpec(maxTrials, maxParallel, 5),
                new TrainerSpec("synthetic", Map.of()), 11L);
    }

    private static TrialDecided decided(TrialSuggested trial, DecisionAction action, Double value) {
        return TrialDecided.of(trial.studyId(), trial.trialId(), trial.trialNumber(), 1, action, 5, value, null);
    }

    @Test
    void startsWithMaxParallelTrialsAndAnnouncesTheStudyFirst() {
        var run = new StudyRun("s", spec("random", 10, 3));
        var effects = run.start();
        assertThat(effects.studyChanges()).singleElement().satisfies(c -> assertThat(c.state()).isEqualTo(StudyState.RUNNING));
        assertThat(effects.suggestions()).extracting(TrialSuggested::trialNumber).containsExactly(0L, 1L, 2L);
        assertThat(effects.suggestions()).extracting(TrialSuggested::trialId).containsExactly("s-t0", "s-t1", "s-t2");
        assertThat(effects.suggestions()).allSatisfy(t -> {
            assertThat(t.maxEpochs()).isEqualTo(5);
            assertThat(t.objectiveMetric()).isEqualTo("val_loss");
            assertThat((Double) t.params().get("lr")).isBetween(1e-4, 1e-1);
        });
        assertThat(run.inFlight()).isEqualTo(3);
    }

    @Test
    void topsUpOneTrialPerFinishedTrialAndIgnoresDuplicates() {
        var run = new StudyRun("s", spec("random", 10, 2));
        var first = run.start().suggestions();
        var topUp = run.onDecision(decided(first.get(0), DecisionAction.COMPLETED, 0.5));
        assertThat(topUp.suggestions()).extracting(TrialSuggested::trialNumber).containsExactly(2L);
        assertThat(run.onDecision(decided(first.get(0), DecisionAction.COMPLETED, 0.5)).isEmpty()).as("duplicate").isTrue();
        assertThat(run.onDecision(TrialDecided.of("s", "s-t99", 99, 1, DecisionAction.COMPLETED, 5, 1.0, null)).isEmpty()).as("unknown").isTrue();
        assertThat(run.inFlight()).isEqualTo(2);
        assertThat(run.suggested()).isEqualTo(3);
    }

    @Test
    void completesWhenEveryTrialOfTheBudgetIsFinal() {
        var run = new StudyRun("s", spec("random", 3, 2));
        var pending = new java.util.ArrayList<>(run.start().suggestions());
        StudyRun.Effects last = null;
        while (!pending.isEmpty()) {
            last = run.onDecision(decided(pending.remove(0), DecisionAction.FAILED, null));
            pending.addAll(last.suggestions());
        }
        assertThat(run.suggested()).isEqualTo(3);
        assertThat(last.studyChanges()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(StudyState.COMPLETED);
            assertThat(c.reason()).isEqualTo("maxTrials reached");
            assertThat(c.trialsSuggested()).isEqualTo(3);
        });
        assertThat(run.state()).isEqualTo(StudyState.COMPLETED);
    }

    @Test
    void gridStopsWhenTheGridIsExhausted() {
        // 3 grid points for lr x 2 activations = 6 configurations, fewer than maxTrials.
        var run = new StudyRun("s", spec("grid", 100, 4));
        var pending = new java.util.ArrayList<>(run.start().suggestions());
        var seen = new java.util.HashSet<Map<String, Object>>();
        StudyRun.Effects last = null;
        while (!pending.isEmpty()) {
            var trial = pending.remove(0);
            assertThat(seen.add(trial.params())).as("no configuration twice").isTrue();
            last = run.onDecision(decided(trial, DecisionAction.COMPLETED, 1.0));
            pending.addAll(last.suggestions());
        }
        assertThat(seen).hasSize(6);
        assertThat(last.studyChanges()).singleElement().satisfies(c ->
                assertThat(c.reason()).isEqualTo("search space exhausted after 6 trials"));
    }

    @Test
    void aStopFreesTheSlotAtOnceAndPromotionsAreNotFinal() {
        var run = new StudyRun("s", spec("random", 10, 2));
        var first = run.start().suggestions();
        assertThat(run.onDecision(TrialDecided.of("s", first.get(0).trialId(), 0, 1, DecisionAction.PROMOTED, 1, 0.7, "rung 1")).isEmpty()).isTrue();
        var afterStop = run.onDecision(TrialDecided.of("s", first.get(0).trialId(), 0, 1, DecisionAction.STOP, 3, null, "rung 3"));
        assertThat(afterStop.suggestions()).extracting(TrialSuggested::trialNumber).containsExactly(2L);
        assertThat(run.onDecision(TrialDecided.of("s", first.get(0).trialId(), 0, 1, DecisionAction.STOP, 3, null, "rung 3")).isEmpty())
                .as("repeated STOP").isTrue();
        // The trainer confirms: the final STOPPED outcome frees no second slot.
        assertThat(run.onDecision(decided(first.get(0), DecisionAction.STOPPED, 0.9)).suggestions()).isEmpty();
        assertThat(run.inFlight()).isEqualTo(2);
    }

    @Test
    void theTotalEpochBudgetEndsTheStudy() {
        var base = spec("random", 100, 2);
        var spec = new StudySpec(base.name(), base.objective(), base.searchSpace(), base.algorithm(),
                new io.tunestream.contracts.spec.BudgetSpec(100, 2, 5, 12), base.trainer(), base.seed());
        var run = new StudyRun("s", spec);
        var pending = new java.util.ArrayList<>(run.start().suggestions());
        StudyRun.Effects last = null;
        while (!pending.isEmpty()) {
            last = run.onDecision(decided(pending.remove(0), DecisionAction.COMPLETED, 1.0)); // 5 epochs each
            pending.addAll(last.suggestions());
        }
        // 12 epochs: the third trial's completion reaches 15 >= 12; the fourth was already running.
        assertThat(run.suggested()).isEqualTo(4);
        assertThat(run.epochsUsed()).isEqualTo(20);
        assertThat(last.studyChanges()).singleElement().satisfies(c -> assertThat(c.reason()).isEqualTo("maxEpochsTotal reached (20 epochs)"));
    }

    @Test
    void aStoppedStudySuggestsNothingMore() {
        var run = new StudyRun("s", spec("random", 10, 2));
        var first = run.start().suggestions();
        var stop = run.stop("stopped by user");
        assertThat(stop.studyChanges()).singleElement().satisfies(c -> assertThat(c.state()).isEqualTo(StudyState.STOPPED));
        assertThat(run.onDecision(decided(first.get(0), DecisionAction.STOPPED, 0.3)).suggestions()).isEmpty();
        assertThat(run.stop("again").isEmpty()).isTrue();
    }

    @Test
    void theSameSeedSuggestsTheSameConfigurations() {
        var a = new StudyRun("a", spec("random", 10, 4)).start().suggestions();
        var b = new StudyRun("b", spec("random", 10, 4)).start().suggestions();
        assertThat(a).extracting(TrialSuggested::params).isEqualTo(b.stream().map(TrialSuggested::params).toList());
        assertThat(a).extracting(TrialSuggested::seed).isEqualTo(b.stream().map(TrialSuggested::seed).toList());
        assertThat(a.stream().map(TrialSuggested::params).distinct()).hasSize(4);
    }

    private static TrialDecided retry(TrialSuggested trial, int afterAttempt, int attemptsLeft) {
        return new TrialDecided(io.tunestream.contracts.SchemaVersion.CURRENT, trial.studyId(), trial.trialId(), trial.trialNumber(),
                afterAttempt, DecisionAction.RETRY, 0, null, "the work queue gave up on this trial", java.time.Instant.now(), attemptsLeft);
    }

    @Test
    void aRetryPublishesTheSameWorkItemAgainOnceAndKeepsTheTrialsSlot() {
        var run = new StudyRun("s", spec("random", 10, 2));
        var first = run.start().suggestions();
        var effects = run.onDecision(retry(first.get(0), 3, 2));
        assertThat(effects.studyChanges()).isEmpty();
        assertThat(effects.suggestions()).singleElement().satisfies(copy -> {
            assertThat(copy.trialId()).isEqualTo(first.get(0).trialId());
            assertThat(copy.params()).isEqualTo(first.get(0).params());
            assertThat(copy.seed()).isEqualTo(first.get(0).seed());
            assertThat(copy.retryOf()).hasValue(new io.tunestream.contracts.events.RetryOf(3, 2));
        });
        assertThat(run.onDecision(retry(first.get(0), 3, 2)).isEmpty()).as("the same RETRY again").isTrue();
        assertThat(run.onDecision(retry(first.get(0), 6, 1)).suggestions()).as("a later one")
                .singleElement().satisfies(copy -> assertThat(copy.retryOf()).hasValue(new io.tunestream.contracts.events.RetryOf(6, 1)));
        assertThat(run.inFlight()).isEqualTo(2);
        assertThat(run.suggested()).as("no new trial").isEqualTo(2);

        run.onDecision(decided(first.get(1), DecisionAction.COMPLETED, 0.5));
        assertThat(run.onDecision(retry(first.get(1), 3, 2)).isEmpty()).as("a finished trial").isTrue();
    }

    @Test
    void aRetryReadAgainAtARestartPublishesNothing() {
        var run = new StudyRun("s", spec("random", 10, 2));
        var first = run.start().suggestions();
        var restored = new StudyRun("s", spec("random", 10, 2));
        var suggested = new java.util.TreeMap<Long, Map<String, Object>>();
        first.forEach(t -> suggested.put(t.trialNumber(), t.params()));
        restored.restore(StudyState.RUNNING, null, suggested, List.of(retry(first.get(0), 3, 2)));
        assertThat(restored.onDecision(retry(first.get(0), 3, 2)).isEmpty()).isTrue();
    }
}
