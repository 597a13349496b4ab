package io.tunestream.bench.report;

import java.util.Arrays;

/** Order statistics of a sample, with numpy's default (linear) interpolation. */
public final class Quantiles {

    private Quantiles() {
    }

    /**
     * The {@code q}-quantile of {@code values}: the sorted values interpolated linearly at position
     * {@code q (n - 1)}.
     *
     * @throws IllegalArgumentException when {@code values} is empty or {@code q} is outside {@code [0, 1]}
     */
    public static double of(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("`values` must not be empty, but was []");
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("`q` must be in [0, 1], but was " + q);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        double fraction = position - lower;
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
    }

    public static double median(double[] values) {
        return of(values, 0.5);
    }
}
