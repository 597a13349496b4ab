package io.tunestream.bench.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyticProblemTest {

    @Test
    void braninReachesItsOptimumAtAllThreeMinimisers() {
        AnalyticProblem branin = AnalyticProblem.branin();
        for (double[] x : new double[][] {{-Math.PI, 12.275}, {Math.PI, 2.275}, {9.42478, 2.475}}) {
            assertThat(branin.value(x)).isCloseTo(branin.optimalLoss().getAsDouble(), within(1e-5));
        }
    }

    @Test
    void hartmann6ReachesItsOptimumAtThePublishedMinimiser() {
        AnalyticProblem h = AnalyticProblem.hartmann6();
        double[] x = {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573};
        assertThat(h.value(x)).isCloseTo(h.optimalLoss().getAsDouble(), within(1e-5));
    }

    @Test
    void functionsWithAMinimumAtAConstantVectorReachIt() {
        assertThat(AnalyticProblem.rosenbrock4().value(filled(4, 1))).isEqualTo(0.0);
        assertThat(AnalyticProblem.levy6().value(filled(6, 1))).isCloseTo(0.0, within(1e-12));
        assertThat(AnalyticProblem.ackley5().value(filled(5, 0))).isCloseTo(0.0, within(1e-12));
        AnalyticProblem st = AnalyticProblem.styblinskiTang4();
        assertThat(st.value(filled(4, -2.903534))).isCloseTo(st.optimalLoss().getAsDouble(), within(1e-6));
    }

    @Test
    void everyOptimumIsALowerBoundOnRandomPoints() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        for (AnalyticProblem p : AnalyticProblem.all()) {
            for (int i = 0; i < 2_000; i++) {
                double[] u = new double[p.space().dimensions()];
                for (int j = 0; j < u.length; j++) {
                    u[j] = rng.nextDouble();
                }
                assertThat(p.loss(p.space().fromUnit(u))).as(p.name())
                        .isGreaterThanOrEqualTo(p.optimalLoss().getAsDouble() - 1e-9);
            }
        }
    }

    @Test
    void lossReadsParametersByName() {
        AnalyticProblem branin = AnalyticProblem.branin();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("x1", Math.PI);
        params.put("x2", 2.275);
        assertThat(branin.loss(params)).isCloseTo(0.397887, within(1e-5));
        params.put("x2", "two");
        assertThatThrownBy(() -> branin.loss(params)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("`params.x2` must be a number");
    }

    private static double[] filled(int d, double v) {
        double[] x = new double[d];
        Arrays.fill(x, v);
        return x;
    }
}
