package io.tunestream.results.rest;

import io.tunestream.results.aggregation.Direction;
import io.tunestream.results.aggregation.StudySummary;
import io.tunestream.results.aggregation.TrialCounts;

/**
 * A study at a glance. {@code name}, {@code state}, {@code direction} and {@code maxTrials} are null
 * until the study's spec has been seen; {@code bestValue} / {@code bestTrialId} until a trial
 * completed with a value.
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
        Integer maxTrials) {

    public static StudySummaryJson from(StudySummary summary) {
        return new StudySummaryJson(
                summary.studyId(),
                summary.name().orElse(null),
                summary.state().map(Enum::name).orElse(null),
                summary.metric().orElse(null),
                summary.direction().map(Direction::wireName).orElse(null),
                summary.trials(),
                summary.bestValue().isPresent() ? summary.bestValue().getAsDouble() : null,
                summary.bestTrialId().orElse(null),
                summary.epochsUsed(),
                summary.maxTrials().isPresent() ? summary.maxTrials().getAsInt() : null);
    }
}
