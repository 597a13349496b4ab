package io.tunestream.results.aggregation;

import io.tunestream.optimizer.objective.Direction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class LeaderboardQueryTest {

    private static TrialRow row(long number, TrialState state, OptionalDouble value) {
        return new TrialRow("t" + number, number, state, value, Map.of(), 1, 1, Optional.empty(), Optional.empty());
    }

    private static final List<TrialRow> ROWS = List.of(
            row(0, TrialState.COMPLETED, OptionalDouble.of(0.5)),
            row(1, TrialState.RUNNING, OptionalDouble.empty()),
            row(2, TrialState.COMPLETED, OptionalDouble.of(Double.NaN)),
            row(3, TrialState.STOPPED, OptionalDouble.of(0.2)),
            row(4, TrialState.COMPLETED, OptionalDouble.of(0.9)),
            row(5, TrialState.COMPLETED, OptionalDouble.of(0.5)));

    private static List<Long> order(LeaderboardQuery query, Direction direction) {
        var rows = new ArrayList<>(ROWS.stream().filter(query::accepts).toList());
        rows.sort(query.comparator(direction));
        return rows.stream().map(TrialRow::trialNumber).toList();
    }

    @Test
    void defaultListsBestFirstWhenMinimizingWithNanWorstAndNoValueLast() {
        assertThat(order(LeaderboardQuery.DEFAULT, Direction.MINIMIZE)).containsExactly(3L, 0L, 5L, 4L, 2L, 1L);
    }

    @Test
    void defaultListsBestFirstWhenMaximizing() {
        assertThat(order(LeaderboardQuery.DEFAULT, Direction.MAXIMIZE)).containsExactly(4L, 0L, 5L, 3L, 2L, 1L);
    }

    @Test
    void explicitOrderSortsRawValuesWithNanAsTheDirectionsWorst() {
        assertThat(order(LeaderboardQuery.parse("value", "desc", null), Direction.MINIMIZE)).containsExactly(2L, 4L, 0L, 5L, 3L, 1L);
        assertThat(order(LeaderboardQuery.parse("value", "asc", null), Direction.MAXIMIZE)).containsExactly(2L, 3L, 0L, 5L, 4L, 1L);
        assertThat(order(LeaderboardQuery.parse("value", "asc", null), Direction.MINIMIZE))
                .isEqualTo(order(LeaderboardQuery.DEFAULT, Direction.MINIMIZE));
    }

    @Test
    void sortsByNumberAndFiltersByState() {
        assertThat(order(LeaderboardQuery.parse("number", null, null), Direction.MINIMIZE)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(order(LeaderboardQuery.parse("NUMBER", "desc", null), Direction.MINIMIZE)).containsExactly(5L, 4L, 3L, 2L, 1L, 0L);
        assertThat(order(LeaderboardQuery.parse(null, null, "completed"), Direction.MINIMIZE)).containsExactly(0L, 5L, 4L, 2L);
    }

    @Test
    void blankParametersTakeTheDefaults() {
        assertThat(LeaderboardQuery.parse(" ", "", null)).isEqualTo(LeaderboardQuery.DEFAULT);
    }

    @Test
    void rejectsUnknownValuesNamingTheParameterAndTheAllowedValues() {
        assertThatThrownBy(() -> LeaderboardQuery.parse("loss", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`sort` must be one of value, number, but was \"loss\"");
        assertThatThrownBy(() -> LeaderboardQuery.parse(null, "up", null))
                .hasMessage("`order` must be one of asc, desc, but was \"up\"");
        assertThatThrownBy(() -> LeaderboardQuery.parse(null, null, "DONE"))
                .hasMessage("`state` must be one of QUEUED, RUNNING, COMPLETED, STOPPED, FAILED, but was \"DONE\"");
    }
}
