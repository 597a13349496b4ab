package io.tunestream.bench.run;

import java.util.Objects;

/**
 * What a multi-fidelity trial would report: its loss after each epoch and what each epoch costs in
 * virtual seconds.
 *
 * @param losses       {@code losses[e - 1]} = the loss after epoch {@code e}; lower is better, never NaN
 * @param epochSeconds {@code epochSeconds[e - 1]} = the virtual time epoch {@code e} takes, {@code > 0}
 */
public record LearningCurve(double[] losses, double[] epochSeconds) {

    public LearningCurve {
        Objects.requireNonNull(losses, "`losses` must not be null");
        Objects.requireNonNull(epochSeconds, "`epochSeconds` must not be null");
        if (losses.length == 0 || losses.length != epochSeconds.length) {
            throw new IllegalArgumentException("`losses` and `epochSeconds` must have the same, positive length, but had "
                    + losses.length + " and " + epochSeconds.length);
        }
        for (int i = 0; i < losses.length; i++) {
            if (Double.isNaN(losses[i])) {
                throw new IllegalArgumentException("`losses[" + i + "]` must not be NaN");
            }
            if (!(epochSeconds[i] > 0) || Double.isInfinite(epochSeconds[i])) {
                throw new IllegalArgumentException("`epochSeconds[" + i + "]` must be finite and > 0, but was "
                        + epochSeconds[i]);
            }
        }
    }

    /** The epochs the curve covers. */
    public int maxEpochs() {
        return losses.length;
    }
}
