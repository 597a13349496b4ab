package io.tunestream.results.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.tunestream.results.aggregation.CurvePoint;

/**
 * Thins a learning curve for the overview chart: keeps the first and the last epoch (where a stopped
 * trial stopped), the rung epochs (where the referee judged it), and evenly spaced epochs in between
 * up to {@code maxPoints}. The trial page fetches the full curve.
 */
final class CurveSampler {

    private CurveSampler() {
    }

    /** {@code [epoch, value]} pairs of {@code metric}, epochs without the metric left out. */
    static List<double[]> sample(List<CurvePoint> curve, String metric, int maxPoints, Set<Integer> rungs) {
        var points = new ArrayList<double[]>(curve.size());
        for (CurvePoint point : curve) {
            Double value = point.metrics().get(metric);
            if (value != null) {
                points.add(new double[] {point.epoch(), value});
            }
        }
        if (points.size() <= maxPoints) {
            return points;
        }
        var keep = new TreeSet<Integer>();
        keep.add(0);
        keep.add(points.size() - 1);
        for (int i = 0; i < points.size(); i++) {
            if (rungs.contains((int) points.get(i)[0]) && keep.size() < maxPoints) {
                keep.add(i);
            }
        }
        int free = maxPoints - keep.size();
        for (int k = 1; k <= free; k++) {
            keep.add((int) Math.round((double) k * (points.size() - 1) / (free + 1)));
        }
        var sampled = new ArrayList<double[]>(keep.size());
        keep.forEach(i -> sampled.add(points.get(i)));
        return sampled;
    }
}
