package io.tunestream.cli.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Order statistics of a sample, by the nearest-rank method (p99 of 100 values is the 99th smallest). */
record Percentiles(int count, double p50, double p90, double p99, double max, double mean) {

    static Percentiles of(List<Double> values) {
        if (values.isEmpty()) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Percentiles(sorted.length, rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99),
                sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(Double.NaN));
    }

    private static double rank(double[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    Map<String, Object> toMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("count", count);
        map.put("p50", round(p50));
        map.put("p90", round(p90));
        map.put("p99", round(p99));
        map.put("max", round(max));
        map.put("mean", round(mean));
        return map;
    }

    static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : value;
    }

    String describe(String unit) {
        return String.format(java.util.Locale.ROOT, "n=%d p50=%.2f p90=%.2f p99=%.2f max=%.2f %s", count, p50, p90, p99, max, unit);
    }
}
