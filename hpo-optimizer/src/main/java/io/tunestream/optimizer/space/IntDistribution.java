package io.tunestream.optimizer.space;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;

/**
 * An integer parameter in {@code [low, high]}: uniform, log-uniform, or restricted to
 * {@code low, low + step, ...} (the largest value is the last one {@code <= high}).
 *
 * <p>In the unit interval every value owns a cell. Linear ints get cells of equal width. Log ints get
 * the cell {@code [v - 0.5, v + 0.5]} measured on a log axis, which is the discrete version of
 * log-uniform: 1 is drawn about twice as often as 2 and ten times as often as 10. A log int's unit
 * point is exact to about {@code 1e-15}, so above roughly {@code 1e13} neighbouring values may share a
 * unit point.
 *
 * @param low  smallest value; {@code >= 1} when {@code log}
 * @param high largest value, {@code >= low}
 * @param log  whether the parameter is uniform on a log scale
 * @param step grid spacing, {@code >= 1}; exactly 1 when {@code log}
 */
public record IntDistribution(long low, long high, boolean log, long step) implements Distribution {

    public IntDistribution {
        if (low > high) {
            throw new IllegalArgumentException("`low` must be <= `high`, but was low=" + low + ", high=" + high);
        }
        if (step < 1) {
            throw new IllegalArgumentException("`step` must be >= 1, but was step=" + step);
        }
        if (log && low < 1) {
            throw new IllegalArgumentException("`low` must be >= 1 when `log` is true, but was low=" + low);
        }
        if (log && step != 1) {
            throw new IllegalArgumentException("`step` must be 1 when `log` is true, but was step=" + step);
        }
        if (Long.compareUnsigned(lastIndex(low, high, step), UnitInterval.MAX_VALUES - 1) > 0) {
            throw new IllegalArgumentException("`low`, `high` and `step` must leave at most 2^50 values, but was"
                    + " low=" + low + ", high=" + high + ", step=" + step);
        }
    }

    /** Every integer in {@code [low, high]}, equally likely. */
    public static IntDistribution uniform(long low, long high) {
        return new IntDistribution(low, high, false, 1);
    }

    /** Integers in {@code [low, high]}, {@code low >= 1}, uniform on a log scale. */
    public static IntDistribution logUniform(long low, long high) {
        return new IntDistribution(low, high, true, 1);
    }

    /** {@code low, low + step, ...} up to the last value {@code <= high}, equally likely. */
    public static IntDistribution stepped(long low, long high, long step) {
        return new IntDistribution(low, high, false, step);
    }

    @Override
    public double toUnit(Object value) {
        OptionalLong exact = Numbers.exactLong(value);
        OptionalLong index = exact.isPresent() ? stepIndex(exact.getAsLong()) : OptionalLong.empty();
        if (index.isEmpty()) {
            throw new IllegalArgumentException("`value` must be an integer in " + describe() + ", but was " + value);
        }
        if (log) {
            double u = (Math.log(exact.getAsLong()) - logLowEdge()) / (logHighEdge() - logLowEdge());
            return Math.min(1.0, Math.max(0.0, u));
        }
        return UnitInterval.cellCentre(index.getAsLong(), lastIndex() + 1);
    }

    @Override
    public Object fromUnit(double u) {
        double c = UnitInterval.clamp(u, "u");
        if (log) {
            double v = Math.exp(logLowEdge() + c * (logHighEdge() - logLowEdge()));
            return Math.min(high, Math.max(low, Math.round(v)));
        }
        return valueAt(UnitInterval.cellIndex(c, lastIndex() + 1));
    }

    @Override
    public boolean contains(Object value) {
        OptionalLong exact = Numbers.exactLong(value);
        return exact.isPresent() && stepIndex(exact.getAsLong()).isPresent();
    }

    @Override
    public List<Object> gridValues(int gridPoints) {
        UnitInterval.requireGridPoints(gridPoints);
        long lastIndex = lastIndex();
        if (!log || lastIndex + 1 <= gridPoints) {
            return UnitInterval.discreteGrid(lastIndex, gridPoints, this::valueAt);
        }
        LinkedHashSet<Object> values = new LinkedHashSet<>();
        double logLow = Math.log(low);
        double logHigh = Math.log(high);
        for (int i = 0; i < gridPoints; i++) {
            values.add(logGridPoint(i, gridPoints, logLow, logHigh));
        }
        return List.copyOf(values);
    }

    private long logGridPoint(int i, int gridPoints, double logLow, double logHigh) {
        // The ends are set exactly: exp(log(high)) may round to a neighbour of high.
        if (i == 0) {
            return low;
        }
        if (i == gridPoints - 1) {
            return high;
        }
        long v = Math.round(Math.exp(logLow + i * (logHigh - logLow) / (gridPoints - 1)));
        return Math.min(high, Math.max(low, v));
    }

    private String describe() {
        String range = "[" + low + ", " + high + "]";
        if (log) {
            return "log-scaled " + range;
        }
        return step == 1 ? range : range + " with step " + step;
    }

    private OptionalLong stepIndex(long v) {
        if (v < low || v > high) {
            return OptionalLong.empty();
        }
        long offset = v - low;  // may exceed Long.MAX_VALUE, hence the unsigned arithmetic
        if (Long.remainderUnsigned(offset, step) != 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.divideUnsigned(offset, step));
    }

    private long lastIndex() {
        return lastIndex(low, high, step);
    }

    private static long lastIndex(long low, long high, long step) {
        return Long.divideUnsigned(high - low, step);
    }

    private Long valueAt(long index) {
        // Two's-complement wrap-around makes this exact even when index * step alone overflows.
        return low + index * step;
    }

    private double logLowEdge() {
        return Math.log(low - 0.5);
    }

    private double logHighEdge() {
        return Math.log(high + 0.5);
    }
}
