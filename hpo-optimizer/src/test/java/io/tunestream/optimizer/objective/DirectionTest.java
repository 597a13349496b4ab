package io.tunestream.optimizer.objective;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DirectionTest {

    @Test
    void minimizeKeepsTheValue() {
        assertThat(Direction.MINIMIZE.toLoss(2.5)).isEqualTo(2.5);
        assertThat(Direction.MINIMIZE.toLoss(-1.0)).isEqualTo(-1.0);
        assertThat(Direction.MINIMIZE.toLoss(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void maximizeNegatesTheValueSoThatAHigherMetricIsALowerLoss() {
        assertThat(Direction.MAXIMIZE.toLoss(0.9)).isEqualTo(-0.9);
        assertThat(Direction.MAXIMIZE.toLoss(0.95)).isLessThan(Direction.MAXIMIZE.toLoss(0.9));
        assertThat(Direction.MAXIMIZE.toLoss(Double.NEGATIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void nanIsTheWorstPossibleLossInEitherDirection(Direction direction) {
        double nanLoss = direction.toLoss(Double.NaN);

        assertThat(nanLoss).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(nanLoss).isGreaterThanOrEqualTo(direction.toLoss(Double.MAX_VALUE));
        assertThat(nanLoss).isGreaterThanOrEqualTo(direction.toLoss(-Double.MAX_VALUE));
    }
}
