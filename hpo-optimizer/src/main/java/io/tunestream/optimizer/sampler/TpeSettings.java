package io.tunestream.optimizer.sampler;

/**
 * Settings of {@link TpeSampler}, with Optuna's defaults (Watanabe, "Tree-structured Parzen Estimator:
 * Understanding Its Algorithm Components and Their Roles for Better Empirical Performance", 2023).
 *
 * @param gamma         γ, the fraction of trials that form the "good" density l(x): the best
 *                      {@code min(ceil(γ n), 25)} of {@code n} trials; in {@code (0, 1]}
 * @param nEiCandidates how many candidates are drawn from l(x) and ranked by log l(x) - log g(x);
 *                      between 1 and {@value #MAX_EI_CANDIDATES}
 * @param priorWeight   weight of the prior kernel (uniform over the space) in each mixture, relative to
 *                      1 for a trial; {@code > 0} and finite
 * @param multivariate  one joint kernel per trial over all parameters (true), or one independent
 *                      mixture per parameter (false, the 2011 paper's univariate TPE)
 * @param constantLiar  whether running trials count as "bad" with the worst loss, so that parallel
 *                      workers are steered away from each other's pending configurations
 */
public record TpeSettings(double gamma, int nEiCandidates, double priorWeight, boolean multivariate,
                          boolean constantLiar) {

    public static final double DEFAULT_GAMMA = 0.1;
    public static final int DEFAULT_EI_CANDIDATES = 24;
    public static final double DEFAULT_PRIOR_WEIGHT = 1.0;
    public static final boolean DEFAULT_MULTIVARIATE = true;
    public static final boolean DEFAULT_CONSTANT_LIAR = true;
    /** Most trials the good group ever has, whatever γ (Optuna's {@code default_gamma} cap). */
    public static final int MAX_GOOD_TRIALS = 25;
    /** Most EI candidates: beyond this a suggestion takes long and TPE only becomes greedier. */
    public static final int MAX_EI_CANDIDATES = 10_000;

    public TpeSettings {
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("`gamma` must be in (0, 1], but was " + format(gamma));
        }
        if (nEiCandidates < 1 || nEiCandidates > MAX_EI_CANDIDATES) {
            throw new IllegalArgumentException("`nEiCandidates` must be between 1 and " + MAX_EI_CANDIDATES
                    + ", but was " + nEiCandidates);
        }
        if (!(priorWeight > 0) || !Double.isFinite(priorWeight)) {
            throw new IllegalArgumentException("`priorWeight` must be > 0 and finite, but was " + format(priorWeight));
        }
    }

    /** γ = 0.1, 24 EI candidates, prior weight 1, multivariate, constant liar. */
    public static TpeSettings defaults() {
        return new TpeSettings(DEFAULT_GAMMA, DEFAULT_EI_CANDIDATES, DEFAULT_PRIOR_WEIGHT, DEFAULT_MULTIVARIATE,
                DEFAULT_CONSTANT_LIAR);
    }

    /** How many of {@code n} trials are "good": {@code min(ceil(γ n), 25)}. */
    public int goodTrials(int n) {
        return (int) Math.min(Math.ceil(gamma * n), MAX_GOOD_TRIALS);
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
