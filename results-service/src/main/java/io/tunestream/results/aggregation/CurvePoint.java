package io.tunestream.results.aggregation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The metrics a trial reported for one epoch. */
public record CurvePoint(int epoch, Map<String, Double> metrics) {

    public CurvePoint {
        // LinkedHashMap: keeps the reported order, and unlike Map.copyOf it keeps NaN values comparable.
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
