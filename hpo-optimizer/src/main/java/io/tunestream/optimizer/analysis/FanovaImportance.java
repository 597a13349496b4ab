package io.tunestream.optimizer.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Hyperparameter importance by functional ANOVA on a random forest: F. Hutter, H. Hoos, K.
 * Leyton-Brown, "An Efficient Approach for Assessing Hyperparameter Importance", ICML 2014.
 *
 * <p>A random forest (L. Breiman, "Random Forests", Machine Learning 45, 2001) of {@code trees}
 * regression trees is fitted to the observed (configuration {@code x} on the unit cube, loss {@code y})
 * pairs. Each tree is a piecewise-constant function {@code f} on {@code [0, 1]^d}; under the uniform
 * measure its variance {@code V = Var[f]} splits into main effects and interactions, and the main
 * effect of parameter {@code i} has variance {@code V_i = Var_{x_i}[ E_{x_-i}[ f(x) | x_i ] ]}. The
 * importance of {@code i} is the fraction {@code V_i / V} averaged over the trees (trees that predict a
 * constant are left out), then normalised to sum to 1 over the parameters as Optuna's
 * {@code FanovaImportanceEvaluator} reports it; {@link Importance#varianceFraction()} keeps the
 * unnormalised fraction (1 minus the sum is what interactions explain).
 *
 * <p>Both are exact for a tree: a tree's leaves tile the cube, so {@code E[f | x_i]} is a step function
 * of {@code x_i} that changes only at the leaves' bounds in dimension {@code i}; one sweep over those
 * bounds computes it ({@code O(L log L)} for {@code L} leaves). Categorical parameters enter as their
 * cell centres on the unit interval (the encoding of {@code SearchSpace}); the trees split them as
 * ordered values, a simplification of fANOVA's subset splits that only matters for categories whose
 * effect is not monotone in their order.
 */
public final class FanovaImportance {

    /**
     * How the forest is grown.
     *
     * @param trees          trees in the forest (Optuna: 64)
     * @param maxDepth       depth limit of every tree (Optuna: 64)
     * @param minSamplesLeaf fewest samples per leaf (Optuna: 1)
     * @param seed           seeds the bootstrap samples: same seed, same importances
     */
    public record Settings(int trees, int maxDepth, int minSamplesLeaf, long seed) {

        public static final Settings DEFAULT = new Settings(32, 64, 1, 0L);

        public Settings {
            if (trees < 1) {
                throw new IllegalArgumentException("`trees` must be >= 1, but was " + trees);
            }
            if (maxDepth < 1) {
                throw new IllegalArgumentException("`maxDepth` must be >= 1, but was " + maxDepth);
            }
            if (minSamplesLeaf < 1) {
                throw new IllegalArgumentException("`minSamplesLeaf` must be >= 1, but was " + minSamplesLeaf);
            }
        }

        public Settings withSeed(long newSeed) {
            return new Settings(trees, maxDepth, minSamplesLeaf, newSeed);
        }
    }

    /**
     * One parameter's importance.
     *
     * @param importance       share of the explained main-effect variance, in [0, 1]; sums to 1 over
     *                         all parameters unless nothing varies (then every one is 0)
     * @param varianceFraction {@code V_i / V} averaged over the trees, in [0, 1]
     * @param std              standard deviation of {@code V_i / V} over the trees
     */
    public record Importance(String parameter, double importance, double varianceFraction, double std) {

        public Importance {
            Objects.requireNonNull(parameter, "`parameter` must not be null");
        }
    }

    private FanovaImportance() {
    }

    /**
     * Importances of the parameters {@code names}, most important first.
     *
     * @param x one row per trial: its configuration on the unit cube, one column per name
     * @param y the trial's loss; rows with a non-finite loss are left out (a diverged trial says
     *          nothing about the shape of the response surface)
     * @throws IllegalArgumentException naming the argument when the shapes disagree or a coordinate is
     *                                  outside [0, 1]
     */
    public static List<Importance> evaluate(List<String> names, double[][] x, double[] y, Settings settings) {
        Objects.requireNonNull(names, "`names` must not be null");
        Objects.requireNonNull(x, "`x` must not be null");
        Objects.requireNonNull(y, "`y` must not be null");
        Objects.requireNonNull(settings, "`settings` must not be null");
        if (x.length != y.length) {
            throw new IllegalArgumentException("`x` and `y` must have as many rows, but had " + x.length + " and " + y.length);
        }
        int dimensions = names.size();
        var rows = new ArrayList<Integer>();
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != dimensions) {
                throw new IllegalArgumentException("`x[" + r + "]` must have one column per name (" + dimensions
                        + "), but had " + x[r].length);
            }
            for (int d = 0; d < dimensions; d++) {
                if (!(x[r][d] >= 0 && x[r][d] <= 1)) {
                    throw new IllegalArgumentException("`x[" + r + "][" + d + "]` must be in [0, 1], but was " + x[r][d]);
                }
            }
            if (Double.isFinite(y[r])) {
                rows.add(r);
            }
        }
        if (dimensions == 0 || rows.size() < 2) {
            return names.stream().map(name -> new Importance(name, 0, 0, 0)).toList();
        }
        double[][] xs = new double[rows.size()][];
        double[] ys = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            xs[i] = x[rows.get(i)];
            ys[i] = y[rows.get(i)];
        }
        Random rng = new Random(settings.seed());
        double[][] fractions = new double[settings.trees()][];
        int informative = 0;
        for (int t = 0; t < settings.trees(); t++) {
            int[] sample = new int[xs.length];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = rng.nextInt(xs.length);
            }
            var tree = RegressionTree.grow(xs, ys, sample, settings.maxDepth(), settings.minSamplesLeaf(), dimensions, rng);
            var fraction = mainEffectFractions(tree.leaves(), dimensions);
            if (fraction.length > 0) {
                fractions[informative++] = fraction;
            }
        }
        double[] mean = new double[dimensions];
        double[] std = new double[dimensions];
        for (int d = 0; d < dimensions && informative > 0; d++) {
            double sum = 0;
            for (int t = 0; t < informative; t++) {
                sum += fractions[t][d];
            }
            mean[d] = sum / informative;
            double squares = 0;
            for (int t = 0; t < informative; t++) {
                squares += (fractions[t][d] - mean[d]) * (fractions[t][d] - mean[d]);
            }
            std[d] = Math.sqrt(squares / informative);
        }
        double total = Arrays.stream(mean).sum();
        var importances = new ArrayList<Importance>(dimensions);
        for (int d = 0; d < dimensions; d++) {
            importances.add(new Importance(names.get(d), total > 0 ? mean[d] / total : 0, mean[d], std[d]));
        }
        importances.sort(Comparator.comparingDouble(Importance::importance).reversed().thenComparing(Importance::parameter));
        return List.copyOf(importances);
    }

    /**
     * {@code V_i / V} for every dimension of one tree; empty when the tree is constant ({@code V = 0}).
     */
    static double[] mainEffectFractions(List<RegressionTree.Leaf> leaves, int dimensions) {
        double mean = 0;
        for (var leaf : leaves) {
            mean += leaf.volume() * leaf.value();
        }
        double variance = 0;
        for (var leaf : leaves) {
            variance += leaf.volume() * (leaf.value() - mean) * (leaf.value() - mean);
        }
        if (!(variance > 1e-300)) {
            return new double[0];
        }
        double[] fractions = new double[dimensions];
        for (int d = 0; d < dimensions; d++) {
            fractions[d] = Math.min(1, mainEffectVariance(leaves, d, mean) / variance);
        }
        return fractions;
    }

    /**
     * {@code Var[E[f | x_d]]}: sweeps the leaves' bounds in dimension {@code d}; between two bounds,
     * {@code E[f | x_d]} is the sum over the leaves covering that stretch of value times the volume of
     * the leaf's box in the other dimensions ({@code volume / width_d}).
     */
    static double mainEffectVariance(List<RegressionTree.Leaf> leaves, int d, double mean) {
        int n = leaves.size();
        double[] position = new double[2 * n];
        double[] change = new double[2 * n];
        Integer[] order = new Integer[2 * n];
        for (int i = 0; i < n; i++) {
            var leaf = leaves.get(i);
            double width = leaf.width(d);
            double weight = width > 0 ? leaf.value() * leaf.volume() / width : 0;
            position[2 * i] = leaf.lo()[d];
            change[2 * i] = weight;
            position[2 * i + 1] = leaf.hi()[d];
            change[2 * i + 1] = -weight;
            order[2 * i] = 2 * i;
            order[2 * i + 1] = 2 * i + 1;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> position[i]));
        double marginal = 0;
        double variance = 0;
        int k = 0;
        while (k < order.length) {
            double at = position[order[k]];
            while (k < order.length && position[order[k]] == at) {
                marginal += change[order[k]];
                k++;
            }
            if (k < order.length) {
                double next = position[order[k]];
                variance += (next - at) * (marginal - mean) * (marginal - mean);
            }
        }
        return variance;
    }
}
