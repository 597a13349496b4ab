package io.tunestream.optimizer.space;

import java.util.List;

/**
 * The values one parameter may take, and their map onto {@code [0, 1]}.
 *
 * <p>The map is what lets samplers work on a plain box of doubles: continuous parameters map linearly
 * (or linearly in log space), discrete ones (stepped floats, ints, categoricals) give each value a cell
 * of equal width so that a uniform draw of {@code u} picks every value with the same probability
 * (for log ints, in proportion to the value's width on a log axis). For every contained value {@code v}
 * of a discrete distribution, {@code fromUnit(toUnit(v))} returns {@code v}.
 */
public sealed interface Distribution permits FloatDistribution, IntDistribution, CategoricalDistribution {

    /**
     * The distribution a study declares for one parameter, by the spec's fields: {@code float} (uniform,
     * log-uniform, or stepped when {@code step} is given), {@code int} (uniform, log-uniform, or stepped
     * for a step other than 1) or {@code categorical} ({@code choices}). One mapping for every service
     * that rebuilds a study's space (the suggester's samplers, the dashboard's importances), so both see
     * the same unit cube. The values are expected to be validated already (the study spec's validator).
     */
    static Distribution declared(String type, Double low, Double high, boolean log, Double step, List<Object> choices) {
        return switch (type) {
            case "float" -> step != null ? FloatDistribution.stepped(low, high, step)
                    : log ? FloatDistribution.logUniform(low, high) : FloatDistribution.uniform(low, high);
            case "int" -> step != null && step != 1
                    ? IntDistribution.stepped(low.longValue(), high.longValue(), step.longValue())
                    : log ? IntDistribution.logUniform(low.longValue(), high.longValue())
                    : IntDistribution.uniform(low.longValue(), high.longValue());
            case "categorical" -> new CategoricalDistribution(choices);
            default -> throw new IllegalArgumentException("type must be one of float, int, categorical, but was " + type);
        };
    }

    /**
     * Maps a value of this parameter into {@code [0, 1]}.
     *
     * @throws IllegalArgumentException when {@link #contains(Object)} is false for {@code value}
     */
    double toUnit(Object value);

    /**
     * Maps a point of the unit interval back to a value: {@code Double} for floats, {@code Long} for
     * ints, the choice object itself for categoricals. {@code u} is clamped to {@code [0, 1]} first.
     *
     * @throws IllegalArgumentException when {@code u} is NaN
     */
    Object fromUnit(double u);

    /** Whether {@code value} is one of this parameter's values; never throws. */
    boolean contains(Object value);

    /**
     * The values a grid search visits on this axis, in increasing order (choice order for
     * categoricals), without duplicates.
     *
     * @param gridPoints how many points a numeric axis may have at most; categoricals ignore it
     * @throws IllegalArgumentException when {@code gridPoints < 2} for a numeric distribution
     */
    List<Object> gridValues(int gridPoints);

    /** The number of values {@link #gridValues(int)} returns. */
    default long gridSize(int gridPoints) {
        return gridValues(gridPoints).size();
    }
}
