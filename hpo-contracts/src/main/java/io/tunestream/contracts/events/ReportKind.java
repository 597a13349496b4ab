package io.tunestream.contracts.events;

/** What a trainer reports about a trial attempt. */
public enum ReportKind {
    STARTED,
    EPOCH,
    COMPLETED,
    /** Ended early because a STOP decision (or the study's stop) reached the trainer. */
    STOPPED,
    FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == STOPPED || this == FAILED;
    }
}
