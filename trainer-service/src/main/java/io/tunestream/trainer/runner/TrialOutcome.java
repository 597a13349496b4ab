package io.tunestream.trainer.runner;

import io.tunestream.contracts.events.ReportKind;

/**
 * How a run ended. {@code ABANDONED}: the slot shut down mid-trial and reported nothing final; the
 * work item goes back to the queue and another trainer runs the trial again. {@code REFUSED}: the
 * delivery came after the item's attempts were used up and did not run; the item is rejected (archived),
 * and results-service's work-queue audit decides whether the trial is retried or has failed.
 */
public enum TrialOutcome {
    COMPLETED, STOPPED, FAILED, ABANDONED, REFUSED;

    static TrialOutcome of(ReportKind kind) {
        return switch (kind) {
            case COMPLETED -> COMPLETED;
            case STOPPED -> STOPPED;
            case FAILED -> FAILED;
            default -> throw new IllegalArgumentException("kind must be final, but was " + kind);
        };
    }
}
