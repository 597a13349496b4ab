package io.tunestream.results.aggregation;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import io.tunestream.contracts.events.StudyState;
import io.tunestream.optimizer.objective.Direction;

/**
 * One study at a glance. The study's own fields are empty until its {@code StudyChanged} arrives
 * (reports of other topics may come first); {@code metric} then falls back to the trials' objective.
 *
 * @param best       the best COMPLETED trial with a value (a running or stopped trial has only a
 *                   partial value, so it never counts as the study's best)
 * @param epochsUsed epochs run over all trials and all their attempts, dead attempts included
 * @param finalEvaluation the best configuration's one evaluation on the held-out test set, once done
 */
public record StudySummary(
        String studyId,
        Optional<String> name,
        Optional<StudyState> state,
        Optional<String> metric,
        Optional<Direction> direction,
        TrialCounts trials,
        Optional<TrialRow> best,
        long epochsUsed,
        OptionalInt maxTrials,
        Optional<FinalEvaluation> finalEvaluation) {

    /** A summary without a final evaluation (studies whose backend has no test set, or not finished). */
    public StudySummary(String studyId, Optional<String> name, Optional<StudyState> state, Optional<String> metric,
                        Optional<Direction> direction, TrialCounts trials, Optional<TrialRow> best, long epochsUsed, OptionalInt maxTrials) {
        this(studyId, name, state, metric, direction, trials, best, epochsUsed, maxTrials, Optional.empty());
    }

    public OptionalDouble bestValue() {
        return best.map(TrialRow::value).orElse(OptionalDouble.empty());
    }

    public Optional<String> bestTrialId() {
        return best.map(TrialRow::trialId);
    }
}
