package io.tunestream.results.aggregation;

import java.util.List;

/** A trial with the learning curve of its current attempt, epoch by epoch, and its timings. */
public record TrialDetail(TrialRow row, List<CurvePoint> curve, Timings timings) {

    public TrialDetail {
        curve = List.copyOf(curve);
    }
}
