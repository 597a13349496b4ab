package io.tunestream.training.data;

import java.util.Arrays;

/**
 * A classification dataset in memory: {@code rows} examples of {@code features} float features
 * (row-major) and a class index in [0, classes) each. Immutable: the constructor copies, the accessors
 * read single values or copy.
 */
public final class Dataset {

    private final String name;
    private final float[] values;
    private final int[] labels;
    private final int features;
    private final int classes;

    public Dataset(String name, float[] values, int[] labels, int features, int classes) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1, but was " + features);
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("a dataset must hold at least one row");
        }
        if (values.length != labels.length * features) {
            throw new IllegalArgumentException("values must hold rows x features = " + (long) labels.length * features
                    + " numbers, but holds " + values.length);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be >= 2, but was " + classes);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + classes + "), but was " + labels[i]);
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("feature " + (i % features) + " of row " + (i / features) + " must be finite, but was " + values[i]);
            }
        }
        this.name = name;
        this.values = values.clone();
        this.labels = labels.clone();
        this.features = features;
        this.classes = classes;
    }

    public String name() {
        return name;
    }

    public int rows() {
        return labels.length;
    }

    public int features() {
        return features;
    }

    public int classes() {
        return classes;
    }

    public int label(int row) {
        return labels[row];
    }

    public float value(int row, int feature) {
        return values[row * features + feature];
    }

    /** A copy of every label. */
    public int[] labels() {
        return labels.clone();
    }

    /** How many rows each class has. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** Copies the features of {@code rows} into {@code into}, row after row. */
    void copyRows(int[] rows, float[] into) {
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, rows[i] * features, into, i * features, features);
        }
    }

    @Override
    public String toString() {
        return name + " (" + rows() + " rows, " + features + " features, " + classes + " classes, per class "
                + Arrays.toString(classCounts()) + ")";
    }
}
