package io.tunestream.optimizer.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.tunestream.optimizer.analysis.FanovaImportance.Importance;
import io.tunestream.optimizer.analysis.FanovaImportance.Settings;

class FanovaImportanceTest {

    private static final List<String> NAMES = List.of("lr", "dropout", "layers");

    @Test
    void oneTreeStepFunctionIsAllMainEffectOfItsDimension() {
        // f = 0 on x0 < 0.5, 1 on x0 >= 0.5, whatever x1: Var f = 1/4, all of it the main effect of x0.
        var leaves = List.of(
                new RegressionTree.Leaf(new double[] {0, 0}, new double[] {0.5, 1}, 0),
                new RegressionTree.Leaf(new double[] {0.5, 0}, new double[] {1, 0.4}, 1),
                new RegressionTree.Leaf(new double[] {0.5, 0.4}, new double[] {1, 1}, 1));
        assertThat(FanovaImportance.mainEffectVariance(leaves, 0, 0.5)).isCloseTo(0.25, within(1e-12));
        assertThat(FanovaImportance.mainEffectVariance(leaves, 1, 0.5)).isCloseTo(0.0, within(1e-12));
        assertThat(FanovaImportance.mainEffectFractions(leaves, 2)).containsExactly(new double[] {1.0, 0.0}, within(1e-12));
    }

    @Test
    void pureInteractionHasNoMainEffects() {
        // XOR on the quadrants: mean 1/2, variance 1/4, but E[f | x0] = E[f | x1] = 1/2 everywhere.
        var leaves = List.of(
                new RegressionTree.Leaf(new double[] {0, 0}, new double[] {0.5, 0.5}, 0),
                new RegressionTree.Leaf(new double[] {0.5, 0}, new double[] {1, 0.5}, 1),
                new RegressionTree.Leaf(new double[] {0, 0.5}, new double[] {0.5, 1}, 1),
                new RegressionTree.Leaf(new double[] {0.5, 0.5}, new double[] {1, 1}, 0));
        assertThat(FanovaImportance.mainEffectFractions(leaves, 2)).containsExactly(new double[] {0.0, 0.0}, within(1e-12));
    }

    @Test
    void aParameterTheLossDoesNotDependOnHasNoImportance() {
        var result = evaluate(x -> Math.sin(6 * x[0]), 400, Settings.DEFAULT);
        assertThat(result.get(0).parameter()).isEqualTo("lr");
        assertThat(byName(result).get("lr")).isGreaterThan(0.95);
        assertThat(byName(result).get("dropout")).isLessThan(0.03);
        assertThat(byName(result).get("layers")).isLessThan(0.03);
    }

    @Test
    void additiveEffectsShareTheVarianceInProportion() {
        // y = 3 x0 + x1 on the uniform cube: Var = 9/12 + 1/12, so the shares are 0.9 and 0.1.
        var result = evaluate(x -> 3 * x[0] + x[1], 600, Settings.DEFAULT);
        var importance = byName(result);
        assertThat(importance.get("lr")).isCloseTo(0.9, within(0.05));
        assertThat(importance.get("dropout")).isCloseTo(0.1, within(0.05));
        assertThat(importance.get("layers")).isLessThan(0.03);
        assertThat(result.stream().mapToDouble(Importance::importance).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(result).allSatisfy(i -> assertThat(i.varianceFraction()).isBetween(0.0, 1.0));
    }

    @Test
    void sameSeedSameImportancesAndNonFiniteLossesAreLeftOut() {
        var first = evaluate(x -> x[2] * x[2] + 0.1 * x[0], 200, Settings.DEFAULT.withSeed(7));
        var again = evaluate(x -> x[2] * x[2] + 0.1 * x[0], 200, Settings.DEFAULT.withSeed(7));
        assertThat(again).isEqualTo(first);
        assertThat(first.get(0).parameter()).isEqualTo("layers");

        var withNaN = evaluate(x -> x[0] > 0.9 ? Double.NaN : x[1], 300, Settings.DEFAULT);
        assertThat(withNaN.get(0).parameter()).isEqualTo("dropout");
    }

    @Test
    void constantLossAndTooFewTrialsGiveZeroImportance() {
        assertThat(evaluate(x -> 1.0, 50, Settings.DEFAULT)).allSatisfy(i -> assertThat(i.importance()).isZero());
        assertThat(FanovaImportance.evaluate(NAMES, new double[][] {{0.1, 0.2, 0.3}}, new double[] {1}, Settings.DEFAULT))
                .extracting(Importance::importance).containsOnly(0.0);
    }

    @Test
    void shapesAndRangesAreChecked() {
        assertThatThrownBy(() -> FanovaImportance.evaluate(NAMES, new double[][] {{0.1, 0.2, 0.3}}, new double[] {1, 2}, Settings.DEFAULT))
                .hasMessage("`x` and `y` must have as many rows, but had 1 and 2");
        assertThatThrownBy(() -> FanovaImportance.evaluate(NAMES, new double[][] {{0.1, 0.2}}, new double[] {1}, Settings.DEFAULT))
                .hasMessage("`x[0]` must have one column per name (3), but had 2");
        assertThatThrownBy(() -> FanovaImportance.evaluate(NAMES, new double[][] {{0.1, 1.5, 0.3}}, new double[] {1}, Settings.DEFAULT))
                .hasMessage("`x[0][1]` must be in [0, 1], but was 1.5");
        assertThatThrownBy(() -> new Settings(0, 64, 1, 0)).hasMessage("`trees` must be >= 1, but was 0");
    }

    private static List<Importance> evaluate(ToDoubleFunction<double[]> loss, int n, Settings settings) {
        var rng = new Random(42);
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                x[i][d] = rng.nextDouble();
            }
            y[i] = loss.applyAsDouble(x[i]);
        }
        return FanovaImportance.evaluate(NAMES, x, y, settings);
    }

    private static Map<String, Double> byName(List<Importance> importances) {
        return importances.stream().collect(Collectors.toMap(Importance::parameter, Importance::importance));
    }
}
