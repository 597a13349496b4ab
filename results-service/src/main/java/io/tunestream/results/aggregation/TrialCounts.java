package io.tunestream.results.aggregation;

/** How many trials of a study are in each state. */
public record TrialCounts(int queued, int running, int completed, int stopped, int failed, int total) {

    public TrialCounts {
        if (queued + running + completed + stopped + failed != total) {
            throw new IllegalArgumentException("total must be the sum of the states' counts, but was " + total);
        }
    }
}
