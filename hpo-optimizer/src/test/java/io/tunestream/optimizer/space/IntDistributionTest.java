package io.tunestream.optimizer.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntDistributionTest {

    @Test
    void uniformGivesEveryIntegerACellOfEqualWidth() {
        IntDistribution d = IntDistribution.uniform(1, 4);

        assertThat(d.toUnit(1)).isEqualTo(0.125);
        assertThat(d.toUnit(4L)).isEqualTo(0.875);
        assertThat(d.fromUnit(0.0)).isInstanceOf(Long.class).isEqualTo(1L);
        assertThat(d.fromUnit(0.2499)).isEqualTo(1L);
        assertThat(d.fromUnit(0.25)).isEqualTo(2L);
        assertThat(d.fromUnit(1.0)).isEqualTo(4L);
    }

    @Test
    void aUniformUnitGridHitsEveryIntegerEquallyOftenEndpointsIncluded() {
        Map<Object, Integer> counts = histogram(IntDistribution.uniform(1, 4), 100_000);

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 25_000, 2L, 25_000, 3L, 25_000, 4L, 25_000));
    }

    @Test
    void logIntsGetMassInProportionToTheirWidthOnALogAxis() {
        IntDistribution d = IntDistribution.logUniform(1, 100);
        int points = 1_000_000;
        Map<Object, Integer> counts = histogram(d, points);

        double total = Math.log(100.5) - Math.log(0.5);
        for (long v : new long[] {1, 2, 10, 50, 100}) {
            double expected = (Math.log(v + 0.5) - Math.log(v - 0.5)) / total;
            assertThat(counts.get(v) / (double) points).as("share of %d", v).isCloseTo(expected, within(1e-5));
        }
        // 1 owns [0.5, 1.5] and 2 owns [1.5, 2.5]: ln 3 against ln 5/3 on a log axis.
        assertThat(counts.get(1L) / (double) counts.get(2L)).isCloseTo(Math.log(3) / Math.log(5.0 / 3), within(1e-3));
    }

    @Test
    void everyValueSurvivesARoundTripExactly() {
        for (IntDistribution d : List.of(IntDistribution.uniform(-5, 5), IntDistribution.stepped(0, 100, 7),
                IntDistribution.logUniform(1, 5000), IntDistribution.uniform(3, 3))) {
            for (Object v : d.gridValues(10_000)) {
                assertThat(d.fromUnit(d.toUnit(v))).as("%s round trip of %s", d, v).isEqualTo(v);
            }
        }
    }

    @Test
    void extremeBoundsUseOverflowFreeArithmetic() {
        IntDistribution top = IntDistribution.uniform(Long.MAX_VALUE - 10, Long.MAX_VALUE);
        assertThat(top.fromUnit(1.0)).isEqualTo(Long.MAX_VALUE);
        assertThat(top.contains(Long.MAX_VALUE)).isTrue();
        assertThat(top.fromUnit(top.toUnit(Long.MAX_VALUE - 3))).isEqualTo(Long.MAX_VALUE - 3);

        IntDistribution bottom = IntDistribution.stepped(Long.MIN_VALUE, Long.MIN_VALUE + 30, 10);
        assertThat(bottom.gridValues(10))
                .containsExactly(Long.MIN_VALUE, Long.MIN_VALUE + 10, Long.MIN_VALUE + 20, Long.MIN_VALUE + 30);
        assertThat(bottom.contains(Long.MIN_VALUE + 15)).isFalse();
    }

    @Test
    void aSingleValueRangeAlwaysGivesThatValue() {
        IntDistribution d = IntDistribution.uniform(7, 7);

        assertThat(d.fromUnit(0.0)).isEqualTo(7L);
        assertThat(d.fromUnit(1.0)).isEqualTo(7L);
        assertThat(d.toUnit(7)).isEqualTo(0.5);
        assertThat(d.gridValues(2)).containsExactly(7L);
    }

    @Test
    void containsAcceptsIntegralValuesOfAnyBoxedType() {
        IntDistribution d = IntDistribution.uniform(1, 4);

        assertThat(d.contains(3)).isTrue();
        assertThat(d.contains(3L)).isTrue();
        assertThat(d.contains((short) 3)).isTrue();
        assertThat(d.contains((byte) 3)).isTrue();
        assertThat(d.contains(BigInteger.valueOf(3))).isTrue();
        assertThat(d.contains(new BigDecimal("3.00"))).isTrue();
        assertThat(d.contains(3.0)).isTrue();
        assertThat(d.toUnit(3.0)).isEqualTo(d.toUnit(3L));
    }

    @Test
    void containsRejectsFractionsOutsideValuesAndNonNumbers() {
        IntDistribution d = IntDistribution.uniform(1, 4);

        assertThat(d.contains(3.5)).isFalse();
        assertThat(d.contains(new BigDecimal("3.5"))).isFalse();
        assertThat(d.contains(0)).isFalse();
        assertThat(d.contains(5)).isFalse();
        assertThat(d.contains(Double.NaN)).isFalse();
        assertThat(d.contains(BigInteger.TWO.pow(70))).isFalse();
        assertThat(d.contains("3")).isFalse();
        assertThat(d.contains(null)).isFalse();
    }

    @Test
    void steppedContainsOnlyTheStepGrid() {
        IntDistribution d = IntDistribution.stepped(0, 10, 3);

        assertThat(d.contains(9)).isTrue();
        assertThat(d.contains(4)).isFalse();
        assertThat(d.contains(10)).isFalse();
        assertThat(d.fromUnit(1.0)).isEqualTo(9L);
    }

    @Test
    void toUnitRejectsValuesOutsideTheDistributionNamingTheArgument() {
        assertThatThrownBy(() -> IntDistribution.stepped(0, 10, 3).toUnit(4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`value` must be an integer in [0, 10] with step 3, but was 4");
        assertThatThrownBy(() -> IntDistribution.logUniform(1, 10).toUnit(2.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`value` must be an integer in log-scaled [1, 10], but was 2.5");
    }

    static Stream<Arguments> invalidDistributions() {
        return Stream.of(
                Arguments.of((ThrowingCallable) () -> IntDistribution.uniform(5, 1),
                        "`low` must be <= `high`, but was low=5, high=1"),
                Arguments.of((ThrowingCallable) () -> IntDistribution.stepped(0, 10, 0),
                        "`step` must be >= 1, but was step=0"),
                Arguments.of((ThrowingCallable) () -> IntDistribution.stepped(0, 10, -2),
                        "`step` must be >= 1, but was step=-2"),
                Arguments.of((ThrowingCallable) () -> IntDistribution.logUniform(0, 10),
                        "`low` must be >= 1 when `log` is true, but was low=0"),
                Arguments.of((ThrowingCallable) () -> new IntDistribution(1, 10, true, 2),
                        "`step` must be 1 when `log` is true, but was step=2"),
                Arguments.of((ThrowingCallable) () -> IntDistribution.uniform(0, Long.MAX_VALUE),
                        "`low`, `high` and `step` must leave at most 2^50 values, but was low=0,"
                                + " high=9223372036854775807, step=1"),
                Arguments.of((ThrowingCallable) () -> IntDistribution.uniform(Long.MIN_VALUE, Long.MAX_VALUE),
                        "`low`, `high` and `step` must leave at most 2^50 values, but was low=-9223372036854775808,"
                                + " high=9223372036854775807, step=1"));
    }

    @ParameterizedTest
    @MethodSource("invalidDistributions")
    void rejectsInvalidArgumentsNamingTheArgumentAndTheRule(ThrowingCallable construction, String message) {
        assertThatThrownBy(construction).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void gridIsEveryValueWhenItFitsAndEvenlySpacedValuesOtherwise() {
        IntDistribution oneToFour = IntDistribution.uniform(1, 4);
        assertThat(oneToFour.gridValues(4)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(oneToFour.gridValues(10)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(oneToFour.gridValues(2)).containsExactly(1L, 4L);

        assertThat(IntDistribution.uniform(0, 100).gridValues(5)).containsExactly(0L, 25L, 50L, 75L, 100L);
        // Grid 0, 3, 6, 9 has four values; three points pick indexes 0, 1.5 -> 2, 3.
        assertThat(IntDistribution.stepped(0, 10, 3).gridValues(3)).containsExactly(0L, 6L, 9L);
    }

    @Test
    void logGridIsEvenlySpacedInLogSpaceAndDeduplicatedAfterRounding() {
        assertThat(IntDistribution.logUniform(1, 1000).gridValues(4)).containsExactly(1L, 10L, 100L, 1000L);

        // 1, 1.33, 1.78, 2.37, 3.16, 4.22, 5.62, 7.50, 10 round to 1, 1, 2, 2, 3, 4, 6, 7, 10.
        IntDistribution small = IntDistribution.logUniform(1, 10);
        assertThat(small.gridValues(9)).containsExactly(1L, 2L, 3L, 4L, 6L, 7L, 10L);
        assertThat(small.gridSize(9)).isEqualTo(7);
    }

    @Test
    void gridRejectsFewerThanTwoPoints() {
        assertThatThrownBy(() -> IntDistribution.uniform(0, 10).gridValues(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`gridPoints` must be >= 2 (a grid needs both ends), but was 0");
    }

    private static Map<Object, Integer> histogram(Distribution d, int points) {
        Map<Object, Integer> counts = new TreeMap<>();
        for (int i = 0; i < points; i++) {
            counts.merge(d.fromUnit((i + 0.5) / points), 1, Integer::sum);
        }
        return counts;
    }
}
