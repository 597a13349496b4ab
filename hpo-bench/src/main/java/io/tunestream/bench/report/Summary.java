package io.tunestream.bench.report;

/**
 * Median and inter-quartile range of one quantity over seeds.
 *
 * @param median the median
 * @param q25    the first quartile
 * @param q75    the third quartile
 * @param n      how many seeds
 */
public record Summary(double median, double q25, double q75, int n) {

    public static Summary of(double[] values) {
        return new Summary(Quantiles.median(values), Quantiles.of(values, 0.25), Quantiles.of(values, 0.75),
                values.length);
    }

    public double iqr() {
        return q75 - q25;
    }
}
