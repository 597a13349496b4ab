package io.tunestream.optimizer.sampler;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A Parzen estimator on the unit cube: a weighted mixture of one kernel per observation plus one prior
 * kernel (Bergstra et al. 2011, section 4; Optuna's {@code _ParzenEstimator}).
 *
 * <p>Numeric axes get truncated normal kernels on {@code [0, 1]}: the bandwidth is Scott's rule
 * {@code 0.2 n^(-1/(d+4))} when multivariate, the distance to the farther neighbour (the prior centre
 * 0.5 counts as one, as in Optuna) when univariate,
 * clipped to {@code [1 / min(100, n + 2), 1]} ("magic clip"), and the prior kernel is {@code N(0.5, 1)}.
 * Categorical axes get an Aitchison-Aitken style kernel on the choice index: the observed choice has
 * weight {@code 1 + w/K}, every choice {@code w/K} (w the prior weight, K the number of kernels); the
 * prior kernel is uniform. Weights of the observations come from the caller.
 *
 * <p>{@link #logDensity} is the mixture's density; {@link #logScore} is what TPE ranks candidates by
 * (kernels weighted by bandwidth, as in Optuna 3.1). For continuous axes, the bandwidths and
 * {@code logScore} equal Optuna 3.1.0's {@code _ParzenEstimator} bandwidths and {@code log_pdf} on the
 * unit interval (Optuna scores int and stepped axes by kernel mass over the grid cell instead).
 */
final class ParzenEstimator {

    private static final double SIGMA0 = 0.2;
    private static final int MAX_REJECTIONS = 64;

    private final int[] choices;
    private final boolean multivariate;
    private final int kernels;
    private final double[] logWeights;
    private final double[] cumulative;
    private final double[][] mu;
    private final double[][] sigma;
    private final double[][] logNorm;
    private final double[][] logMass;
    private final double[] logPObserved;
    private final double[] logPOther;

    /**
     * @param choices      per axis: 0 for a numeric axis, the number of choices for a categorical one
     * @param points       observations in the unit cube
     * @param weights      a positive weight per observation
     * @param priorWeight  weight of the prior kernel
     * @param multivariate joint kernels (true) or an independent mixture per axis (false)
     */
    ParzenEstimator(int[] choices, List<double[]> points, double[] weights, double priorWeight, boolean multivariate) {
        this.choices = choices;
        this.multivariate = multivariate;
        int n = points.size();
        int d = choices.length;
        this.kernels = n + 1;
        this.logWeights = new double[kernels];
        this.cumulative = new double[kernels];
        double total = priorWeight;
        for (double w : weights) {
            total += w;
        }
        double running = 0;
        for (int k = 0; k < kernels; k++) {
            double w = k < n ? weights[k] : priorWeight;
            logWeights[k] = Math.log(w / total);
            running += w / total;
            cumulative[k] = running;
        }
        cumulative[kernels - 1] = 1.0;

        this.mu = new double[kernels][d];
        this.sigma = new double[kernels][d];
        this.logNorm = new double[kernels][d];
        this.logMass = new double[kernels][d];
        this.logPObserved = new double[d];
        this.logPOther = new double[d];
        double minSigma = 1.0 / Math.min(100.0, 1.0 + kernels);
        double scott = SIGMA0 * Math.pow(Math.max(n, 1), -1.0 / (d + 4));
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < n; k++) {
                mu[k][j] = choices[j] == 0 ? points.get(k)[j] : index(points.get(k)[j], choices[j]);
            }
            if (choices[j] == 0) {
                double[] bandwidths = multivariate ? filled(n, scott) : neighbourDistances(mu, n, j);
                for (int k = 0; k < n; k++) {
                    setKernel(k, j, mu[k][j], Math.min(1.0, Math.max(minSigma, bandwidths[k])));
                }
                setKernel(n, j, 0.5, 1.0);
            } else {
                double each = priorWeight / kernels;
                double rowSum = 1 + choices[j] * each;
                logPObserved[j] = Math.log((1 + each) / rowSum);
                logPOther[j] = Math.log(each / rowSum);
            }
        }
    }

    /** A point drawn from the mixture. */
    double[] sample(SplittableRandom rng) {
        double[] u = new double[choices.length];
        int kernel = multivariate ? pick(rng) : -1;
        for (int j = 0; j < u.length; j++) {
            int k = multivariate ? kernel : pick(rng);
            u[j] = choices[j] == 0 ? sampleNumeric(k, j, rng) : sampleCategorical(k, j, rng);
        }
        return u;
    }

    /** The log density of the mixture at {@code u}. */
    double logDensity(double[] u) {
        return logMixture(u, true);
    }

    /** The log density of axis {@code j}'s marginal mixture at {@code x} (a unit-cube coordinate). */
    double logDensity(int j, double x) {
        return logMixture(j, x, true);
    }

    /**
     * The log of the mixture with every numeric kernel at its height within [0, 1] rather than as a
     * density: kernel k contributes {@code w_k φ(z) / mass_k}, i.e. its density times its bandwidth
     * (categorical kernels and the prior, whose bandwidth is 1, are unchanged). This is not a density;
     * TPE ranks candidates by {@code logScore} of l(x) minus that of g(x).
     *
     * <p>Why: it is how Optuna 3.1 ranks (its truncated-normal log pdf leaves out the {@code -log σ}
     * term, so a kernel weighs in proportion to its bandwidth), and it ranks better on every analytic
     * problem of {@code docs/benchmarks/search.md}: narrow kernels of clustered observations no longer
     * dominate the ratio, so the ratio is less greedy about the exact spot of the incumbents. Sampling
     * from the mixture is unaffected.
     */
    double logScore(double[] u) {
        return logMixture(u, false);
    }

    /** As {@link #logScore(double[])}, for axis {@code j}'s marginal mixture. */
    double logScore(int j, double x) {
        return logMixture(j, x, false);
    }

    private double logMixture(double[] u, boolean normalised) {
        if (multivariate) {
            double[] terms = new double[kernels];
            for (int k = 0; k < kernels; k++) {
                double sum = logWeights[k];
                for (int j = 0; j < u.length; j++) {
                    sum += logKernel(k, j, u[j], normalised);
                }
                terms[k] = sum;
            }
            return logSumExp(terms);
        }
        double total = 0;
        for (int j = 0; j < u.length; j++) {
            total += logMixture(j, u[j], normalised);
        }
        return total;
    }

    private double logMixture(int j, double x, boolean normalised) {
        double[] terms = new double[kernels];
        for (int k = 0; k < kernels; k++) {
            terms[k] = logWeights[k] + logKernel(k, j, x, normalised);
        }
        return logSumExp(terms);
    }

    private void setKernel(int k, int j, double centre, double bandwidth) {
        mu[k][j] = centre;
        sigma[k][j] = bandwidth;
        double mass = Gaussian.cdf((1 - centre) / bandwidth) - Gaussian.cdf(-centre / bandwidth);
        logMass[k][j] = Math.log(mass);
        logNorm[k][j] = Math.log(bandwidth) + logMass[k][j];
    }

    private double logKernel(int k, int j, double x, boolean normalised) {
        if (choices[j] == 0) {
            return Gaussian.logPdf((x - mu[k][j]) / sigma[k][j]) - (normalised ? logNorm[k][j] : logMass[k][j]);
        }
        if (k == kernels - 1) {
            return -Math.log(choices[j]);
        }
        return index(x, choices[j]) == mu[k][j] ? logPObserved[j] : logPOther[j];
    }

    private double sampleNumeric(int k, int j, SplittableRandom rng) {
        for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
            double x = mu[k][j] + sigma[k][j] * rng.nextGaussian();
            if (x >= 0 && x <= 1) {
                return x;
            }
        }
        // Unreachable in practice: every kernel keeps at least a third of its mass inside [0, 1].
        return Math.min(1, Math.max(0, mu[k][j]));
    }

    private double sampleCategorical(int k, int j, SplittableRandom rng) {
        int count = choices[j];
        int chosen;
        if (k == kernels - 1) {
            chosen = rng.nextInt(count);
        } else {
            int observed = (int) mu[k][j];
            if (count == 1 || rng.nextDouble() < Math.exp(logPObserved[j])) {
                chosen = observed;
            } else {
                int other = rng.nextInt(count - 1);
                chosen = other >= observed ? other + 1 : other;
            }
        }
        return (chosen + 0.5) / count;
    }

    private int pick(SplittableRandom rng) {
        double r = rng.nextDouble();
        int k = Arrays.binarySearch(cumulative, r);
        k = k >= 0 ? k : -k - 1;
        return Math.min(k, kernels - 1);
    }

    /**
     * Optuna's univariate bandwidth: the larger gap to a neighbour among the observations and the prior
     * centre 0.5 (Optuna sorts the prior's mean with the observations), the ends of [0, 1] included
     * except for the outermost centres (Optuna's {@code consider_endpoints=False}). Only the first
     * {@code n} (the observations') bandwidths are returned; the prior keeps its own.
     */
    private static double[] neighbourDistances(double[][] mu, int n, int j) {
        int m = n + 1;
        double[] centres = new double[m];
        for (int k = 0; k < n; k++) {
            centres[k] = mu[k][j];
        }
        centres[n] = 0.5;
        Integer[] order = new Integer[m];
        for (int k = 0; k < m; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(centres[a], centres[b]));
        double[] sorted = new double[m + 2];
        sorted[0] = 0;
        sorted[m + 1] = 1;
        for (int i = 0; i < m; i++) {
            sorted[i + 1] = centres[order[i]];
        }
        double[] bySorted = new double[m];
        for (int i = 0; i < m; i++) {
            bySorted[i] = Math.max(sorted[i + 1] - sorted[i], sorted[i + 2] - sorted[i + 1]);
        }
        if (m >= 2) {
            // The ends are not neighbours (Optuna's consider_endpoints=False).
            bySorted[0] = sorted[2] - sorted[1];
            bySorted[m - 1] = sorted[m] - sorted[m - 1];
        }
        double[] bandwidths = new double[n];
        for (int i = 0; i < m; i++) {
            if (order[i] < n) {
                bandwidths[order[i]] = bySorted[i];
            }
        }
        return bandwidths;
    }

    private static double[] filled(int n, double value) {
        double[] values = new double[n];
        Arrays.fill(values, value);
        return values;
    }

    static int index(double u, int count) {
        return (int) Math.min(count - 1, Math.max(0, Math.floor(u * count)));
    }

    static double logSumExp(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double v : values) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }
}
