package io.tunestream.optimizer.space;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A real-valued parameter in {@code [low, high]}: uniform, log-uniform, or restricted to the grid
 * {@code low, low + step, low + 2 step, ...} (the largest grid value is the last one {@code <= high}).
 *
 * <p>Grid values are computed in decimal, so {@code stepped(0.0, 1.0, 0.1)} yields {@code 0.3} and not
 * {@code 0.30000000000000004}: users read these numbers in dashboards and pass them to their scripts.
 *
 * @param low  smallest value, finite; {@code > 0} when {@code log}
 * @param high largest value, finite, {@code > low}
 * @param log  whether the parameter is uniform on a log scale
 * @param step grid spacing when present: {@code > 0}, {@code <= high - low}, never with {@code log}
 */
public record FloatDistribution(double low, double high, boolean log, OptionalDouble step)
        implements Distribution {

    // Relative to the step: how far a reported value may sit from its grid point after a round trip
    // through JSON or a user's own arithmetic and still count as that grid point.
    private static final double STEP_TOLERANCE = 1e-9;

    public FloatDistribution {
        Objects.requireNonNull(step, "`step` must not be null; use OptionalDouble.empty() for no step");
        if (!Double.isFinite(low)) {
            throw new IllegalArgumentException("`low` must be finite, but was low=" + low);
        }
        if (!Double.isFinite(high)) {
            throw new IllegalArgumentException("`high` must be finite, but was high=" + high);
        }
        if (!(low < high)) {
            throw new IllegalArgumentException("`low` must be < `high`, but was low=" + low + ", high=" + high);
        }
        if (!Double.isFinite(high - low)) {
            throw new IllegalArgumentException(
                    "`high` - `low` must be finite, but was low=" + low + ", high=" + high);
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException("`low` must be > 0 when `log` is true, but was low=" + low);
        }
        if (step.isPresent()) {
            double s = step.getAsDouble();
            if (log) {
                throw new IllegalArgumentException(
                        "`step` must be empty when `log` is true (a step grid is linear), but was step=" + s);
            }
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("`step` must be > 0 and finite, but was step=" + s);
            }
            BigDecimal range = BigDecimal.valueOf(high).subtract(BigDecimal.valueOf(low));
            if (BigDecimal.valueOf(s).compareTo(range) > 0) {
                throw new IllegalArgumentException("`step` must be <= `high` - `low`, but was step=" + s
                        + ", low=" + low + ", high=" + high);
            }
            if (lastIndex(low, high, s) >= UnitInterval.MAX_VALUES) {
                throw new IllegalArgumentException("`step` must leave at most 2^50 grid values between `low`"
                        + " and `high`, but was step=" + s + ", low=" + low + ", high=" + high);
            }
        }
    }

    /** Uniform on {@code [low, high]}. */
    public static FloatDistribution uniform(double low, double high) {
        return new FloatDistribution(low, high, false, OptionalDouble.empty());
    }

    /** Uniform in log space on {@code [low, high]}, {@code low > 0}: each decade is equally likely. */
    public static FloatDistribution logUniform(double low, double high) {
        return new FloatDistribution(low, high, true, OptionalDouble.empty());
    }

    /** Uniform on the grid {@code low, low + step, ...} up to the last grid value {@code <= high}. */
    public static FloatDistribution stepped(double low, double high, double step) {
        return new FloatDistribution(low, high, false, OptionalDouble.of(step));
    }

    @Override
    public double toUnit(Object value) {
        double v = Numbers.finiteDouble(value).orElseThrow(() -> notContained(value));
        if (step.isPresent()) {
            long index = stepIndex(v).orElseThrow(() -> notContained(value));
            return UnitInterval.cellCentre(index, lastIndex() + 1);
        }
        if (v < low || v > high) {
            throw notContained(value);
        }
        double u = log
                ? (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low))
                : (v - low) / (high - low);
        return Math.min(1.0, Math.max(0.0, u));
    }

    @Override
    public Object fromUnit(double u) {
        double c = UnitInterval.clamp(u, "u");
        if (step.isPresent()) {
            return gridValue(UnitInterval.cellIndex(c, lastIndex() + 1));
        }
        // The ends are returned exactly: exp(log(low)) need not equal low, and users expect the bounds.
        if (c == 0.0) {
            return low;
        }
        if (c == 1.0) {
            return high;
        }
        double v = log
                ? Math.exp(Math.log(low) + c * (Math.log(high) - Math.log(low)))
                : low + c * (high - low);
        return Math.min(high, Math.max(low, v));
    }

    @Override
    public boolean contains(Object value) {
        OptionalDouble d = Numbers.finiteDouble(value);
        if (d.isEmpty()) {
            return false;
        }
        double v = d.getAsDouble();
        return step.isPresent() ? stepIndex(v).isPresent() : v >= low && v <= high;
    }

    @Override
    public List<Object> gridValues(int gridPoints) {
        UnitInterval.requireGridPoints(gridPoints);
        if (step.isPresent()) {
            return UnitInterval.discreteGrid(lastIndex(), gridPoints, this::gridValue);
        }
        LinkedHashSet<Object> values = new LinkedHashSet<>();
        for (int i = 0; i < gridPoints; i++) {
            values.add(fromUnit(i / (double) (gridPoints - 1)));
        }
        return List.copyOf(values);
    }

    private IllegalArgumentException notContained(Object value) {
        return new IllegalArgumentException("`value` must be a finite number in " + describe()
                + ", but was " + value);
    }

    private String describe() {
        if (step.isPresent()) {
            return "the grid " + low + ", " + gridValue(1) + ", ... <= " + high;
        }
        return (log ? "log-scaled " : "") + "[" + low + ", " + high + "]";
    }

    private OptionalLong stepIndex(double v) {
        double s = step.getAsDouble();
        double k = Math.rint((v - low) / s);
        if (k < 0 || k > lastIndex()) {
            return OptionalLong.empty();
        }
        long index = (long) k;
        return Math.abs(gridValue(index) - v) <= STEP_TOLERANCE * s ? OptionalLong.of(index) : OptionalLong.empty();
    }

    private long lastIndex() {
        return lastIndex(low, high, step.getAsDouble());
    }

    private static long lastIndex(double low, double high, double step) {
        BigDecimal range = BigDecimal.valueOf(high).subtract(BigDecimal.valueOf(low));
        BigDecimal steps = range.divideToIntegralValue(BigDecimal.valueOf(step));
        return steps.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : steps.longValue();
    }

    private Double gridValue(long index) {
        return BigDecimal.valueOf(low)
                .add(BigDecimal.valueOf(step.getAsDouble()).multiply(BigDecimal.valueOf(index)))
                .doubleValue();
    }
}
