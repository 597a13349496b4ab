package io.tunestream.contracts.events;

/** Where a study is in its life. RUNNING is the only state in which trials are suggested. */
public enum StudyState {
    RUNNING,
    /** Stopped by a user: no new trials, running trials are told to stop. */
    STOPPED,
    /** The budget is spent (or the grid exhausted) and every trial reached a final state. */
    COMPLETED;

    public boolean isFinal() {
        return this != RUNNING;
    }
}
