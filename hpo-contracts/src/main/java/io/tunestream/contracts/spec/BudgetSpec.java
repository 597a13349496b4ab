package io.tunestream.contracts.spec;

/**
 * How much a study may spend: trials in total, trials running at once, and epochs per trial.
 */
public record BudgetSpec(Integer maxTrials, Integer maxParallel, Integer maxEpochs) {
}
