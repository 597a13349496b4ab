package io.tunestream.contracts.events;

import java.time.Instant;

import io.tunestream.contracts.Checks;
import io.tunestream.contracts.SchemaVersion;

/**
 * A decision of results-service about one trial: a STOP order for the trainers, or the trial's final
 * outcome for the suggester (which frees the trial's slot and learns from {@code value}).
 *
 * @param value  the objective in the study's own direction (not a loss); null for FAILED; for a STOP, the value at the rung where the trial lost (when known)
 * @param epoch  the epoch the decision refers to
 */
public record TrialDecided(
        int schemaVersion,
        String studyId,
        String trialId,
        long trialNumber,
        int attempt,
        DecisionAction action,
        int epoch,
        Double value,
        String reason,
        Instant occurredAt) {

    public TrialDecided {
        Checks.requireSchemaVersion(schemaVersion, "TrialDecided");
        Checks.requireText(studyId, "studyId");
        Checks.requireText(trialId, "trialId");
        Checks.requireAtLeast(trialNumber, 0, "trialNumber");
        Checks.requireAtLeast(attempt, 0, "attempt");
        Checks.requireNonNull(action, "action");
        Checks.requireAtLeast(epoch, 0, "epoch");
        if (value != null && Double.isInfinite(value)) {
            throw new IllegalArgumentException("value must be finite or NaN, but was " + value);
        }
        if (action == DecisionAction.COMPLETED && value == null) {
            throw new IllegalArgumentException("value is required for a COMPLETED decision");
        }
        Checks.requireNonNull(occurredAt, "occurredAt");
    }

    public static TrialDecided of(String studyId, String trialId, long trialNumber, int attempt,
                                  DecisionAction action, int epoch, Double value, String reason) {
        return new TrialDecided(SchemaVersion.CURRENT, studyId, trialId, trialNumber, attempt, action, epoch, value, reason, Instant.now());
    }
}
