package io.tunestream.optimizer.sampler;

import java.util.Arrays;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * Minimises a smooth, low-dimensional, unconstrained function with an analytic gradient: Hipparchus'
 * nonlinear conjugate gradient (Polak–Ribière update, Brent line search; Nocedal and Wright, Numerical
 * Optimization, 2006, §5.2). {@link GaussianProcess} fits its kernel hyperparameters with it.
 *
 * <p>Why a wrapper: the marginal likelihood yields value and gradient from one Cholesky factorisation,
 * while Hipparchus asks for them through two callbacks, so the last evaluation is cached; and a search
 * that runs out of evaluations or iterations must still return the best point it saw rather than throw.
 * Deterministic: the same start gives the same answer.
 */
final class SmoothMinimizer {

    /** A function to minimise: returns f(x) and writes its gradient; non-finite means "outside". */
    @FunctionalInterface
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    /**
     * Returned for points where the objective is not finite (a kernel matrix that is not positive
     * definite): large enough to lose every line search, finite so that Brent's parabolic steps stay defined.
     */
    private static final double OUTSIDE = 1e30;

    private static final double LINE_SEARCH_RELATIVE_TOLERANCE = 1e-3;
    private static final double LINE_SEARCH_ABSOLUTE_TOLERANCE = 1e-4;
    private static final double INITIAL_BRACKET = 0.5;

    private SmoothMinimizer() {
    }

    private static double[] unitLength(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        double[] scaled = v.clone();
        if (norm > 0) {
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] /= norm;
            }
        }
        return scaled;
    }

    /**
     * The best point seen from {@code start} within {@code maxIterations} conjugate-gradient iterations
     * and {@code maxEvaluations} evaluations of {@code f}.
     */
    static double[] minimize(Objective f, double[] start, int maxIterations, int maxEvaluations) {
        Cached cached = new Cached(f, start.length);
        // Line search in units of distance: the preconditioner scales the steepest-descent direction to unit
        // length, so the first bracket (0.5) is a sensible step in the logistic box whatever the gradient's
        // magnitude, and a loose relative tolerance ends Brent's search after a few evaluations. Each
        // evaluation costs a Cholesky factorisation; the hyperparameters need to be good, not exact.
        NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
                new SimpleValueChecker(1e-9, 1e-12),
                LINE_SEARCH_RELATIVE_TOLERANCE, LINE_SEARCH_ABSOLUTE_TOLERANCE, INITIAL_BRACKET,
                (point, residual) -> unitLength(residual));
        try {
            optimizer.optimize(new MaxEval(maxEvaluations), new MaxIter(maxIterations),
                    new ObjectiveFunction(cached::value), new ObjectiveFunctionGradient(cached::gradient),
                    GoalType.MINIMIZE, new InitialGuess(start.clone()));
        } catch (MathIllegalStateException limitReached) {
            // Too many evaluations or iterations, or a line search that could not bracket a minimum:
            // the best point seen so far is the answer (the start when nothing was better).
        }
        return cached.best();
    }

    /** Evaluates value and gradient together, remembers the last point and the best one. */
    private static final class Cached {
        private final Objective f;
        private double[] lastX;
        private double lastValue;
        private final double[] lastGradient;
        private double[] bestX;
        private double bestValue = Double.POSITIVE_INFINITY;

        Cached(Objective f, int dimensions) {
            this.f = f;
            this.lastGradient = new double[dimensions];
        }

        double value(double[] x) {
            evaluateAt(x);
            return lastValue;
        }

        double[] gradient(double[] x) {
            evaluateAt(x);
            return lastGradient.clone();
        }

        double[] best() {
            return bestX.clone();
        }

        private void evaluateAt(double[] x) {
            if (lastX != null && Arrays.equals(lastX, x)) {
                return;
            }
            lastX = x.clone();
            double value = f.evaluate(lastX, lastGradient);
            boolean finite = Double.isFinite(value);
            for (double g : lastGradient) {
                finite &= Double.isFinite(g);
            }
            if (!finite) {
                Arrays.fill(lastGradient, 0);
                value = OUTSIDE;
            }
            lastValue = value;
            if (bestX == null || value < bestValue) {
                bestX = lastX.clone();
                bestValue = value;
            }
        }
    }
}
