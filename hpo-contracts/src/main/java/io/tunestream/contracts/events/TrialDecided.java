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
 * @param attemptsLeft for a RETRY only: the attempts the trial's next copy may use
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
        Instant occurredAt,
        Integer attemptsLeft) {

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
        if ((action == DecisionAction.RETRY) != (attemptsLeft != null)) {
            throw new IllegalArgumentException("attemptsLeft is required for a RETRY decision and absent from the others, but was "
                    + attemptsLeft + " for " + action);
        }
        if (attemptsLeft != null && attemptsLeft < 1) {
            throw new IllegalArgumentException("attemptsLeft must be >= 1, but was " + attemptsLeft);
        }
    }

    /** A decision other than RETRY. */
    public TrialDecided(int schemaVersion, String studyId, String trialId, long trialNumber, int attempt, DecisionAction action, int epoch,
                        Double value, String reason, Instant occurredAt) {
        this(schemaVersion, studyId, trialId, trialNumber, attempt, action, epoch, value, reason, occurredAt, null);
    }

    public static TrialDecided of(String studyId, String trialId, long trialNumber, int attempt,
                                  DecisionAction action, int epoch, Double value, String reason) {
        return new TrialDecided(SchemaVersion.CURRENT, studyId, trialId, trialNumber, attempt, action, epoch, value, reason, Instant.now());
    }
}
