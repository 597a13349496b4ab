package io.tunestream.optimizer.sampler;

import io.tunestream.optimizer.space.SearchSpace;

/**
 * The features a {@link GpSampler} models: a numeric axis of the unit cube is one feature as it is; a
 * categorical axis with {@code k} choices becomes {@code k} one-hot features, so that the kernel sees
 * no order between choices. Every feature lies in {@code [0, 1]}.
 */
final class OneHotEncoding {

    private final int[] choices;
    private final int[] offset;
    private final int features;

    OneHotEncoding(SearchSpace space) {
        this.choices = TpeSampler.choices(space);
        this.offset = new int[choices.length];
        int next = 0;
        for (int j = 0; j < choices.length; j++) {
            offset[j] = next;
            next += choices[j] == 0 ? 1 : choices[j];
        }
        this.features = next;
    }

    int features() {
        return features;
    }

    int axes() {
        return choices.length;
    }

    /** 0 for a numeric axis, else its number of choices. */
    int choices(int axis) {
        return choices[axis];
    }

    /** The feature of a numeric axis; the first one-hot feature of a categorical one. */
    int offset(int axis) {
        return offset[axis];
    }

    double[] encode(double[] u) {
        double[] x = new double[features];
        for (int j = 0; j < choices.length; j++) {
            if (choices[j] == 0) {
                x[offset[j]] = u[j];
            } else {
                x[offset[j] + ParzenEstimator.index(u[j], choices[j])] = 1.0;
            }
        }
        return x;
    }
}
