package io.tunestream.optimizer.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered set of named parameters, and the map of whole configurations onto the unit cube.
 *
 * <p>The order is the order the parameters were added in. It fixes the axis of each parameter in the
 * unit cube and the order in which a grid is enumerated, so it is part of a study's identity.
 * Instances are immutable.
 */
public final class SearchSpace {

    private final Map<String, Distribution> parameters;
    private final List<String> names;

    private SearchSpace(Map<String, Distribution> parameters) {
        LinkedHashMap<String, Distribution> copy = new LinkedHashMap<>();
        parameters.forEach((name, distribution) -> {
            requireName(name);
            Objects.requireNonNull(distribution, "distribution of parameter `" + name + "` must not be null");
            copy.put(name, distribution);
        });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("`parameters` must contain at least one parameter, but was empty");
        }
        this.parameters = Collections.unmodifiableMap(copy);
        this.names = List.copyOf(copy.keySet());
    }

    /**
     * A space with the parameters of {@code parameters} in its iteration order. Pass a
     * {@link LinkedHashMap} (or use {@link #builder()}): {@code Map.of} and {@code HashMap} have no
     * stable order.
     */
    public static SearchSpace of(Map<String, Distribution> parameters) {
        Objects.requireNonNull(parameters, "`parameters` must not be null");
        return new SearchSpace(parameters);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Parameter names in axis order. */
    public List<String> names() {
        return names;
    }

    /**
     * The distribution of one parameter.
     *
     * @throws IllegalArgumentException when the space has no parameter called {@code name}
     */
    public Distribution get(String name) {
        Distribution distribution = parameters.get(name);
        if (distribution == null) {
            throw new IllegalArgumentException("`name` must be a parameter of this space " + names
                    + ", but was " + name);
        }
        return distribution;
    }

    public int dimensions() {
        return names.size();
    }

    /**
     * Maps a configuration onto the unit cube, one coordinate per parameter in axis order.
     *
     * @throws IllegalArgumentException naming the parameter when one is missing, unknown, or has a value
     *                                  outside its distribution
     */
    public double[] toUnit(Map<String, Object> params) {
        Objects.requireNonNull(params, "`params` must not be null");
        for (String name : params.keySet()) {
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("`params` must only name parameters of this space " + names
                        + ", but had `" + name + "`");
            }
        }
        double[] u = new double[names.size()];
        for (int i = 0; i < u.length; i++) {
            String name = names.get(i);
            Object value = params.get(name);
            if (value == null) {
                throw new IllegalArgumentException("`params` must have a value for every parameter, but `" + name
                        + "` is missing");
            }
            Distribution distribution = parameters.get(name);
            if (!distribution.contains(value)) {
                throw new IllegalArgumentException("`params." + name + "` must be a value of " + distribution
                        + ", but was " + value);
            }
            u[i] = distribution.toUnit(value);
        }
        return u;
    }

    /**
     * Maps a point of the unit cube to a configuration; coordinates outside {@code [0, 1]} are clamped.
     *
     * @return an unmodifiable map in axis order
     * @throws IllegalArgumentException when {@code u} has the wrong length or a NaN coordinate
     */
    public Map<String, Object> fromUnit(double[] u) {
        Objects.requireNonNull(u, "`u` must not be null");
        if (u.length != names.size()) {
            throw new IllegalArgumentException("`u` must have one coordinate per parameter (" + names.size()
                    + "), but had " + u.length);
        }
        LinkedHashMap<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < u.length; i++) {
            if (Double.isNaN(u[i])) {
                throw new IllegalArgumentException("`u[" + i + "]` must not be NaN, but was NaN (parameter `"
                        + names.get(i) + "`)");
            }
            params.put(names.get(i), parameters.get(names.get(i)).fromUnit(u[i]));
        }
        return Collections.unmodifiableMap(params);
    }

    /** Whether {@code params} names exactly this space's parameters and each value is in its distribution. */
    public boolean contains(Map<String, Object> params) {
        Objects.requireNonNull(params, "`params` must not be null");
        if (params.size() != parameters.size()) {
            return false;
        }
        for (Map.Entry<String, Distribution> parameter : parameters.entrySet()) {
            Object value = params.get(parameter.getKey());
            if (value == null || !parameter.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        // Order matters: two spaces with the same parameters in another order have different axes.
        return other instanceof SearchSpace that
                && names.equals(that.names)
                && parameters.equals(that.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(names, parameters);
    }

    @Override
    public String toString() {
        return "SearchSpace" + parameters;
    }

    private static void requireName(String name) {
        Objects.requireNonNull(name, "parameter `name` must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("parameter `name` must not be blank, but was \"" + name + "\"");
        }
    }

    /** Collects parameters in the order they are added. */
    public static final class Builder {

        private final LinkedHashMap<String, Distribution> parameters = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a parameter as the next axis.
         *
         * @throws IllegalArgumentException when {@code name} is blank or already added
         */
        public Builder add(String name, Distribution distribution) {
            requireName(name);
            Objects.requireNonNull(distribution, "distribution of parameter `" + name + "` must not be null");
            if (parameters.containsKey(name)) {
                throw new IllegalArgumentException("parameter `name` must be unique, but `" + name
                        + "` was already added");
            }
            parameters.put(name, distribution);
            return this;
        }

        /**
         * @throws IllegalArgumentException when no parameter was added
         */
        public SearchSpace build() {
            return new SearchSpace(parameters);
        }
    }
}
