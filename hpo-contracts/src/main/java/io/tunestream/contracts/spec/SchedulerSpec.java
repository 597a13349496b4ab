package io.tunestream.contracts.spec;

/**
 * Early stopping of a study's trials, decided by results-service on every epoch report:
 * {@code asha} (Li et al. 2020), {@code hyperband} (Li et al. 2018), {@code median} (Golovin et al.
 * 2017) or {@code none}.
 *
 * @param minEpochs    r: the first rung (asha, hyperband); default 1
 * @param maxEpochs    R: the last rung; default and upper bound {@code budget.maxEpochs}
 * @param eta          η: the reduction factor (asha, hyperband); default 3
 * @param warmupEpochs epochs before the median rule judges a trial (median); default 1
 * @param minTrials    trials that must have reached an epoch before the median rule uses it; default 3
 */
public record SchedulerSpec(String name, Integer minEpochs, Integer maxEpochs, Integer eta, Integer warmupEpochs, Integer minTrials) {

    public static final String NONE = "none";
    public static final String HYPERBAND = "hyperband";
    /** The algorithm that implies {@link #bohbDefault()} when a spec names no scheduler. */
    public static final String BOHB_ALGORITHM = "bohb";

    /** Hyperband with r = 1 epoch, η = 3 and R = {@code budget.maxEpochs}: BOHB's scheduler when the spec gives none. */
    public static SchedulerSpec bohbDefault() {
        return new SchedulerSpec(HYPERBAND, 1, null, 3, null, null);
    }

    public int minEpochsOrDefault() {
        return minEpochs == null ? 1 : minEpochs;
    }

    public int maxEpochsOr(int budgetMaxEpochs) {
        return maxEpochs == null ? budgetMaxEpochs : maxEpochs;
    }

    public int etaOrDefault() {
        return eta == null ? 3 : eta;
    }

    public int warmupEpochsOrDefault() {
        return warmupEpochs == null ? 1 : warmupEpochs;
    }

    public int minTrialsOrDefault() {
        return minTrials == null ? 3 : minTrials;
    }
}
