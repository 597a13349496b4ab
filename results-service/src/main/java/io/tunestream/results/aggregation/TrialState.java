package io.tunestream.results.aggregation;

/** Where a trial is, as results-service sees it: QUEUED, then RUNNING, then one final state. */
public enum TrialState {
    QUEUED,
    RUNNING,
    COMPLETED,
    STOPPED,
    FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == STOPPED || this == FAILED;
    }
}
