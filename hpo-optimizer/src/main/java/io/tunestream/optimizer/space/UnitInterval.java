package io.tunestream.optimizer.space;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.LongFunction;

/** Arithmetic on the unit interval shared by all distributions. */
final class UnitInterval {

    /**
     * Most values a discrete distribution may have. Cell centres {@code (i + 0.5) / n} must decode back
     * to {@code i} after two double roundings, which holds while {@code n} stays well below 2^53.
     */
    static final long MAX_VALUES = 1L << 50;

    private UnitInterval() {
    }

    static double clamp(double u, String argument) {
        if (Double.isNaN(u)) {
            throw new IllegalArgumentException("`" + argument + "` must not be NaN, but was NaN");
        }
        return Math.min(1.0, Math.max(0.0, u));
    }

    /**
     * The centre of cell {@code index} when {@code [0, 1]} is cut into {@code count} equal cells.
     * Equal cells give every discrete value the same probability under a uniform draw, endpoints
     * included; plain rounding of {@code u * (count - 1)} would give the two endpoints half as much.
     */
    static double cellCentre(long index, long count) {
        return (index + 0.5) / count;
    }

    /** The cell that a clamped {@code u} falls into; {@code u = 1} belongs to the last cell. */
    static long cellIndex(double clampedU, long count) {
        return Math.min(count - 1, (long) Math.floor(clampedU * count));
    }

    static void requireGridPoints(int gridPoints) {
        if (gridPoints < 2) {
            throw new IllegalArgumentException(
                    "`gridPoints` must be >= 2 (a grid needs both ends), but was " + gridPoints);
        }
    }

    /**
     * The grid of a discrete axis with {@code lastIndex + 1} values: all of them when they fit in
     * {@code gridPoints}, otherwise {@code gridPoints} indexes spread evenly from the first to the last.
     */
    static List<Object> discreteGrid(long lastIndex, int gridPoints, LongFunction<Object> valueAt) {
        LinkedHashSet<Object> values = new LinkedHashSet<>();
        if (lastIndex + 1 <= gridPoints) {
            for (long i = 0; i <= lastIndex; i++) {
                values.add(valueAt.apply(i));
            }
        } else {
            for (int i = 0; i < gridPoints; i++) {
                values.add(valueAt.apply(Math.round(i * (double) lastIndex / (gridPoints - 1))));
            }
        }
        return List.copyOf(values);
    }
}
