package io.tunestream.optimizer.history;

/** Where a trial stands. */
public enum TrialState {
    /** Suggested and not finished yet; samplers treat it as pending. */
    RUNNING,
    /** Trained for its full budget; has a final loss. */
    COMPLETED,
    /** Stopped early by a scheduler; has the loss of the epoch it stopped at. */
    STOPPED,
    /** Crashed, timed out or was rejected; any loss it has is not trusted. */
    FAILED
}
