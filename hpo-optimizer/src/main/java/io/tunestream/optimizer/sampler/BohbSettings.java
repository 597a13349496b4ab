package io.tunestream.optimizer.sampler;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Settings of {@link BohbSampler}, with the defaults of Falkner, Klein and Hutter, "BOHB: Robust and
 * Efficient Hyperparameter Optimization at Scale", ICML 2018 (section 4 and the HpBandSter defaults).
 *
 * @param randomFraction ρ, the fraction of suggestions drawn uniformly at random whatever the model
 *                       knows (keeps BOHB's any-time guarantee of Hyperband); in {@code [0, 1]}, default 1/3
 * @param minPoints      N_min, how many observations a budget needs before a model is fitted on it;
 *                       {@code >= 1}; empty means {@code dimensions + 2} of the space being searched
 * @param tpe            the density model fitted on the chosen budget: γ is the paper's q (top fraction
 *                       that forms l(x), default 0.15), {@code nEiCandidates} its N_s (default 64);
 *                       the constant liar handles pending trials
 */
public record BohbSettings(double randomFraction, OptionalInt minPoints, TpeSettings tpe) {

    public static final double DEFAULT_RANDOM_FRACTION = 1.0 / 3;
    /** q = 15%: the paper's (and HpBandSter's {@code top_n_percent}) good fraction. */
    public static final double DEFAULT_GAMMA = 0.15;
    /** N_s = 64 candidates drawn from l(x) per suggestion. */
    public static final int DEFAULT_EI_CANDIDATES = 64;
    /** Added to the number of dimensions when {@link #minPoints()} is empty (the paper's N_min = d + 1, plus one). */
    public static final int AUTO_MIN_POINTS_EXTRA = 2;

    public BohbSettings {
        if (!(randomFraction >= 0 && randomFraction <= 1)) {
            throw new IllegalArgumentException("`randomFraction` must be in [0, 1], but was " + TpeSettings.format(randomFraction));
        }
        Objects.requireNonNull(minPoints, "`minPoints` must not be null; use OptionalInt.empty() for dimensions + 2");
        if (minPoints.isPresent() && minPoints.getAsInt() < 1) {
            throw new IllegalArgumentException("`minPoints` must be >= 1, but was " + minPoints.getAsInt());
        }
        Objects.requireNonNull(tpe, "`tpe` must not be null");
    }

    /** ρ = 1/3, N_min = dimensions + 2, TPE with γ = 0.15, 64 candidates, prior weight 1, multivariate, constant liar. */
    public static BohbSettings defaults() {
        return new BohbSettings(DEFAULT_RANDOM_FRACTION, OptionalInt.empty(), defaultTpe());
    }

    /** The TPE part of {@link #defaults()}. */
    public static TpeSettings defaultTpe() {
        return new TpeSettings(DEFAULT_GAMMA, DEFAULT_EI_CANDIDATES, TpeSettings.DEFAULT_PRIOR_WEIGHT,
                TpeSettings.DEFAULT_MULTIVARIATE, TpeSettings.DEFAULT_CONSTANT_LIAR);
    }

    /** N_min for a space of {@code dimensions} parameters. */
    public int minPointsFor(int dimensions) {
        return minPoints.orElse(dimensions + AUTO_MIN_POINTS_EXTRA);
    }
}
