package io.tunestream.results.rest;

import io.tunestream.optimizer.objective.Direction;
import io.tunestream.results.aggregation.StudySummary;
import io.tunestream.results.aggregation.TrialCounts;

/**
 * A study at a glance. {@code name}, {@code state}, {@code direction} and {@code maxTrials} are null
 * until the study's spec has been seen; {@code bestValue} / {@code bestTrialId} until a trial
 * completed with a value; {@code finalEvaluation} until the study's best configuration has been
 * evaluated on its held-out test set (builtin backend), and always for studies without a test set.
 */
public record StudySummaryJson(
        String studyId,
        String name,
        String state,
        String metric,
        String direction,
        TrialCounts trials,
        Double bestValue,
        String bestTrialId,
        long epochsUsed,
        Integer maxTrials,
        FinalEvaluationJson finalEvaluation) {

    /**
     * The best configuration's one evaluation on the held-out test set: which trial, its parameters,
     * the test metrics ({@code test_accuracy}, {@code test_loss}, ...) and the saved model's path
     * (null unless the study retrained and saved it).
     */
    public record FinalEvaluationJson(long trialNumber, String trialId, java.util.Map<String, Object> params,
                                      java.util.Map<String, Double> metrics, String modelPath) {
        static FinalEvaluationJson from(io.tunestream.results.aggregation.FinalEvaluation evaluation) {
            return new FinalEvaluationJson(evaluation.trialNumber(), evaluation.trialId(), evaluation.params(), evaluation.metrics(),
                    evaluation.modelPath().orElse(null));
        }
    }

    public static StudySummaryJson from(StudySummary summary) {
        return new StudySummaryJson(
                summary.studyId(),
                summary.name().orElse(null),
                summary.state().map(Enum::name).orElse(null),
                summary.metric().orElse(null),
                summary.direction().map(d -> d.name().toLowerCase(java.util.Locale.ROOT)).orElse(null),
                summary.trials(),
                summary.bestValue().isPresent() ? summary.bestValue().getAsDouble() : null,
                summary.bestTrialId().orElse(null),
                summary.epochsUsed(),
                summary.maxTrials().isPresent() ? summary.maxTrials().getAsInt() : null,
                summary.finalEvaluation().map(FinalEvaluationJson::from).orElse(null));
    }
}
