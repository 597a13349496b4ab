package io.tunestream.optimizer.sampler;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * A zero-mean Gaussian process with a Matérn 5/2 ARD kernel and Gaussian noise, conditioned on
 * features in {@code [0, 1]^D} and standardised targets (Rasmussen and Williams, "Gaussian Processes for
 * Machine Learning", 2006: kernel eq. 4.17, prediction algorithm 2.1, marginal likelihood gradient eq. 5.9).
 *
 * <p>{@code k(x, x') = σ² (1 + √5 r + 5/3 r²) exp(-√5 r)}, {@code r² = Σ_d (x_d - x'_d)² / ℓ_d²}. The
 * hyperparameters ℓ (one lengthscale per feature), σ² (signal variance) and σ_n² (noise variance) are
 * fitted by maximising the log marginal likelihood with {@link SmoothMinimizer} (Hipparchus), each bounded in log space (see
 * {@link #LOWER} / {@link #UPPER}) through a logistic map. Cholesky factorisation, inversion and
 * triangular solves are EJML's. Instances are immutable.
 */
final class GaussianProcess {

    /** Hyperparameters of a conditioned process. */
    record Hyperparameters(double[] lengthscales, double signalVariance, double noiseVariance) {
        Hyperparameters {
            lengthscales = lengthscales.clone();
        }

        @Override
        public double[] lengthscales() {
            return lengthscales.clone();
        }

        /** ℓ = 0.5 for every feature, σ² = 1, σ_n² = 1e-3: where every fit starts first. */
        static Hyperparameters defaults(int features) {
            double[] lengthscales = new double[features];
            Arrays.fill(lengthscales, 0.5);
            return new Hyperparameters(lengthscales, 1.0, 1e-3);
        }

        @Override
        public String toString() {
            return "Hyperparameters[lengthscales=" + Arrays.toString(lengthscales) + ", signalVariance="
                    + signalVariance + ", noiseVariance=" + noiseVariance + "]";
        }
    }

    /** Bounds of ℓ, σ² and σ_n² (targets are standardised, features lie in [0, 1]). */
    static final double[] LOWER = {0.01, 0.05, 1e-6};
    static final double[] UPPER = {20.0, 20.0, 1.0};

    private static final double SQRT5 = Math.sqrt(5);
    private static final double JITTER = 1e-10;
    private static final int FIT_ITERATIONS = 30;
    private static final int FIT_EVALUATIONS = 60;

    private final double[][] x;
    private final double[] y;
    private final Hyperparameters hyperparameters;
    private final double[] inverseSquaredLengthscales;
    private final double signal;
    private final double[] lower;
    private final double[] alpha;
    private final double logMarginalLikelihood;

    private GaussianProcess(double[][] x, double[] y, Hyperparameters hyperparameters) {
        this.x = x;
        this.y = y;
        this.hyperparameters = hyperparameters;
        this.inverseSquaredLengthscales = inverseSquares(hyperparameters.lengthscales);
        this.signal = hyperparameters.signalVariance;
        int n = y.length;
        double jitter = JITTER;
        DMatrixRMaj factor = null;
        while (factor == null) {
            DMatrixRMaj k = covariance(x, inverseSquaredLengthscales, signal, hyperparameters.noiseVariance + jitter);
            factor = cholesky(k).orElse(null);
            if (factor == null) {
                if (jitter > 1e-2) {
                    throw new IllegalStateException("the kernel matrix is not positive definite even with jitter " + jitter);
                }
                jitter *= 100;
            }
        }
        this.lower = factor.data;
        this.alpha = y.clone();
        TriangularSolver_DDRM.solveL(lower, alpha, n);
        double quadratic = dot(alpha, alpha);
        TriangularSolver_DDRM.solveTranL(lower, alpha, n);
        double logDet = 0;
        for (int i = 0; i < n; i++) {
            logDet += Math.log(lower[i * n + i]);
        }
        this.logMarginalLikelihood = -0.5 * quadratic - logDet - n * Gaussian.LOG_SQRT_2PI;
    }

    /** The process conditioned on {@code y} at {@code x} (rows are features in [0, 1]). */
    static GaussianProcess condition(double[][] x, double[] y, Hyperparameters hyperparameters) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("`x` and `y` must have the same, positive length, but had " + x.length
                    + " and " + y.length);
        }
        return new GaussianProcess(x, y.clone(), hyperparameters);
    }

    /**
     * Kriging believer (Ginsbourger, Le Riche and Carraro, "Kriging is well-suited to parallelize
     * optimization", 2010): the process conditioned in addition on its own posterior mean at
     * {@code pending}. The mean stays the same everywhere; the variance near pending points collapses, so
     * an acquisition function stops favouring them.
     */
    GaussianProcess withFantasies(List<double[]> pending) {
        if (pending.isEmpty()) {
            return this;
        }
        double[][] xs = Arrays.copyOf(x, x.length + pending.size());
        double[] ys = Arrays.copyOf(y, y.length + pending.size());
        double[] moments = new double[2];
        for (int p = 0; p < pending.size(); p++) {
            predict(pending.get(p), moments, null, null);
            xs[x.length + p] = pending.get(p);
            ys[y.length + p] = moments[0];
        }
        return new GaussianProcess(xs, ys, hyperparameters);
    }

    Hyperparameters hyperparameters() {
        return hyperparameters;
    }

    double logMarginalLikelihood() {
        return logMarginalLikelihood;
    }

    int size() {
        return y.length;
    }

    /** The lowest target conditioned on, fantasies included. */
    double minTarget() {
        double min = Double.POSITIVE_INFINITY;
        for (double value : y) {
            min = Math.min(min, value);
        }
        return min;
    }

    /**
     * The posterior of the latent f at {@code point}: writes mean and variance to {@code moments}, and,
     * when the arrays are not null, their gradients with respect to the point's features.
     */
    void predict(double[] point, double[] moments, double[] meanGradient, double[] varianceGradient) {
        int n = y.length;
        int features = point.length;
        double[] k = new double[n];
        double[] q = meanGradient == null ? null : new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double[] xi = x[i];
            double r2 = 0;
            for (int d = 0; d < features; d++) {
                double delta = point[d] - xi[d];
                r2 += delta * delta * inverseSquaredLengthscales[d];
            }
            double r = Math.sqrt(r2);
            double e = Math.exp(-SQRT5 * r);
            k[i] = signal * (1 + SQRT5 * r + 5.0 / 3.0 * r2) * e;
            if (q != null) {
                q[i] = 5.0 / 3.0 * signal * (1 + SQRT5 * r) * e;
            }
            mean += k[i] * alpha[i];
        }
        double[] v = k.clone();
        TriangularSolver_DDRM.solveL(lower, v, n);
        moments[0] = mean;
        moments[1] = Math.max(signal - dot(v, v), 1e-12 * signal);
        if (meanGradient == null) {
            return;
        }
        double[] w = v;
        TriangularSolver_DDRM.solveTranL(lower, w, n);
        for (int d = 0; d < features; d++) {
            double gm = 0;
            double gv = 0;
            for (int i = 0; i < n; i++) {
                // dk_i/dx_d = -q_i (x_d - X_id) / ℓ_d²
                double dk = -q[i] * (point[d] - x[i][d]) * inverseSquaredLengthscales[d];
                gm += dk * alpha[i];
                gv += dk * w[i];
            }
            meanGradient[d] = gm;
            varianceGradient[d] = -2 * gv;
        }
    }

    /**
     * Maximum marginal likelihood hyperparameters for {@code y} at {@code x}: conjugate gradient from
     * {@link Hyperparameters#defaults(int)} and from {@code restarts - 1} random points of the bounded
     * log box; the best end point wins.
     */
    static Hyperparameters fit(double[][] x, double[] y, int restarts, SplittableRandom rng) {
        int features = x[0].length;
        Pairs pairs = new Pairs(x);
        int m = features + 2;
        double[] lo = new double[m];
        double[] hi = new double[m];
        for (int j = 0; j < m; j++) {
            int kind = Math.min(2, Math.max(0, j - features + 1));
            lo[j] = Math.log(LOWER[kind]);
            hi[j] = Math.log(UPPER[kind]);
        }
        double[] thetaGradient = new double[m];
        double[] theta = new double[m];
        SmoothMinimizer.Objective negativeLml = (z, gradient) -> {
            for (int j = 0; j < m; j++) {
                theta[j] = lo[j] + (hi[j] - lo[j]) * logistic(z[j]);
            }
            double value = logMarginalLikelihood(pairs, y, theta, thetaGradient);
            if (!Double.isFinite(value)) {
                return Double.POSITIVE_INFINITY;
            }
            for (int j = 0; j < m; j++) {
                double s = logistic(z[j]);
                gradient[j] = -thetaGradient[j] * (hi[j] - lo[j]) * s * (1 - s);
            }
            return -value;
        };
        Hyperparameters defaults = Hyperparameters.defaults(features);
        double[] bestZ = null;
        double bestValue = Double.POSITIVE_INFINITY;
        double[] scratch = new double[m];
        for (int restart = 0; restart < restarts; restart++) {
            double[] start = new double[m];
            for (int j = 0; j < m; j++) {
                double fraction;
                if (restart == 0) {
                    double value = j < features ? defaults.lengthscales[j]
                            : j == features ? defaults.signalVariance : defaults.noiseVariance;
                    fraction = (Math.log(value) - lo[j]) / (hi[j] - lo[j]);
                } else {
                    fraction = 0.05 + 0.9 * rng.nextDouble();
                }
                start[j] = Math.log(fraction / (1 - fraction));
            }
            double[] z = SmoothMinimizer.minimize(negativeLml, start, FIT_ITERATIONS, FIT_EVALUATIONS);
            double value = negativeLml.evaluate(z, scratch);
            if (bestZ == null || value < bestValue) {
                bestZ = z;
                bestValue = value;
            }
        }
        double[] lengthscales = new double[features];
        for (int j = 0; j < m; j++) {
            theta[j] = Math.exp(lo[j] + (hi[j] - lo[j]) * logistic(bestZ[j]));
        }
        System.arraycopy(theta, 0, lengthscales, 0, features);
        return new Hyperparameters(lengthscales, theta[features], theta[features + 1]);
    }

    /**
     * The log marginal likelihood at log hyperparameters {@code theta = (log ℓ_1..D, log σ², log σ_n²)},
     * and its gradient {@code ½ tr((αα' - K⁻¹) ∂K/∂θ_j)} (R&W eq. 5.9); NaN when K is not positive definite.
     */
    static double logMarginalLikelihood(Pairs pairs, double[] y, double[] theta, double[] gradient) {
        int n = y.length;
        int features = theta.length - 2;
        double[] inverseSquares = new double[features];
        for (int d = 0; d < features; d++) {
            inverseSquares[d] = Math.exp(-2 * theta[d]);
        }
        double signal = Math.exp(theta[features]);
        double noise = Math.exp(theta[features + 1]);
        int count = pairs.count();
        double[] kernel = new double[count];
        double[] q = new double[count];
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        double[] data = k.data;
        for (int p = 0, i = 0; i < n; i++) {
            data[i * n + i] = signal + noise + JITTER;
            for (int j = i + 1; j < n; j++, p++) {
                double r2 = 0;
                int base = p * features;
                for (int d = 0; d < features; d++) {
                    r2 += pairs.squaredDeltas[base + d] * inverseSquares[d];
                }
                double r = Math.sqrt(r2);
                double e = Math.exp(-SQRT5 * r);
                kernel[p] = signal * (1 + SQRT5 * r + 5.0 / 3.0 * r2) * e;
                q[p] = 5.0 / 3.0 * signal * (1 + SQRT5 * r) * e;
                data[i * n + j] = kernel[p];
                data[j * n + i] = kernel[p];
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(n);
        if (!solver.setA(k)) {
            return Double.NaN;
        }
        CholeskyDecomposition_F64<DMatrixRMaj> decomposition = solver.getDecomposition();
        double[] l = decomposition.getT(null).data;
        double logDet = 0;
        for (int i = 0; i < n; i++) {
            double diagonal = l[i * n + i];
            if (!(diagonal > 0)) {
                return Double.NaN;
            }
            logDet += Math.log(diagonal);
        }
        double[] alpha = y.clone();
        TriangularSolver_DDRM.solveL(l, alpha, n);
        double quadratic = dot(alpha, alpha);
        TriangularSolver_DDRM.solveTranL(l, alpha, n);
        DMatrixRMaj inverse = new DMatrixRMaj(n, n);
        solver.invert(inverse);
        double[] inv = inverse.data;

        Arrays.fill(gradient, 0);
        double signalGradient = 0;
        double trace = 0;
        for (int p = 0, i = 0; i < n; i++) {
            double wii = alpha[i] * alpha[i] - inv[i * n + i];
            trace += wii;
            for (int j = i + 1; j < n; j++, p++) {
                double wij = alpha[i] * alpha[j] - inv[i * n + j];
                // Both (i, j) and (j, i) contribute: ½ · 2.
                signalGradient += wij * kernel[p];
                double wq = wij * q[p];
                int base = p * features;
                for (int d = 0; d < features; d++) {
                    gradient[d] += wq * pairs.squaredDeltas[base + d];
                }
            }
        }
        for (int d = 0; d < features; d++) {
            gradient[d] *= inverseSquares[d];
        }
        gradient[features] = signalGradient + 0.5 * trace * signal;
        gradient[features + 1] = 0.5 * trace * noise;
        return -0.5 * quadratic - logDet - n * Gaussian.LOG_SQRT_2PI;
    }

    /** Squared feature differences of every pair {@code i < j}, computed once per fit. */
    static final class Pairs {
        private final double[] squaredDeltas;
        private final int count;

        Pairs(double[][] x) {
            int n = x.length;
            int features = x[0].length;
            this.count = n * (n - 1) / 2;
            this.squaredDeltas = new double[count * features];
            for (int p = 0, i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++, p++) {
                    for (int d = 0; d < features; d++) {
                        double delta = x[i][d] - x[j][d];
                        squaredDeltas[p * features + d] = delta * delta;
                    }
                }
            }
        }

        int count() {
            return count;
        }
    }

    private static DMatrixRMaj covariance(double[][] x, double[] inverseSquares, double signal, double diagonal) {
        int n = x.length;
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            k.data[i * n + i] = signal + diagonal;
            for (int j = i + 1; j < n; j++) {
                double r2 = 0;
                for (int d = 0; d < inverseSquares.length; d++) {
                    double delta = x[i][d] - x[j][d];
                    r2 += delta * delta * inverseSquares[d];
                }
                double r = Math.sqrt(r2);
                double value = signal * (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
                k.data[i * n + j] = value;
                k.data[j * n + i] = value;
            }
        }
        return k;
    }

    private static Optional<DMatrixRMaj> cholesky(DMatrixRMaj k) {
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(k.numRows);
        if (!solver.setA(k)) {
            return Optional.empty();
        }
        CholeskyDecomposition_F64<DMatrixRMaj> decomposition = solver.getDecomposition();
        DMatrixRMaj l = decomposition.getT(null);
        for (int i = 0; i < l.numRows; i++) {
            if (!(l.get(i, i) > 0)) {
                return Optional.empty();
            }
        }
        return Optional.of(l);
    }

    private static double[] inverseSquares(double[] lengthscales) {
        double[] result = new double[lengthscales.length];
        for (int d = 0; d < result.length; d++) {
            result[d] = 1 / (lengthscales[d] * lengthscales[d]);
        }
        return result;
    }

    private static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
