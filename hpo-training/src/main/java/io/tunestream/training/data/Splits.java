package io.tunestream.training.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stratified, seeded splits: every part keeps the class proportions of the whole (as scikit-learn's
 * {@code train_test_split(stratify=y)} and {@code StratifiedKFold(shuffle=True)} do), and the same seed
 * gives the same rows, so that every trial of a study and its final evaluation see the same split.
 */
public final class Splits {

    private Splits() {
    }

    /**
     * Splits every row of {@code dataset}: per class, {@code round(n_c * testFraction)} rows to test,
     * {@code round(n_c * validationFraction)} to validation, the rest to train.
     */
    public static Partition stratified(Dataset dataset, double validationFraction, double testFraction, long seed) {
        int[] all = new int[dataset.rows()];
        Arrays.setAll(all, i -> i);
        return stratified(dataset, all, validationFraction, testFraction, seed);
    }

    /** As {@link #stratified(Dataset, double, double, long)}, over the given rows only. */
    public static Partition stratified(Dataset dataset, int[] rows, double validationFraction, double testFraction, long seed) {
        requireFraction(validationFraction, "validationFraction");
        requireFraction(testFraction, "testFraction");
        if (validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("validationFraction + testFraction must be < 1, but was " + (validationFraction + testFraction));
        }
        var train = new IntList();
        var validation = new IntList();
        var test = new IntList();
        List<int[]> byClass = byClass(dataset, rows, seed);
        for (int[] members : byClass) {
            int n = members.length;
            int nTest = (int) Math.round(n * testFraction);
            int nValidation = (int) Math.round(n * validationFraction);
            if (nTest + nValidation >= n && n > 0) {
                // Tiny classes keep at least one training row.
                nValidation = Math.max(0, n - 1 - nTest);
                nTest = Math.min(nTest, n - 1);
            }
            for (int i = 0; i < n; i++) {
                (i < nTest ? test : i < nTest + nValidation ? validation : train).add(members[i]);
            }
        }
        return new Partition(train.sorted(), validation.sorted(), test.sorted());
    }

    /**
     * {@code k} stratified folds of {@code rows}: the rows of each class, shuffled, are dealt to the
     * folds in turn, so fold sizes differ by at most one per class. Fold i validates on its own rows
     * and trains on all the others.
     */
    public static List<Fold> stratifiedFolds(Dataset dataset, int[] rows, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be >= 2, but was " + k);
        }
        if (rows.length < k) {
            throw new IllegalArgumentException("k must be <= the number of rows (" + rows.length + "), but was " + k);
        }
        var members = new IntList[k];
        Arrays.setAll(members, i -> new IntList());
        int next = 0;
        for (int[] cls : byClass(dataset, rows, seed)) {
            for (int row : cls) {
                members[next].add(row);
                next = (next + 1) % k;
            }
        }
        var folds = new ArrayList<Fold>();
        for (int f = 0; f < k; f++) {
            var train = new IntList();
            for (int g = 0; g < k; g++) {
                if (g != f) {
                    train.addAll(members[g]);
                }
            }
            folds.add(new Fold(f, train.sorted(), members[f].sorted()));
        }
        return List.copyOf(folds);
    }

    /**
     * A stratified sample of at most {@code limit} rows (for trying a large dataset quickly). Returns
     * every row when the dataset has no more than {@code limit}.
     */
    public static int[] stratifiedSample(Dataset dataset, int limit, long seed) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, but was " + limit);
        }
        int[] all = new int[dataset.rows()];
        Arrays.setAll(all, i -> i);
        if (limit >= all.length) {
            return all;
        }
        var sample = new IntList();
        double fraction = (double) limit / all.length;
        for (int[] members : byClass(dataset, all, seed)) {
            int take = (int) Math.round(members.length * fraction);
            for (int i = 0; i < take && i < members.length; i++) {
                sample.add(members[i]);
            }
        }
        return sample.sorted();
    }

    /** The rows of each class in a seeded random order. */
    private static List<int[]> byClass(Dataset dataset, int[] rows, long seed) {
        var lists = new IntList[dataset.classes()];
        Arrays.setAll(lists, i -> new IntList());
        int[] sorted = rows.clone();
        Arrays.sort(sorted);
        for (int row : sorted) {
            lists[dataset.label(row)].add(row);
        }
        var random = new SplittableRandom(seed);
        var result = new ArrayList<int[]>();
        for (IntList list : lists) {
            int[] members = list.toArray();
            shuffle(members, random);
            result.add(members);
        }
        return result;
    }

    /** Fisher-Yates shuffle in place. */
    public static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    private static void requireFraction(double value, String name) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), but was " + value);
        }
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(IntList other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }

        int[] sorted() {
            int[] copy = toArray();
            Arrays.sort(copy);
            return copy;
        }
    }
}
