package io.tunestream.cli.client;

/**
 * results-service's summary of a study ({@code GET /api/studies/{id}}). Fields it does not know yet
 * are null (the study's {@code StudyChanged} may arrive after its first reports).
 *
 * @param bestValue the best COMPLETED trial's objective, in the study's own direction
 */
public record ResultsSummary(String studyId, String name, String state, String metric, String direction,
                             TrialCounts trials, Double bestValue, String bestTrialId, long epochsUsed,
                             Integer maxTrials) {

    public ResultsSummary {
        trials = trials == null ? TrialCounts.NONE : trials;
    }

    /** Every trial results-service knows of is final (none queued or running). */
    public boolean allTrialsFinal() {
        return trials.queued() == 0 && trials.running() == 0;
    }
}
