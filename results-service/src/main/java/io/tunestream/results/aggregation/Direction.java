package io.tunestream.results.aggregation;

import java.util.Optional;

/**
 * Whether lower or higher objective values are better. Values become a loss here, once: the rest of
 * the core ranks losses, lower first, and NaN is the worst possible loss.
 */
public enum Direction {
    MINIMIZE("minimize"),
    MAXIMIZE("maximize");

    private final String wireName;

    Direction(String wireName) {
        this.wireName = wireName;
    }

    /** The spelling in study specs: {@code minimize} or {@code maximize}. */
    public String wireName() {
        return wireName;
    }

    /** The direction named in a study spec; empty when absent or not one of the two names. */
    public static Optional<Direction> fromWireName(String name) {
        for (Direction direction : values()) {
            if (direction.wireName.equals(name)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }

    /** The value as a loss: lower is better, NaN becomes positive infinity (the worst). */
    public double loss(double value) {
        if (Double.isNaN(value)) {
            return Double.POSITIVE_INFINITY;
        }
        return this == MINIMIZE ? value : -value;
    }
}
