package io.tunestream.results.aggregation;

import io.tunestream.optimizer.objective.Direction;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How to list a study's trials: by value or by trial number, in ascending or descending order, and
 * optionally only the trials in one state.
 *
 * <p>Sorting by value compares the raw objective values, with NaN taken as the worst value of the
 * study's direction (above everything when minimizing, below everything when maximizing); trials
 * without a value always come after those with one; ties go to the lower trial number. Without an
 * explicit order, {@code value} lists best first (ascending when minimizing, descending when
 * maximizing) and {@code number} lists ascending.
 */
public record LeaderboardQuery(SortKey sort, Optional<SortOrder> order, Optional<TrialState> state) {

    public enum SortKey {
        VALUE,
        NUMBER
    }

    public enum SortOrder {
        ASC,
        DESC
    }

    /** Best first, every state. */
    public static final LeaderboardQuery DEFAULT = new LeaderboardQuery(SortKey.VALUE, Optional.empty(), Optional.empty());

    public LeaderboardQuery {
        if (sort == null) {
            throw new IllegalArgumentException("sort is required");
        }
        if (order == null || state == null) {
            throw new IllegalArgumentException("order and state must be Optional, not null");
        }
    }

    /**
     * Parses query parameters; a null or blank parameter takes its default. Throws
     * {@link IllegalArgumentException} naming the parameter and its allowed values.
     */
    public static LeaderboardQuery parse(String sort, String order, String state) {
        SortKey sortKey = isAbsent(sort) ? SortKey.VALUE : parseEnum(SortKey.class, "sort", sort);
        Optional<SortOrder> sortOrder = isAbsent(order) ? Optional.empty() : Optional.of(parseEnum(SortOrder.class, "order", order));
        Optional<TrialState> trialState = isAbsent(state) ? Optional.empty() : Optional.of(parseEnum(TrialState.class, "state", state));
        return new LeaderboardQuery(sortKey, sortOrder, trialState);
    }

    /** The order of the rows for a study of the given direction. */
    Comparator<TrialRow> comparator(Direction direction) {
        Comparator<TrialRow> byNumber = Comparator.comparingLong(TrialRow::trialNumber);
        if (sort == SortKey.NUMBER) {
            return order.orElse(SortOrder.ASC) == SortOrder.ASC ? byNumber : byNumber.reversed();
        }
        // Ascending raw values are best first when minimizing, worst first when maximizing.
        boolean bestFirst = order.map(o -> (o == SortOrder.ASC) == (direction == Direction.MINIMIZE)).orElse(true);
        Comparator<TrialRow> byLoss = Comparator.comparingDouble(row -> direction.toLoss(row.value().orElse(Double.NaN)));
        return Comparator.<TrialRow, Boolean>comparing(row -> row.value().isEmpty())
                .thenComparing(bestFirst ? byLoss : byLoss.reversed())
                .thenComparing(byNumber);
    }

    boolean accepts(TrialRow row) {
        return state.map(wanted -> wanted == row.state()).orElse(true);
    }

    private static boolean isAbsent(String value) {
        return value == null || value.isBlank();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants())
                    .map(constant -> parameter.equals("state") ? constant.name() : constant.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            throw new IllegalArgumentException("`" + parameter + "` must be one of " + allowed + ", but was \"" + value + "\"", e);
        }
    }
}
