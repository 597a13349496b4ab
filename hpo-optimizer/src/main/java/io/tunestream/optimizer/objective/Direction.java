package io.tunestream.optimizer.objective;

/** Whether the user wants the objective metric as low or as high as possible. */
public enum Direction {
    MINIMIZE,
    MAXIMIZE;

    /**
     * Converts a metric reported by a trial into the loss the core minimises.
     *
     * <p>NaN becomes {@link Double#POSITIVE_INFINITY}: a diverged trial must rank below every trial
     * that produced a number, and NaN would otherwise poison every comparison it takes part in.
     *
     * @param value the metric as reported, in the user's direction
     * @return {@code value} for {@link #MINIMIZE}, {@code -value} for {@link #MAXIMIZE}; never NaN
     */
    public double toLoss(double value) {
        if (Double.isNaN(value)) {
            return Double.POSITIVE_INFINITY;
        }
        return this == MINIMIZE ? value : -value;
    }
}
