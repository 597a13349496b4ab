package io.tunestream.optimizer.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SmoothMinimizerTest {

    /** f(x) = Σ w_i (x_i - c_i)², an ill-conditioned bowl with its minimum at c. */
    private static final double[] CENTRE = {1.5, -2.0, 0.25};
    private static final double[] WEIGHTS = {1.0, 25.0, 0.2};

    private static double bowl(double[] x, double[] gradient) {
        double value = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - CENTRE[i];
            value += WEIGHTS[i] * d * d;
            gradient[i] = 2 * WEIGHTS[i] * d;
        }
        return value;
    }

    @Test
    void findsTheMinimumOfASmoothBowl() {
        double[] x = SmoothMinimizer.minimize(SmoothMinimizerTest::bowl, new double[] {0, 0, 0}, 100, 2_000);

        for (int i = 0; i < x.length; i++) {
            assertThat(x[i]).as("x[%d]", i).isCloseTo(CENTRE[i], within(1e-3));
        }
    }

    @Test
    void returnsTheBestPointSeenWhenTheEvaluationBudgetRunsOut() {
        double[] start = {5, 5, 5};
        double[] scratch = new double[3];

        double[] x = SmoothMinimizer.minimize(SmoothMinimizerTest::bowl, start, 100, 8);

        assertThat(bowl(x, scratch)).isLessThan(bowl(start, scratch));
    }

    @Test
    void treatsNonFiniteValuesAsOutsideAndStaysWhereTheFunctionIsDefined() {
        // Undefined (like a kernel matrix that is not positive definite) for x[0] > 2.
        SmoothMinimizer.Objective partial = (x, gradient) -> x[0] > 2 ? Double.NaN : bowl(x, gradient);

        double[] x = SmoothMinimizer.minimize(partial, new double[] {0, 0, 0}, 100, 2_000);

        assertThat(x[0]).isLessThanOrEqualTo(2);
        assertThat(x[1]).isCloseTo(CENTRE[1], within(1e-2));
    }

    @Test
    void sameStartSameAnswer() {
        double[] a = SmoothMinimizer.minimize(SmoothMinimizerTest::bowl, new double[] {3, 1, -1}, 5, 40);
        double[] b = SmoothMinimizer.minimize(SmoothMinimizerTest::bowl, new double[] {3, 1, -1}, 5, 40);

        assertThat(a).containsExactly(b);
    }
}
