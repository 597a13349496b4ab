package io.tunestream.contracts.spec;

/**
 * How much a study may spend: trials in total, trials running at once, epochs per trial, and
 * (optionally) epochs over all trials, the budget that early stopping saves.
 */
public record BudgetSpec(Integer maxTrials, Integer maxParallel, Integer maxEpochs, Integer maxEpochsTotal) {

    public BudgetSpec(Integer maxTrials, Integer maxParallel, Integer maxEpochs) {
        this(maxTrials, maxParallel, maxEpochs, null);
    }
}
