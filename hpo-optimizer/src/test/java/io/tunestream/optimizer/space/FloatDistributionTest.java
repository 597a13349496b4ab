package io.tunestream.optimizer.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FloatDistributionTest {

    @Test
    void uniformMapsLinearlyOntoTheUnitInterval() {
        FloatDistribution d = FloatDistribution.uniform(-2.0, 6.0);

        assertThat(d.toUnit(-2.0)).isEqualTo(0.0);
        assertThat(d.toUnit(2.0)).isEqualTo(0.5);
        assertThat(d.toUnit(6.0)).isEqualTo(1.0);
        assertThat(d.fromUnit(0.25)).isEqualTo(0.0);
        assertThat(d.fromUnit(1.0)).isEqualTo(6.0);
    }

    @Test
    void logUniformMapsInLogSpaceSoThatEachDecadeGetsAnEqualShare() {
        FloatDistribution d = FloatDistribution.logUniform(1e-4, 1e-1);

        assertThat(d.toUnit(1e-3)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(d.toUnit(1e-2)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat((Double) d.fromUnit(1.0 / 3)).isCloseTo(1e-3, withinPercentage(1e-10));
        assertThat(d.fromUnit(0.0)).isEqualTo(1e-4);
        assertThat(d.fromUnit(1.0)).isEqualTo(1e-1);
    }

    @Test
    void continuousValuesSurviveARoundTripUpToRounding() {
        FloatDistribution linear = FloatDistribution.uniform(-3.0, 7.0);
        FloatDistribution log = FloatDistribution.logUniform(1e-6, 1e3);
        for (int i = 0; i <= 1000; i++) {
            double v = -3.0 + 10.0 * i / 1000;
            assertThat((Double) linear.fromUnit(linear.toUnit(v))).isCloseTo(v, within(1e-12));
            double w = 1e-6 * Math.pow(1e9, i / 1000.0);
            assertThat((Double) log.fromUnit(log.toUnit(w))).isCloseTo(w, withinPercentage(1e-10));
        }
    }

    @Test
    void steppedValuesAreTheDecimalsAUserWouldWrite() {
        FloatDistribution d = FloatDistribution.stepped(0.0, 1.0, 0.1);

        assertThat(d.gridValues(100))
                .containsExactly(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);
    }

    @Test
    void steppedGridValuesSurviveARoundTripExactly() {
        FloatDistribution d = FloatDistribution.stepped(0.5, 2.0, 0.25);

        for (Object v : d.gridValues(100)) {
            assertThat(d.fromUnit(d.toUnit(v))).isEqualTo(v);
        }
    }

    @Test
    void steppedGivesEveryGridValueACellOfEqualWidth() {
        FloatDistribution d = FloatDistribution.stepped(0.0, 1.0, 0.1);  // 11 values, cells of width 1/11

        assertThat(d.toUnit(0.0)).isCloseTo(0.5 / 11, within(1e-15));
        assertThat(d.toUnit(1.0)).isCloseTo(10.5 / 11, within(1e-15));
        assertThat(d.fromUnit(0.0)).isEqualTo(0.0);
        assertThat(d.fromUnit(1.0 / 11 - 1e-9)).isEqualTo(0.0);
        assertThat(d.fromUnit(1.0 / 11 + 1e-9)).isEqualTo(0.1);
        assertThat(d.fromUnit(10.0 / 11 + 1e-9)).isEqualTo(1.0);
    }

    @Test
    void aStepThatDoesNotDivideTheRangeEndsAtTheLastGridValueBelowHigh() {
        FloatDistribution d = FloatDistribution.stepped(0.0, 1.0, 0.3);

        assertThat(d.gridValues(10)).containsExactly(0.0, 0.3, 0.6, 0.9);
        assertThat(d.fromUnit(1.0)).isEqualTo(0.9);
        assertThat(d.contains(1.0)).isFalse();
    }

    @Test
    void fromUnitClampsAndReturnsDoubles() {
        FloatDistribution d = FloatDistribution.uniform(1.0, 2.0);

        assertThat(d.fromUnit(-3.0)).isInstanceOf(Double.class).isEqualTo(1.0);
        assertThat(d.fromUnit(7.0)).isEqualTo(2.0);
        assertThat(FloatDistribution.stepped(0, 1, 0.5).fromUnit(42.0)).isEqualTo(1.0);
    }

    @Test
    void fromUnitRejectsNaN() {
        assertThatThrownBy(() -> FloatDistribution.uniform(0, 1).fromUnit(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`u` must not be NaN, but was NaN");
    }

    @Test
    void containsAcceptsEveryBoxedNumberTypeInsideTheRange() {
        FloatDistribution d = FloatDistribution.uniform(0.0, 5.0);

        assertThat(d.contains(3)).isTrue();
        assertThat(d.contains(3L)).isTrue();
        assertThat(d.contains(3.5f)).isTrue();
        assertThat(d.contains(new BigDecimal("4.75"))).isTrue();
        assertThat(d.contains(0.0)).isTrue();
        assertThat(d.contains(5.0)).isTrue();
    }

    @Test
    void containsRejectsWhatIsOutsideOrNotANumber() {
        FloatDistribution d = FloatDistribution.uniform(0.0, 5.0);

        assertThat(d.contains(5.0001)).isFalse();
        assertThat(d.contains(-0.1)).isFalse();
        assertThat(d.contains(Double.NaN)).isFalse();
        assertThat(d.contains(Double.POSITIVE_INFINITY)).isFalse();
        assertThat(d.contains("3")).isFalse();
        assertThat(d.contains(true)).isFalse();
        assertThat(d.contains(null)).isFalse();
    }

    @Test
    void steppedContainsOnlyGridValuesButToleratesFloatingPointNoise() {
        FloatDistribution d = FloatDistribution.stepped(0.0, 1.0, 0.1);

        assertThat(d.contains(0.1 + 0.2)).isTrue();  // 0.30000000000000004
        assertThat(d.fromUnit(d.toUnit(0.1 + 0.2))).isEqualTo(0.3);
        assertThat(d.contains(0.35)).isFalse();
        assertThat(d.contains(1.1)).isFalse();
        assertThat(d.contains(-0.1)).isFalse();
    }

    @Test
    void toUnitRejectsValuesOutsideTheDistributionNamingTheArgument() {
        FloatDistribution d = FloatDistribution.uniform(0.0, 5.0);

        assertThatThrownBy(() -> d.toUnit(7.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`value` must be a finite number in [0.0, 5.0], but was 7.0");
        assertThatThrownBy(() -> d.toUnit("x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("`value` must be a finite number");
        assertThatThrownBy(() -> FloatDistribution.stepped(0.0, 1.0, 0.1).toUnit(0.35))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the grid 0.0, 0.1, ... <= 1.0")
                .hasMessageEndingWith("but was 0.35");
    }

    static Stream<Arguments> invalidDistributions() {
        return Stream.of(
                invalid(() -> FloatDistribution.uniform(3.0, 1.0), "`low` must be < `high`, but was low=3.0, high=1.0"),
                invalid(() -> FloatDistribution.uniform(1.0, 1.0), "`low` must be < `high`, but was low=1.0, high=1.0"),
                invalid(() -> FloatDistribution.uniform(Double.NaN, 1.0), "`low` must be finite, but was low=NaN"),
                invalid(() -> FloatDistribution.uniform(0.0, Double.POSITIVE_INFINITY),
                        "`high` must be finite, but was high=Infinity"),
                invalid(() -> FloatDistribution.uniform(-Double.MAX_VALUE, Double.MAX_VALUE),
                        "`high` - `low` must be finite, but was low=-1.7976931348623157E308, high=1.7976931348623157E308"),
                invalid(() -> FloatDistribution.logUniform(0.0, 1.0), "`low` must be > 0 when `log` is true, but was low=0.0"),
                invalid(() -> FloatDistribution.logUniform(-1.0, 1.0), "`low` must be > 0 when `log` is true, but was low=-1.0"),
                invalid(() -> FloatDistribution.stepped(0.0, 1.0, 0.0), "`step` must be > 0 and finite, but was step=0.0"),
                invalid(() -> FloatDistribution.stepped(0.0, 1.0, -0.1), "`step` must be > 0 and finite, but was step=-0.1"),
                invalid(() -> FloatDistribution.stepped(0.0, 1.0, Double.NaN), "`step` must be > 0 and finite, but was step=NaN"),
                invalid(() -> FloatDistribution.stepped(0.0, 1.0, 2.0),
                        "`step` must be <= `high` - `low`, but was step=2.0, low=0.0, high=1.0"),
                invalid(() -> new FloatDistribution(1.0, 10.0, true, OptionalDouble.of(1.0)),
                        "`step` must be empty when `log` is true (a step grid is linear), but was step=1.0"),
                invalid(() -> FloatDistribution.stepped(0.0, 1.0, 1e-300),
                        "`step` must leave at most 2^50 grid values between `low` and `high`, but was step=1.0E-300,"
                                + " low=0.0, high=1.0"));
    }

    @ParameterizedTest
    @MethodSource("invalidDistributions")
    void rejectsInvalidArgumentsNamingTheArgumentAndTheRule(ThrowingCallable construction, String message) {
        assertThatThrownBy(construction).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void aStepEqualToTheRangeIsAllowed() {
        FloatDistribution d = FloatDistribution.stepped(0.7, 1.0, 0.3);

        assertThat(d.gridValues(5)).containsExactly(0.7, 1.0);
    }

    @Test
    void gridOfAContinuousRangeIsEvenlySpacedAndIncludesBothEnds() {
        assertThat(FloatDistribution.uniform(0.0, 1.0).gridValues(5)).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);

        List<Object> log = FloatDistribution.logUniform(1e-4, 1.0).gridValues(5);
        assertThat(log).hasSize(5);
        assertThat(log.get(0)).isEqualTo(1e-4);
        assertThat(log.get(4)).isEqualTo(1.0);
        double[] decades = {1e-4, 1e-3, 1e-2, 1e-1, 1.0};
        for (int i = 0; i < decades.length; i++) {
            assertThat((Double) log.get(i)).isCloseTo(decades[i], withinPercentage(1e-10));
        }
    }

    @Test
    void gridOfASteppedRangeIsTheStepGridWhenItFitsAndEvenlyChosenGridValuesOtherwise() {
        FloatDistribution quarters = FloatDistribution.stepped(0.0, 1.0, 0.25);
        assertThat(quarters.gridValues(5)).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
        assertThat(quarters.gridValues(50)).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
        assertThat(quarters.gridValues(3)).containsExactly(0.0, 0.5, 1.0);

        // 11 grid values, 4 points: indexes 0, 3.33, 6.67, 10 rounded to the grid.
        assertThat(FloatDistribution.stepped(0.0, 1.0, 0.1).gridValues(4)).containsExactly(0.0, 0.3, 0.7, 1.0);
    }

    @Test
    void gridSizeMatchesGridValues() {
        FloatDistribution d = FloatDistribution.stepped(0.0, 1.0, 0.1);

        assertThat(d.gridSize(4)).isEqualTo(4);
        assertThat(d.gridSize(100)).isEqualTo(11);
    }

    @Test
    void gridRejectsFewerThanTwoPoints() {
        assertThatThrownBy(() -> FloatDistribution.uniform(0, 1).gridValues(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`gridPoints` must be >= 2 (a grid needs both ends), but was 1");
    }

    @Test
    void distributionsAreValuesComparedByContent() {
        assertThat(FloatDistribution.stepped(0, 1, 0.1)).isEqualTo(FloatDistribution.stepped(0, 1, 0.1));
        assertThat(FloatDistribution.uniform(1, 10)).isNotEqualTo(FloatDistribution.logUniform(1, 10));
    }

    private static Arguments invalid(ThrowingCallable construction, String message) {
        return Arguments.of(construction, message);
    }
}
