package io.tunestream.optimizer.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A CART regression tree on the unit cube (Breiman et al. 1984): every split minimises the summed
 * squared error of its two children, thresholds lie halfway between neighbouring sample values, and
 * each leaf predicts the mean of its samples. What fANOVA needs of it is its partition of the cube:
 * {@link #leaves()}, boxes that tile {@code [0, 1]^d}, each with its constant prediction.
 */
final class RegressionTree {

    /** A leaf: the half-open box {@code [lo, hi)} it covers and the value it predicts there. */
    record Leaf(double[] lo, double[] hi, double value) {

        Leaf {
            lo = lo.clone();
            hi = hi.clone();
        }

        double width(int dimension) {
            return hi[dimension] - lo[dimension];
        }

        double volume() {
            double volume = 1;
            for (int d = 0; d < lo.length; d++) {
                volume *= width(d);
            }
            return volume;
        }
    }

    private final List<Leaf> leaves;

    private RegressionTree(List<Leaf> leaves) {
        this.leaves = List.copyOf(leaves);
    }

    List<Leaf> leaves() {
        return leaves;
    }

    /**
     * Grows a tree on the rows {@code rows} (indices into {@code x}, repeats allowed: a bootstrap
     * sample).
     *
     * @param maxDepth       no split below this depth
     * @param minSamplesLeaf fewest samples a child may hold
     * @param maxFeatures    dimensions tried per split, drawn without replacement (all when >= d)
     */
    static RegressionTree grow(double[][] x, double[] y, int[] rows, int maxDepth, int minSamplesLeaf, int maxFeatures,
                               Random rng) {
        int dimensions = x[0].length;
        var leaves = new ArrayList<Leaf>();
        double[] lo = new double[dimensions];
        double[] hi = new double[dimensions];
        Arrays.fill(hi, 1.0);
        new Builder(x, y, maxDepth, minSamplesLeaf, Math.min(maxFeatures, dimensions), rng, leaves)
                .split(rows.clone(), 0, lo, hi);
        return new RegressionTree(leaves);
    }

    private record Builder(double[][] x, double[] y, int maxDepth, int minSamplesLeaf, int maxFeatures, Random rng,
                           List<Leaf> leaves) {

        void split(int[] rows, int depth, double[] lo, double[] hi) {
            double mean = mean(rows);
            if (depth >= maxDepth || rows.length < 2 * minSamplesLeaf || isConstant(rows)) {
                leaves.add(new Leaf(lo, hi, mean));
                return;
            }
            int bestDimension = -1;
            double bestThreshold = Double.NaN;
            double bestError = Double.POSITIVE_INFINITY;
            Integer[] order = new Integer[rows.length];
            for (int dimension : dimensions()) {
                for (int i = 0; i < rows.length; i++) {
                    order[i] = rows[i];
                }
                final int d = dimension;
                Arrays.sort(order, (a, b) -> Double.compare(x[a][d], x[b][d]));
                double total = 0;
                double totalSquares = 0;
                for (int row : rows) {
                    total += y[row];
                    totalSquares += y[row] * y[row];
                }
                double left = 0;
                double leftSquares = 0;
                for (int i = 0; i < order.length - 1; i++) {
                    double value = y[order[i]];
                    left += value;
                    leftSquares += value * value;
                    int leftCount = i + 1;
                    int rightCount = order.length - leftCount;
                    double here = x[order[i]][d];
                    double next = x[order[i + 1]][d];
                    if (here == next || leftCount < minSamplesLeaf || rightCount < minSamplesLeaf) {
                        continue;
                    }
                    double right = total - left;
                    double rightSquares = totalSquares - leftSquares;
                    double error = (leftSquares - left * left / leftCount) + (rightSquares - right * right / rightCount);
                    if (error < bestError - 1e-12) {
                        bestError = error;
                        bestDimension = d;
                        bestThreshold = (here + next) / 2;
                    }
                }
            }
            if (bestDimension < 0) {
                leaves.add(new Leaf(lo, hi, mean));
                return;
            }
            int d = bestDimension;
            double threshold = bestThreshold;
            int[] leftRows = Arrays.stream(rows).filter(row -> x[row][d] < threshold).toArray();
            int[] rightRows = Arrays.stream(rows).filter(row -> x[row][d] >= threshold).toArray();
            double[] leftHi = hi.clone();
            leftHi[d] = threshold;
            double[] rightLo = lo.clone();
            rightLo[d] = threshold;
            split(leftRows, depth + 1, lo, leftHi);
            split(rightRows, depth + 1, rightLo, hi);
        }

        private int[] dimensions() {
            int dimensions = x[0].length;
            int[] all = new int[dimensions];
            for (int i = 0; i < dimensions; i++) {
                all[i] = i;
            }
            if (maxFeatures >= dimensions) {
                return all;
            }
            for (int i = 0; i < maxFeatures; i++) { // partial Fisher-Yates shuffle
                int j = i + rng.nextInt(dimensions - i);
                int swap = all[i];
                all[i] = all[j];
                all[j] = swap;
            }
            return Arrays.copyOf(all, maxFeatures);
        }

        private double mean(int[] rows) {
            double sum = 0;
            for (int row : rows) {
                sum += y[row];
            }
            return sum / rows.length;
        }

        private boolean isConstant(int[] rows) {
            double first = y[rows[0]];
            for (int row : rows) {
                if (y[row] != first) {
                    return false;
                }
            }
            return true;
        }
    }
}
