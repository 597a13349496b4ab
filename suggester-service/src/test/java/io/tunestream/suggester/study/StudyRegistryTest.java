package io.tunestream.suggester.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;

import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.FinalizeSpec;

/** Which decisions the registry accepts: a study's own trials and, once asked for, its final evaluation. */
class StudyRegistryTest {

    private static TrialDecided completed(TrialSuggested trial, double value) {
        return TrialDecided.of(trial.studyId(), trial.trialId(), trial.trialNumber(), 1, DecisionAction.COMPLETED, 5, value, null);
    }

    @Test
    void theDecisionForAStudysFinalEvaluationIsKnownOnceItWasAskedFor() {
        var registry = new StudyRegistry();
        var created = registry.create(FinalizeStudyTest.builtin(new FinalizeSpec(false, null)));
        String studyId = created.studyId();
        var early = TrialDecided.of(studyId, TrialSuggested.finalTrialId(studyId), 3, 1, DecisionAction.COMPLETED, 5, 0.9, null);
        assertThat(registry.unknownTarget(early)).as("no final evaluation was asked for yet")
                .hasValueSatisfying(reason -> assertThat(reason).contains("never asked for a final evaluation"));

        var pending = new ArrayList<>(created.effects().suggestions());
        TrialSuggested finalJob = null;
        double value = 0.9;
        while (!pending.isEmpty()) {
            var trial = pending.remove(0);
            if (trial.isFinalize()) {
                finalJob = trial;
                continue;
            }
            var decision = completed(trial, value += 0.01);
            assertThat(registry.unknownTarget(decision)).isEmpty();
            pending.addAll(registry.onDecision(decision).suggestions());
        }

        assertThat(finalJob).isNotNull();
        assertThat(registry.unknownTarget(completed(finalJob, 0.95))).isEmpty();
        assertThat(registry.onDecision(completed(finalJob, 0.95)).studyChanges()).singleElement()
                .satisfies(change -> assertThat(change.reason()).contains("evaluated on the test set"));
    }

    @Test
    void aTrialNumberTheStudyNeverSuggestedIsUnknown() {
        var registry = new StudyRegistry();
        String studyId = registry.create(FinalizeStudyTest.builtin(null)).studyId();
        var orphan = TrialDecided.of(studyId, studyId + "-t99", 99, 1, DecisionAction.COMPLETED, 5, 0.5, null);

        assertThat(registry.unknownTarget(orphan)).hasValueSatisfying(reason -> assertThat(reason).contains("never suggested trial number 99"));
    }
}
