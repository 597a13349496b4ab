package io.tunestream.cli.client;

/**
 * results-service's summary of a study ({@code GET /api/studies/{id}}). Fields it does not know yet
 * are null (the study's {@code StudyChanged} may arrive after its first reports).
 *
 * @param bestValue       the best COMPLETED trial's objective, in the study's own direction
 * @param finalEvaluation the best configuration scored once on the held-out test set (builtin
 *                        backend), null until done
 */
public record ResultsSummary(String studyId, String name, String state, String metric, String direction,
                             TrialCounts trials, Double bestValue, String bestTrialId, long epochsUsed,
                             Integer maxTrials, FinalEvaluation finalEvaluation) {

    /** The study's final evaluation: which trial's configuration, its test metrics and the saved model, if any. */
    public record FinalEvaluation(long trialNumber, String trialId, java.util.Map<String, Object> params,
                                  java.util.Map<String, Double> metrics, String modelPath) {
        public FinalEvaluation {
            params = params == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
            metrics = metrics == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        }
    }

    /** A summary without a final evaluation. */
    public ResultsSummary(String studyId, String name, String state, String metric, String direction, TrialCounts trials, Double bestValue,
                          String bestTrialId, long epochsUsed, Integer maxTrials) {
        this(studyId, name, state, metric, direction, trials, bestValue, bestTrialId, epochsUsed, maxTrials, null);
    }

    public ResultsSummary {
        trials = trials == null ? TrialCounts.NONE : trials;
    }

    /** Every trial results-service knows of is final (none queued or running). */
    public boolean allTrialsFinal() {
        return trials.queued() == 0 && trials.running() == 0;
    }
}
