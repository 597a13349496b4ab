package io.tunestream.bench.run;

import java.util.Objects;

/**
 * The outcome of one study.
 *
 * @param problem        the problem's name
 * @param method         the method's label
 * @param seed           the study seed
 * @param losses         the loss of trial {@code i} at index {@code i}; a copy
 * @param suggestSeconds time spent suggesting, all trials together (for Optuna: in {@code study.ask})
 * @param wallSeconds    wall time of the whole study, evaluations and protocol included
 */
public record StudyResult(String problem, String method, long seed, double[] losses, double suggestSeconds,
                          double wallSeconds) {

    public StudyResult {
        Objects.requireNonNull(problem, "`problem` must not be null");
        Objects.requireNonNull(method, "`method` must not be null");
        Objects.requireNonNull(losses, "`losses` must not be null");
        losses = losses.clone();
        for (int i = 0; i < losses.length; i++) {
            if (Double.isNaN(losses[i])) {
                throw new IllegalArgumentException("`losses[" + i + "]` must not be NaN, but was NaN");
            }
        }
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    public int trials() {
        return losses.length;
    }

    /** Best loss after each number of trials: element {@code i} is the minimum of trials {@code 0..i}. */
    public double[] incumbent() {
        double[] best = new double[losses.length];
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < losses.length; i++) {
            min = Math.min(min, losses[i]);
            best[i] = min;
        }
        return best;
    }
}
