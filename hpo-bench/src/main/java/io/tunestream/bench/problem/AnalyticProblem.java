package io.tunestream.bench.problem;

import io.tunestream.optimizer.space.FloatDistribution;
import io.tunestream.optimizer.space.SearchSpace;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * The classic closed-form test functions with known global minima, on their usual domains
 * (Surjanovic and Bingham, "Virtual Library of Simulation Experiments", sfu.ca/~ssurjano).
 *
 * <p>Parameters are named {@code x1 .. xd}, each a uniform float.
 */
public final class AnalyticProblem implements Problem {

    // Hartmann-6 constants (alpha, A, P) as tabulated in the Virtual Library.
    private static final double[] HARTMANN_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] HARTMANN_A = {
            {10, 3, 17, 3.5, 1.7, 8},
            {0.05, 10, 17, 0.1, 8, 14},
            {3, 3.5, 1.7, 10, 17, 8},
            {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] HARTMANN_P = {
            {1312, 1696, 5569, 124, 8283, 5886},
            {2329, 4135, 8307, 3736, 1004, 9991},
            {2348, 1451, 3522, 2883, 3047, 6650},
            {4047, 8828, 8732, 5743, 1091, 381}};
    /** f*(Styblinski-Tang) per dimension, at x_i = -2.903534. */
    private static final double STYBLINSKI_TANG_MIN_PER_DIM = -39.16616570377142;

    private final String name;
    private final SearchSpace space;
    private final ToDoubleFunction<double[]> function;
    private final double optimum;

    private AnalyticProblem(String name, double[] low, double[] high, ToDoubleFunction<double[]> function,
                            double optimum) {
        this.name = name;
        SearchSpace.Builder builder = SearchSpace.builder();
        for (int i = 0; i < low.length; i++) {
            builder.add("x" + (i + 1), FloatDistribution.uniform(low[i], high[i]));
        }
        this.space = builder.build();
        this.function = function;
        this.optimum = optimum;
    }

    /** Branin-Hoo on [-5, 10] x [0, 15]; three global minima of 0.397887. */
    public static AnalyticProblem branin() {
        return new AnalyticProblem("branin", new double[] {-5, 0}, new double[] {10, 15},
                AnalyticProblem::branin, 0.39788735772973816);
    }

    /** Hartmann 6-D on [0, 1]^6; minimum -3.32237. */
    public static AnalyticProblem hartmann6() {
        return new AnalyticProblem("hartmann6", fill(6, 0), fill(6, 1), AnalyticProblem::hartmann6,
                -3.322368011391339);
    }

    /** Rosenbrock 4-D on [-5, 10]^4; minimum 0 at (1, ..., 1). */
    public static AnalyticProblem rosenbrock4() {
        return new AnalyticProblem("rosenbrock4", fill(4, -5), fill(4, 10), AnalyticProblem::rosenbrock, 0.0);
    }

    /** Levy 6-D on [-10, 10]^6; minimum 0 at (1, ..., 1). */
    public static AnalyticProblem levy6() {
        return new AnalyticProblem("levy6", fill(6, -10), fill(6, 10), AnalyticProblem::levy, 0.0);
    }

    /** Ackley 5-D (a = 20, b = 0.2, c = 2 pi) on [-32.768, 32.768]^5; minimum 0 at the origin. */
    public static AnalyticProblem ackley5() {
        return new AnalyticProblem("ackley5", fill(5, -32.768), fill(5, 32.768), AnalyticProblem::ackley, 0.0);
    }

    /** Styblinski-Tang 4-D on [-5, 5]^4; minimum -39.16617 d at x_i = -2.903534. */
    public static AnalyticProblem styblinskiTang4() {
        return new AnalyticProblem("styblinski-tang4", fill(4, -5), fill(4, 5), AnalyticProblem::styblinskiTang,
                4 * STYBLINSKI_TANG_MIN_PER_DIM);
    }

    /** All six, in report order. */
    public static List<AnalyticProblem> all() {
        return List.of(branin(), hartmann6(), rosenbrock4(), levy6(), ackley5(), styblinskiTang4());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String group() {
        return name;
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    @Override
    public double loss(Map<String, Object> params) {
        Objects.requireNonNull(params, "`params` must not be null");
        double[] x = new double[space.dimensions()];
        for (int i = 0; i < x.length; i++) {
            Object value = params.get(space.names().get(i));
            if (!(value instanceof Number number)) {
                throw new IllegalArgumentException("`params." + space.names().get(i) + "` must be a number, but was "
                        + value);
            }
            x[i] = number.doubleValue();
        }
        return value(x);
    }

    /** The function at a raw point, for tests and for anyone who already has coordinates. */
    public double value(double[] x) {
        if (x.length != space.dimensions()) {
            throw new IllegalArgumentException("`x` must have " + space.dimensions() + " coordinates, but had "
                    + x.length);
        }
        return function.applyAsDouble(x);
    }

    @Override
    public OptionalDouble optimalLoss() {
        return OptionalDouble.of(optimum);
    }

    @Override
    public String toString() {
        return "AnalyticProblem[" + name + "]";
    }

    static double branin(double[] x) {
        double a = 1;
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double r = 6;
        double s = 10;
        double t = 1 / (8 * Math.PI);
        double u = x[1] - b * x[0] * x[0] + c * x[0] - r;
        return a * u * u + s * (1 - t) * Math.cos(x[0]) + s;
    }

    static double hartmann6(double[] x) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
                double d = x[j] - HARTMANN_P[i][j] * 1e-4;
                inner += HARTMANN_A[i][j] * d * d;
            }
            sum += HARTMANN_ALPHA[i] * Math.exp(-inner);
        }
        return -sum;
    }

    static double rosenbrock(double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = x[i] - 1;
            sum += 100 * a * a + b * b;
        }
        return sum;
    }

    static double levy(double[] x) {
        int d = x.length;
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = 1 + (x[i] - 1) / 4;
        }
        double first = Math.sin(Math.PI * w[0]);
        double sum = first * first;
        for (int i = 0; i < d - 1; i++) {
            double s = Math.sin(Math.PI * w[i] + 1);
            sum += (w[i] - 1) * (w[i] - 1) * (1 + 10 * s * s);
        }
        double last = Math.sin(2 * Math.PI * w[d - 1]);
        sum += (w[d - 1] - 1) * (w[d - 1] - 1) * (1 + last * last);
        return sum;
    }

    static double ackley(double[] x) {
        double squares = 0;
        double cosines = 0;
        for (double xi : x) {
            squares += xi * xi;
            cosines += Math.cos(2 * Math.PI * xi);
        }
        int d = x.length;
        return -20 * Math.exp(-0.2 * Math.sqrt(squares / d)) - Math.exp(cosines / d) + 20 + Math.E;
    }

    static double styblinskiTang(double[] x) {
        double sum = 0;
        for (double xi : x) {
            sum += xi * xi * xi * xi - 16 * xi * xi + 5 * xi;
        }
        return sum / 2;
    }

    private static double[] fill(int d, double value) {
        double[] a = new double[d];
        Arrays.fill(a, value);
        return a;
    }
}
