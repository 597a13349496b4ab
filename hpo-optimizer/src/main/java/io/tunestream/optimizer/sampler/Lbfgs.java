package io.tunestream.optimizer.sampler;

/**
 * Limited-memory BFGS (Nocedal, "Updating quasi-Newton matrices with limited storage", Math. Comp. 1980;
 * two-loop recursion of Nocedal and Wright, Numerical Optimization, algorithm 7.4) with a backtracking
 * Armijo line search, for the smooth, low-dimensional, unconstrained problems of {@link GpSampler}.
 * Deterministic: the same start gives the same answer.
 */
final class Lbfgs {

    /** A function to minimise: returns f(x) and writes its gradient; non-finite means "outside". */
    @FunctionalInterface
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    private static final int MEMORY = 8;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 30;

    private Lbfgs() {
    }

    /** The point reached from {@code start} after at most {@code maxIterations} iterations. */
    static double[] minimize(Objective f, double[] start, int maxIterations) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        if (!Double.isFinite(fx)) {
            return x;
        }
        double[][] s = new double[MEMORY][];
        double[][] y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int stored = 0;
        double[] candidate = new double[n];
        double[] gCandidate = new double[n];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double[] d = direction(g, s, y, rho, stored);
            double slope = dot(g, d);
            if (!(slope < 0)) {
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i];
                }
                slope = -dot(g, g);
                stored = 0;
            }
            if (slope == 0) {
                break;
            }
            double step = stored == 0 ? Math.min(1.0, 1.0 / Math.max(1e-12, maxAbs(g))) : 1.0;
            double fCandidate = Double.NaN;
            boolean accepted = false;
            for (int backtrack = 0; backtrack < MAX_BACKTRACKS; backtrack++) {
                for (int i = 0; i < n; i++) {
                    candidate[i] = x[i] + step * d[i];
                }
                fCandidate = f.evaluate(candidate, gCandidate);
                if (Double.isFinite(fCandidate) && fCandidate <= fx + ARMIJO * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                break;
            }
            double[] sNew = new double[n];
            double[] yNew = new double[n];
            for (int i = 0; i < n; i++) {
                sNew[i] = candidate[i] - x[i];
                yNew[i] = gCandidate[i] - g[i];
            }
            double sy = dot(sNew, yNew);
            if (sy > 1e-12) {
                if (stored == MEMORY) {
                    System.arraycopy(s, 1, s, 0, MEMORY - 1);
                    System.arraycopy(y, 1, y, 0, MEMORY - 1);
                    System.arraycopy(rho, 1, rho, 0, MEMORY - 1);
                    stored--;
                }
                s[stored] = sNew;
                y[stored] = yNew;
                rho[stored] = 1 / sy;
                stored++;
            }
            boolean converged = Math.abs(fx - fCandidate) <= 1e-9 * (1 + Math.abs(fx));
            System.arraycopy(candidate, 0, x, 0, n);
            System.arraycopy(gCandidate, 0, g, 0, n);
            fx = fCandidate;
            if (converged || maxAbs(g) < 1e-6) {
                break;
            }
        }
        return x;
    }

    private static double[] direction(double[] g, double[][] s, double[][] y, double[] rho, int stored) {
        double[] q = g.clone();
        double[] alpha = new double[stored];
        for (int k = stored - 1; k >= 0; k--) {
            alpha[k] = rho[k] * dot(s[k], q);
            for (int i = 0; i < q.length; i++) {
                q[i] -= alpha[k] * y[k][i];
            }
        }
        if (stored > 0) {
            double scale = dot(s[stored - 1], y[stored - 1]) / dot(y[stored - 1], y[stored - 1]);
            for (int i = 0; i < q.length; i++) {
                q[i] *= scale;
            }
        }
        for (int k = 0; k < stored; k++) {
            double beta = rho[k] * dot(y[k], q);
            for (int i = 0; i < q.length; i++) {
                q[i] += (alpha[k] - beta) * s[k][i];
            }
        }
        for (int i = 0; i < q.length; i++) {
            q[i] = -q[i];
        }
        return q;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double maxAbs(double[] a) {
        double max = 0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
