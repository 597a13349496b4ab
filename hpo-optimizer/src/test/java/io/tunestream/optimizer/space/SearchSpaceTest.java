package io.tunestream.optimizer.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    private final SearchSpace space = SearchSpace.builder()
            .add("optimizer", CategoricalDistribution.of("adam", "sgd"))
            .add("units", IntDistribution.logUniform(16, 512))
            .add("lr", FloatDistribution.logUniform(1e-4, 1e-1))
            .build();

    @Test
    void keepsTheOrderParametersWereAddedIn() {
        assertThat(space.names()).containsExactly("optimizer", "units", "lr");
        assertThat(space.dimensions()).isEqualTo(3);
        assertThat(space.get("units")).isEqualTo(IntDistribution.logUniform(16, 512));
    }

    @Test
    void ofKeepsTheIterationOrderOfTheMapAndEqualsTheBuiltSpace() {
        LinkedHashMap<String, Distribution> parameters = new LinkedHashMap<>();
        parameters.put("optimizer", CategoricalDistribution.of("adam", "sgd"));
        parameters.put("units", IntDistribution.logUniform(16, 512));
        parameters.put("lr", FloatDistribution.logUniform(1e-4, 1e-1));

        SearchSpace fromMap = SearchSpace.of(parameters);
        parameters.clear();

        assertThat(fromMap.names()).containsExactly("optimizer", "units", "lr");
        assertThat(fromMap).isEqualTo(space).hasSameHashCodeAs(space);
    }

    @Test
    void theSameParametersInAnotherOrderAreAnotherSpace() {
        SearchSpace reordered = SearchSpace.builder()
                .add("lr", FloatDistribution.logUniform(1e-4, 1e-1))
                .add("optimizer", CategoricalDistribution.of("adam", "sgd"))
                .add("units", IntDistribution.logUniform(16, 512))
                .build();

        assertThat(reordered).isNotEqualTo(space);
    }

    @Test
    void mapsAConfigurationOntoTheUnitCubeAxisByAxis() {
        double[] u = space.toUnit(Map.of("lr", 1e-3, "units", 64, "optimizer", "sgd"));

        assertThat(u).hasSize(3);
        assertThat(u[0]).isEqualTo(0.75);
        assertThat(u[1]).isEqualTo(space.get("units").toUnit(64));
        assertThat(u[2]).isEqualTo(space.get("lr").toUnit(1e-3));
    }

    @Test
    void fromUnitReturnsAnUnmodifiableMapInAxisOrder() {
        Map<String, Object> params = space.fromUnit(new double[] {0.9, 0.0, 1.0});

        assertThat(params.keySet()).containsExactly("optimizer", "units", "lr");
        assertThat(params).containsExactly(entry("optimizer", "sgd"), entry("units", 16L), entry("lr", 1e-1));
        assertThatThrownBy(() -> params.put("lr", 0.5)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void discreteConfigurationsSurviveARoundTrip() {
        Map<String, Object> params = Map.of("optimizer", "adam", "units", 100L, "lr", 1e-4);

        assertThat(space.fromUnit(space.toUnit(params))).isEqualTo(params);
    }

    @Test
    void toUnitNamesAMissingParameter() {
        assertThatThrownBy(() -> space.toUnit(Map.of("optimizer", "adam", "lr", 1e-3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`params` must have a value for every parameter, but `units` is missing");
    }

    @Test
    void toUnitNamesAParameterWhoseValueIsOutsideItsDistribution() {
        assertThatThrownBy(() -> space.toUnit(Map.of("optimizer", "adam", "units", 64, "lr", 0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("`params.lr` must be a value of FloatDistribution[")
                .hasMessageEndingWith("but was 0.5");
    }

    @Test
    void toUnitNamesAParameterTheSpaceDoesNotHave() {
        Map<String, Object> params = new HashMap<>(Map.of("optimizer", "adam", "units", 64, "lr", 1e-3));
        params.put("momentum", 0.9);

        assertThatThrownBy(() -> space.toUnit(params))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`params` must only name parameters of this space [optimizer, units, lr], but had `momentum`");
    }

    @Test
    void fromUnitRejectsAWrongLengthAndNaNNamingTheCoordinate() {
        assertThatThrownBy(() -> space.fromUnit(new double[] {0.5, 0.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`u` must have one coordinate per parameter (3), but had 2");
        assertThatThrownBy(() -> space.fromUnit(new double[] {0.5, Double.NaN, 0.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`u[1]` must not be NaN, but was NaN (parameter `units`)");
    }

    @Test
    void containsRequiresExactlyTheSpacesNamesWithContainedValues() {
        assertThat(space.contains(Map.of("optimizer", "adam", "units", 64, "lr", 1e-3))).isTrue();
        assertThat(space.contains(Map.of("optimizer", "adam", "units", 64))).isFalse();
        assertThat(space.contains(Map.of("optimizer", "adam", "units", 64, "lr", 1e-3, "momentum", 0.9))).isFalse();
        assertThat(space.contains(Map.of("optimizer", "adam", "units", 64, "momentum", 1e-3))).isFalse();
        assertThat(space.contains(Map.of("optimizer", "adam", "units", 64.5, "lr", 1e-3))).isFalse();
        assertThat(space.contains(Map.of("optimizer", "lion", "units", 64, "lr", 1e-3))).isFalse();
    }

    @Test
    void rejectsAnEmptySpace() {
        assertThatThrownBy(() -> SearchSpace.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`parameters` must contain at least one parameter, but was empty");
        assertThatThrownBy(() -> SearchSpace.of(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`parameters` must contain at least one parameter, but was empty");
    }

    @Test
    void rejectsBlankAndDuplicateNames() {
        assertThatThrownBy(() -> SearchSpace.builder().add("  ", IntDistribution.uniform(0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter `name` must not be blank, but was \"  \"");
        assertThatThrownBy(() -> SearchSpace.of(Map.of("", IntDistribution.uniform(0, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter `name` must not be blank, but was \"\"");
        assertThatThrownBy(() -> SearchSpace.builder()
                        .add("lr", FloatDistribution.uniform(0, 1))
                        .add("lr", FloatDistribution.uniform(0, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter `name` must be unique, but `lr` was already added");
    }

    @Test
    void getNamesAnUnknownParameter() {
        assertThatThrownBy(() -> space.get("momentum"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`name` must be a parameter of this space [optimizer, units, lr], but was momentum");
    }

    @Test
    void namesCannotBeModified() {
        assertThatThrownBy(() -> space.names().add("momentum")).isInstanceOf(UnsupportedOperationException.class);
    }
}
