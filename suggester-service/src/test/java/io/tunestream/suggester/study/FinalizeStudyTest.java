package io.tunestream.suggester.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.AlgorithmSpec;
import io.tunestream.contracts.spec.BudgetSpec;
import io.tunestream.contracts.spec.FinalizeSpec;
import io.tunestream.contracts.spec.ObjectiveSpec;
import io.tunestream.contracts.spec.ParameterSpec;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.contracts.spec.TrainerSpec;

/** The end of a builtin study: one final-evaluation item for the best completed trial, then COMPLETED. */
class FinalizeStudyTest {

    static StudySpec builtin(FinalizeSpec finalize) {
        return new StudySpec("mlp", new ObjectiveSpec("val_accuracy", "maximize"),
                Map.of("learning_rate", new ParameterSpec("float", 1e-3, 0.5, true, null, null, null)),
                new AlgorithmSpec("random", Map.of()), new BudgetSpec(3, 2, 5), new TrainerSpec("builtin", Map.of("dataset", "digits")), 5L,
                null, finalize);
    }

    private static TrialDecided decided(TrialSuggested trial, DecisionAction action, Double value, int epoch) {
        return TrialDecided.of(trial.studyId(), trial.trialId(), trial.trialNumber(), 1, action, epoch, value, null);
    }

    /** Runs the search: trial n completes with val_accuracy values[n] (null: fails). Returns the last effects. */
    private static StudyRun.Effects search(StudyRun run, Double... values) {
        var pending = new ArrayList<>(run.start().suggestions());
        StudyRun.Effects last = null;
        while (!pending.isEmpty()) {
            var trial = pending.remove(0);
            if (trial.isFinalize()) {
                return last;
            }
            Double value = values[(int) trial.trialNumber()];
            last = run.onDecision(value == null ? decided(trial, DecisionAction.FAILED, null, 2) : decided(trial, DecisionAction.COMPLETED, value, 5));
            pending.addAll(last.suggestions());
        }
        return last;
    }

    @Test
    void theBestCompletedTrialIsEvaluatedOnceThenTheStudyCompletes() {
        var run = new StudyRun("s", builtin(new FinalizeSpec(true, "/models")));
        var end = search(run, 0.91, 0.97, 0.95);
        assertThat(end.studyChanges()).as("not completed before its final evaluation").isEmpty();
        assertThat(end.suggestions()).singleElement().satisfies(job -> {
            assertThat(job.trialId()).isEqualTo("s-final");
            assertThat(job.trialNumber()).isEqualTo(3);
            assertThat(job.finalizeOf()).hasValueSatisfying(f -> {
                assertThat(f.trialNumber()).isEqualTo(1);
                assertThat(f.trialId()).isEqualTo("s-t1");
                assertThat(f.retrain()).isTrue();
                assertThat(f.modelDir()).isEqualTo("/models");
            });
            assertThat(job.maxEpochs()).isEqualTo(5);
        });
        var job = end.suggestions().get(0);
        assertThat(run.state()).isEqualTo(StudyState.RUNNING);

        var done = run.onDecision(decided(job, DecisionAction.COMPLETED, 0.96, 5));
        assertThat(done.studyChanges()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(StudyState.COMPLETED);
            assertThat(c.reason()).isEqualTo("maxTrials reached; best trial evaluated on the test set");
            assertThat(c.trialsSuggested()).isEqualTo(3);
        });
        assertThat(run.onDecision(decided(job, DecisionAction.COMPLETED, 0.96, 5)).isEmpty()).as("duplicate").isTrue();
    }

    @Test
    void theFinalJobReusesTheBestTrialsConfigurationAndSeed() {
        var run = new StudyRun("s", builtin(null));
        var first = run.start().suggestions();
        var all = new ArrayList<>(first);
        var pending = new ArrayList<>(first);
        TrialSuggested job = null;
        while (!pending.isEmpty()) {
            var trial = pending.remove(0);
            if (trial.isFinalize()) {
                job = trial;
                break;
            }
            var effects = run.onDecision(decided(trial, DecisionAction.COMPLETED, trial.trialNumber() == 2 ? 0.99 : 0.5, 5));
            all.addAll(effects.suggestions());
            pending.addAll(effects.suggestions());
        }
        var best = all.stream().filter(t -> t.trialNumber() == 2).findFirst().orElseThrow();
        assertThat(job).isNotNull();
        assertThat(job.params()).isEqualTo(best.params());
        assertThat(job.seed()).isEqualTo(best.seed());
        assertThat(job.finalizeOf().orElseThrow().retrain()).as("a builtin study is evaluated without retraining by default").isFalse();
    }

    @Test
    void aFailedFinalEvaluationStillCompletesTheStudyAndSaysWhy() {
        var run = new StudyRun("s", builtin(null));
        var job = search(run, 0.9, 0.8, 0.7).suggestions().get(0);
        var done = run.onDecision(TrialDecided.of("s", job.trialId(), job.trialNumber(), 3, DecisionAction.FAILED, 0, null, "out of memory"));
        assertThat(done.studyChanges()).singleElement().satisfies(c -> assertThat(c.reason()).isEqualTo("maxTrials reached; final evaluation failed: out of memory"));
    }

    @Test
    void withoutACompletedTrialThereIsNothingToEvaluate() {
        var run = new StudyRun("s", builtin(null));
        var end = search(run, null, null, null);
        assertThat(end.suggestions()).isEmpty();
        assertThat(end.studyChanges()).singleElement().satisfies(c -> assertThat(c.reason())
                .isEqualTo("maxTrials reached; no trial completed with a value, so there is nothing to evaluate on the test set"));
    }

    @Test
    void aRestoredStudyWaitsForItsFinalEvaluationInsteadOfPublishingItAgain() {
        var spec = builtin(null);
        var original = new StudyRun("s", spec);
        var suggested = new TreeMap<Long, Map<String, Object>>();
        var decisions = new ArrayList<TrialDecided>();
        var pending = new ArrayList<>(original.start().suggestions());
        TrialSuggested job = null;
        while (!pending.isEmpty()) {
            var trial = pending.remove(0);
            if (trial.isFinalize()) {
                job = trial;
                continue;
            }
            suggested.put(trial.trialNumber(), trial.params());
            var decision = decided(trial, DecisionAction.COMPLETED, 0.5 + trial.trialNumber() / 10.0, 5);
            decisions.add(decision);
            pending.addAll(original.onDecision(decision).suggestions());
        }
        assertThat(job).isNotNull();

        var waiting = new StudyRun("s", spec);
        waiting.restore(StudyState.RUNNING, null, suggested, List.copyOf(decisions), true);
        assertThat(waiting.resume().isEmpty()).as("the final job is on the queue already").isTrue();
        assertThat(waiting.onDecision(decided(job, DecisionAction.COMPLETED, 0.9, 5)).studyChanges())
                .singleElement().satisfies(c -> assertThat(c.state()).isEqualTo(StudyState.COMPLETED));

        var lost = new StudyRun("s", spec);
        lost.restore(StudyState.RUNNING, null, suggested, List.copyOf(decisions), false);
        assertThat(lost.resume().suggestions()).singleElement().satisfies(t -> assertThat(t.trialId()).isEqualTo("s-final"));
    }

    @Test
    void theRecoveryKeepsTheFinalJobOutOfTheTrialsAndRemembersIt() {
        var spec = builtin(null).withSeed(5);
        var run = new StudyRun("s", spec);
        var recovery = new StudyRecovery();
        var start = run.start();
        recovery.onStudyChanged(start.studyChanges().get(0));
        var pending = new ArrayList<>(start.suggestions());
        while (!pending.isEmpty()) {
            var trial = pending.remove(0);
            recovery.onTrialSuggested(trial);
            if (trial.isFinalize()) {
                continue;
            }
            var decision = decided(trial, DecisionAction.COMPLETED, 0.9, 5);
            recovery.onTrialDecided(decision);
            pending.addAll(run.onDecision(decision).suggestions());
        }
        assertThat(recovery.studies()).singleElement().satisfies(study -> {
            assertThat(study.suggested()).containsOnlyKeys(0L, 1L, 2L);
            assertThat(study.finalizeSuggested()).isTrue();
        });
    }
}
