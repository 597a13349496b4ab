package io.tunestream.training.data;

/**
 * Per-feature standardization z = (x − mean) / std, fitted on the training rows only: statistics of
 * validation or test rows must not leak into the model. A constant feature (std 0, e.g. the always
 * blank corner pixels of the digits) gets std 1, so it becomes 0 everywhere instead of NaN.
 */
public final class Standardizer {

    private final float[] mean;
    private final float[] std;

    private Standardizer(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** Fits the means and standard deviations of {@code rows} of {@code dataset}. */
    public static Standardizer fit(Dataset dataset, int[] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows must not be empty to fit a standardizer");
        }
        int d = dataset.features();
        double[] sum = new double[d];
        double[] sumSq = new double[d];
        for (int row : rows) {
            for (int f = 0; f < d; f++) {
                double v = dataset.value(row, f);
                sum[f] += v;
                sumSq[f] += v * v;
            }
        }
        float[] mean = new float[d];
        float[] std = new float[d];
        for (int f = 0; f < d; f++) {
            double m = sum[f] / rows.length;
            double variance = Math.max(0, sumSq[f] / rows.length - m * m);
            mean[f] = (float) m;
            std[f] = variance > 1e-12 ? (float) Math.sqrt(variance) : 1f;
        }
        return new Standardizer(mean, std);
    }

    /** The standardized features of {@code rows}, row-major. */
    public float[] transform(Dataset dataset, int[] rows) {
        int d = dataset.features();
        if (d != mean.length) {
            throw new IllegalArgumentException("dataset must have " + mean.length + " features, but has " + d);
        }
        float[] out = new float[rows.length * d];
        dataset.copyRows(rows, out);
        for (int i = 0; i < rows.length; i++) {
            for (int f = 0; f < d; f++) {
                int at = i * d + f;
                out[at] = (out[at] - mean[f]) / std[f];
            }
        }
        return out;
    }

    public float[] means() {
        return mean.clone();
    }

    public float[] standardDeviations() {
        return std.clone();
    }
}
