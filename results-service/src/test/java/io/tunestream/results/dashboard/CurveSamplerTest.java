package io.tunestream.results.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tunestream.results.aggregation.CurvePoint;

class CurveSamplerTest {

    private static List<CurvePoint> curve(int epochs) {
        var curve = new ArrayList<CurvePoint>();
        for (int e = 1; e <= epochs; e++) {
            curve.add(new CurvePoint(e, Map.of("val_loss", 1.0 / e)));
        }
        return curve;
    }

    private static List<Integer> epochs(List<double[]> points) {
        return points.stream().map(p -> (int) p[0]).toList();
    }

    @Test
    void aShortCurveIsSentWhole() {
        var points = CurveSampler.sample(curve(9), "val_loss", 12, Set.of(1, 3));
        assertThat(epochs(points)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(points.get(1)[1]).isEqualTo(0.5);
    }

    @Test
    void aLongCurveKeepsItsEndsAndRungsWithinTheLimit() {
        var points = CurveSampler.sample(curve(50), "val_loss", 8, Set.of(2, 6, 18));
        assertThat(points).hasSize(8);
        assertThat(epochs(points)).startsWith(1).endsWith(50).contains(2, 6, 18).isSorted();
    }

    @Test
    void epochsWithoutTheMetricAreLeftOut() {
        var curve = List.of(new CurvePoint(1, Map.of("train_loss", 0.3)), new CurvePoint(2, Map.of("val_loss", 0.4)));
        assertThat(epochs(CurveSampler.sample(curve, "val_loss", 12, Set.of()))).containsExactly(2);
    }
}
