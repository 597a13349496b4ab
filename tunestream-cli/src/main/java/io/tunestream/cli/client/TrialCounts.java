package io.tunestream.cli.client;

/** How many trials of a study results-service sees in each state. */
public record TrialCounts(int queued, int running, int completed, int stopped, int failed, int total) {

    public static final TrialCounts NONE = new TrialCounts(0, 0, 0, 0, 0, 0);

    /** Trials in a final state (completed, stopped or failed). */
    public int finished() {
        return completed + stopped + failed;
    }
}
