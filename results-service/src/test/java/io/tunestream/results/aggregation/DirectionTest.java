package io.tunestream.results.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectionTest {

    @Test
    void parsesTheSpecSpellingsOnly() {
        assertThat(Direction.fromWireName("minimize")).contains(Direction.MINIMIZE);
        assertThat(Direction.fromWireName("maximize")).contains(Direction.MAXIMIZE);
        assertThat(Direction.fromWireName("MAXIMIZE")).isEmpty();
        assertThat(Direction.fromWireName(null)).isEmpty();
    }

    @Test
    void lossIsLowerForBetterValuesAndNanIsTheWorst() {
        assertThat(Direction.MINIMIZE.loss(0.1)).isLessThan(Direction.MINIMIZE.loss(0.2));
        assertThat(Direction.MAXIMIZE.loss(0.9)).isLessThan(Direction.MAXIMIZE.loss(0.2));
        assertThat(Direction.MINIMIZE.loss(Double.NaN)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Direction.MAXIMIZE.loss(Double.NaN)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Direction.MAXIMIZE.loss(-1e300)).isLessThan(Direction.MAXIMIZE.loss(Double.NaN));
    }
}
