package io.tunestream.optimizer.history;

/**
 * A trial's loss after a given number of epochs: one point of the multi-fidelity data a budget-aware
 * model (BOHB's per-budget density) learns from. Services record one for every rung a trial is
 * promoted past and for the epoch a trial ended at.
 *
 * @param trialNumber the trial, {@code >= 0}; a trial of the history the observation travels in
 * @param epochs      the budget, in epochs trained, {@code >= 1}
 * @param loss        the loss at that budget (see {@code Direction.toLoss}); never NaN, may be {@code +Infinity}
 */
public record BudgetObservation(long trialNumber, int epochs, double loss) {

    public BudgetObservation {
        if (trialNumber < 0) {
            throw new IllegalArgumentException("`trialNumber` must be >= 0, but was " + trialNumber);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("`epochs` must be >= 1, but was " + epochs);
        }
        if (Double.isNaN(loss)) {
            throw new IllegalArgumentException("`loss` must not be NaN (convert metrics with Direction.toLoss), but was NaN");
        }
    }

    public static BudgetObservation of(long trialNumber, int epochs, double loss) {
        return new BudgetObservation(trialNumber, epochs, loss);
    }
}
