package io.tunestream.optimizer.sampler;

import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Exhaustive search over the Cartesian product of each parameter's
 * {@link io.tunestream.optimizer.space.Distribution#gridValues(int) grid values}.
 *
 * <p>Trial {@code n} gets the {@code n}-th point of the product in mixed-radix order: the first
 * parameter varies slowest, the last fastest. The point is decoded from {@code n} directly, because grids
 * grow exponentially with the number of parameters (10 parameters of 10 points are 10^10 configurations)
 * and must never be materialised. Trials at or beyond {@link #size(SearchSpace)} get nothing: the space is
 * exhausted. Randomness and history are not used, so a failed trial is simply not retried.
 */
public final class GridSampler implements Sampler {

    private final Map<String, Integer> gridPoints;
    private final int defaultGridPoints;

    private GridSampler(Map<String, Integer> gridPoints, int defaultGridPoints) {
        this.gridPoints = gridPoints;
        this.defaultGridPoints = defaultGridPoints;
    }

    /**
     * @param gridPoints        points per numeric parameter, by name; parameters not named get
     *                          {@code defaultGridPoints}; categoricals always get all their choices
     * @param defaultGridPoints points for every other numeric parameter
     * @throws IllegalArgumentException when a number of grid points is {@code < 2}
     */
    public static GridSampler of(Map<String, Integer> gridPoints, int defaultGridPoints) {
        Objects.requireNonNull(gridPoints, "`gridPoints` must not be null");
        if (defaultGridPoints < 2) {
            throw new IllegalArgumentException("`defaultGridPoints` must be >= 2, but was " + defaultGridPoints);
        }
        LinkedHashMap<String, Integer> copy = new LinkedHashMap<>();
        gridPoints.forEach((name, points) -> {
            Objects.requireNonNull(name, "`gridPoints` must not contain a null parameter name");
            Objects.requireNonNull(points, "`gridPoints." + name + "` must not be null");
            if (points < 2) {
                throw new IllegalArgumentException("`gridPoints." + name + "` must be >= 2, but was " + points);
            }
            copy.put(name, points);
        });
        return new GridSampler(Collections.unmodifiableMap(copy), defaultGridPoints);
    }

    @Override
    public Optional<Map<String, Object>> sample(SearchSpace space, StudyHistory history, SuggestionContext context) {
        Objects.requireNonNull(history, "`history` must not be null");
        Objects.requireNonNull(context, "`context` must not be null");
        List<List<Object>> axes = axes(space);
        if (context.trialNumber() >= size(axes)) {
            return Optional.empty();
        }
        Object[] point = new Object[axes.size()];
        long rest = context.trialNumber();
        for (int i = axes.size() - 1; i >= 0; i--) {
            List<Object> axis = axes.get(i);
            point[i] = axis.get((int) (rest % axis.size()));
            rest /= axis.size();
        }
        LinkedHashMap<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < point.length; i++) {
            params.put(space.names().get(i), point[i]);
        }
        return Optional.of(Collections.unmodifiableMap(params));
    }

    /**
     * The number of configurations in the grid over {@code space}; {@link Long#MAX_VALUE} when the
     * product is larger, which no study reaches.
     *
     * @throws IllegalArgumentException when {@code gridPoints} names a parameter that {@code space} lacks
     */
    public long size(SearchSpace space) {
        return size(axes(space));
    }

    @Override
    public String toString() {
        return "GridSampler[gridPoints=" + gridPoints + ", defaultGridPoints=" + defaultGridPoints + "]";
    }

    private List<List<Object>> axes(SearchSpace space) {
        Objects.requireNonNull(space, "`space` must not be null");
        for (String name : gridPoints.keySet()) {
            if (!space.names().contains(name)) {
                throw new IllegalArgumentException("`gridPoints` must only name parameters of the space "
                        + space.names() + ", but named `" + name + "`");
            }
        }
        List<List<Object>> axes = new ArrayList<>(space.dimensions());
        for (String name : space.names()) {
            List<Object> values = space.get(name).gridValues(gridPoints.getOrDefault(name, defaultGridPoints));
            // Distributions already return distinct values; a duplicate here would repeat whole slices of
            // the product, so it is cheap insurance.
            axes.add(List.copyOf(new LinkedHashSet<>(values)));
        }
        return axes;
    }

    private static long size(List<List<Object>> axes) {
        long size = 1;
        for (List<Object> axis : axes) {
            try {
                size = Math.multiplyExact(size, axis.size());
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE;
            }
        }
        return size;
    }
}
