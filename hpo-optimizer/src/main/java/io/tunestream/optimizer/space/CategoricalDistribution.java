package io.tunestream.optimizer.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A parameter that takes one of a fixed list of choices, each equally likely.
 *
 * <p>Choices are strings, booleans or finite numbers of the standard immutable types ({@code Byte},
 * {@code Short}, {@code Integer}, {@code Long}, {@code Float}, {@code Double}, {@code BigInteger},
 * {@code BigDecimal}), so that they survive a trip through JSON and cannot change after validation.
 * Numbers are matched by value: a choice declared as {@code 3} matches {@code 3L} and {@code 3.0}, because
 * the wire does not keep boxed types apart. For the same reason two choices that are numerically
 * equal are duplicates.
 *
 * <p>Choice {@code i} of {@code k} maps to the unit point {@code (i + 0.5) / k}; the order of the
 * choices carries no meaning beyond that.
 *
 * @param choices the choices, in the order given; an unmodifiable copy
 */
public record CategoricalDistribution(List<Object> choices) implements Distribution {

    public CategoricalDistribution {
        Objects.requireNonNull(choices, "`choices` must not be null");
        List<Object> copy = new ArrayList<>(choices);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("`choices` must not be empty, but was []");
        }
        for (int i = 0; i < copy.size(); i++) {
            Object choice = copy.get(i);
            if (!(choice instanceof String || choice instanceof Boolean || Numbers.isSupportedChoiceNumber(choice))) {
                throw new IllegalArgumentException("`choices[" + i + "]` must be a String, Boolean or finite Number,"
                        + " but was " + describeType(choice));
            }
            for (int j = 0; j < i; j++) {
                if (Numbers.sameValue(copy.get(j), choice)) {
                    throw new IllegalArgumentException("`choices` must not contain duplicates, but choices[" + j
                            + "]=" + copy.get(j) + " and choices[" + i + "]=" + choice + " are equal");
                }
            }
        }
        choices = List.copyOf(copy);
    }

    /** The choices in the order given. */
    public static CategoricalDistribution of(Object... choices) {
        Objects.requireNonNull(choices, "`choices` must not be null");
        return new CategoricalDistribution(Arrays.asList(choices));
    }

    @Override
    public double toUnit(Object value) {
        int index = indexOf(value).orElseThrow(() -> new IllegalArgumentException(
                "`value` must be one of the choices " + choices + ", but was " + value));
        return UnitInterval.cellCentre(index, choices.size());
    }

    @Override
    public Object fromUnit(double u) {
        return choices.get((int) UnitInterval.cellIndex(UnitInterval.clamp(u, "u"), choices.size()));
    }

    @Override
    public boolean contains(Object value) {
        return indexOf(value).isPresent();
    }

    /** All choices, whatever {@code gridPoints} is: a grid cannot skip a category meaningfully. */
    @Override
    public List<Object> gridValues(int gridPoints) {
        return choices;
    }

    private OptionalInt indexOf(Object value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < choices.size(); i++) {
            if (Numbers.sameValue(choices.get(i), value)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    private static String describeType(Object choice) {
        if (choice == null) {
            return "null";
        }
        if (choice instanceof Number) {
            return choice + " (" + choice.getClass().getSimpleName() + ")";
        }
        return choice.getClass().getSimpleName();
    }
}
