package io.tunestream.optimizer.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every kind of distribution must have, checked on many random unit points. */
class DistributionBoundsTest {

    private static final int POINTS = 10_000;

    static Stream<Arguments> everyKind() {
        return Stream.of(
                Arguments.of("float", FloatDistribution.uniform(-3.0, 7.0), Double.class, false),
                Arguments.of("log float", FloatDistribution.logUniform(1e-5, 10.0), Double.class, false),
                Arguments.of("stepped float", FloatDistribution.stepped(0.5, 2.0, 0.25), Double.class, true),
                Arguments.of("int", IntDistribution.uniform(-10, 10), Long.class, true),
                Arguments.of("log int", IntDistribution.logUniform(1, 4096), Long.class, true),
                Arguments.of("stepped int", IntDistribution.stepped(2, 50, 4), Long.class, true),
                Arguments.of("categorical", CategoricalDistribution.of("adam", "sgd", 0.5, 3, true), Object.class, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void everyUnitPointMapsToAContainedValueThatMapsBackIntoTheUnitInterval(
            String kind, Distribution d, Class<?> type, boolean discrete) {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < POINTS; i++) {
            double u = rng.nextDouble();
            Object v = d.fromUnit(u);

            assertThat(v).as("%s at u=%s", kind, u).isInstanceOf(type);
            assertThat(d.contains(v)).as("%s contains %s (u=%s)", kind, v, u).isTrue();
            assertThat(d.toUnit(v)).as("%s toUnit(%s)", kind, v).isBetween(0.0, 1.0);
            if (discrete) {
                assertThat(d.fromUnit(d.toUnit(v))).as("%s round trip of %s", kind, v).isEqualTo(v);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void pointsOutsideTheUnitIntervalAreClampedToTheEnds(String kind, Distribution d, Class<?> type,
                                                          boolean discrete) {
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < 1_000; i++) {
            double below = -rng.nextDouble() * 100 - 1e-9;
            double above = 1 + rng.nextDouble() * 100 + 1e-9;
            assertThat(d.fromUnit(below)).as("%s at %s", kind, below).isEqualTo(d.fromUnit(0.0));
            assertThat(d.fromUnit(above)).as("%s at %s", kind, above).isEqualTo(d.fromUnit(1.0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void gridValuesAreContainedDistinctAndIncreasingInUnitSpace(String kind, Distribution d, Class<?> type,
                                                                boolean discrete) {
        var values = d.gridValues(6);

        assertThat(values).as(kind).isNotEmpty().doesNotHaveDuplicates().allMatch(d::contains);
        for (int i = 1; i < values.size(); i++) {
            assertThat(d.toUnit(values.get(i))).as("%s grid order", kind).isGreaterThan(d.toUnit(values.get(i - 1)));
        }
    }

    static Stream<Arguments> discreteKinds() {
        return everyKind().filter(arguments -> (Boolean) arguments.get()[3]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("discreteKinds")
    void everyValueOfADiscreteDistributionSurvivesARoundTrip(String kind, Distribution d, Class<?> type,
                                                             boolean discrete) {
        var values = d.gridValues(100_000);

        assertThat(values).as(kind).hasSizeGreaterThan(2);
        for (Object v : values) {
            assertThat(d.fromUnit(d.toUnit(v))).as("%s round trip of %s", kind, v).isEqualTo(v);
        }
    }
}
