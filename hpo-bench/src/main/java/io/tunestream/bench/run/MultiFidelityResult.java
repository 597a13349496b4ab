package io.tunestream.bench.run;

import java.util.Objects;

/**
 * One multi-fidelity study: every epoch it spent, in the order the epochs finished in virtual time.
 *
 * @param problem       the problem's name
 * @param method        the method's label
 * @param seed          the study seed
 * @param epochLosses   {@code epochLosses[k]} = the loss reported by the {@code (k+1)}-th epoch spent;
 *                      its length is the budget spent
 * @param trials        trials started
 * @param stopped       trials stopped early by the scheduler or pruner
 * @param wallSeconds   real time the study took
 */
public record MultiFidelityResult(String problem, String method, long seed, double[] epochLosses, int trials,
                                  int stopped, double wallSeconds) {

    public MultiFidelityResult {
        Objects.requireNonNull(problem, "`problem` must not be null");
        Objects.requireNonNull(method, "`method` must not be null");
        Objects.requireNonNull(epochLosses, "`epochLosses` must not be null");
    }

    /** The best loss reported within the first {@code epochs} epochs spent (+Infinity when none). */
    public double bestWithin(int epochs) {
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < Math.min(epochs, epochLosses.length); k++) {
            best = Math.min(best, epochLosses[k]);
        }
        return best;
    }

    /** The worst loss reported (the "max" of YAHPO's normalisation). */
    public double worst() {
        double worst = Double.NEGATIVE_INFINITY;
        for (double loss : epochLosses) {
            worst = Math.max(worst, loss);
        }
        return worst;
    }
}
