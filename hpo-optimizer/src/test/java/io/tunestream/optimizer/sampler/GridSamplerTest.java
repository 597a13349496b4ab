package io.tunestream.optimizer.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.space.CategoricalDistribution;
import io.tunestream.optimizer.space.FloatDistribution;
import io.tunestream.optimizer.space.IntDistribution;
import io.tunestream.optimizer.space.SearchSpace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GridSamplerTest extends SamplerContractTest {

    /** 3 choices x 4 ints x 3 floats = 36 configurations. */
    private static final SearchSpace SMALL = SearchSpace.builder()
            .add("optimizer", CategoricalDistribution.of("adam", "sgd", "rmsprop"))
            .add("layers", IntDistribution.uniform(1, 4))
            .add("dropout", FloatDistribution.uniform(0.0, 0.5))
            .build();

    private static final GridSampler SMALL_GRID = GridSampler.of(Map.of("dropout", 3), 4);

    @Override
    protected Sampler sampler() {
        // 4 points on each of the six numeric axes and 3 choices: 12,288 configurations.
        return GridSampler.of(Map.of(), 4);
    }

    @Test
    void theContractSpaceHoldsEnoughConfigurations() {
        assertThat(GridSampler.of(Map.of(), 4).size(MIXED)).isEqualTo(4L * 4 * 4 * 4 * 4 * 4 * 3);
    }

    @Test
    void enumeratesEveryConfigurationOfTheProductExactlyOnceThenRunsOut() {
        assertThat(SMALL_GRID.size(SMALL)).isEqualTo(36);

        Set<Map<String, Object>> seen = new HashSet<>();
        for (long n = 0; n < 36; n++) {
            Map<String, Object> params = sample(SMALL_GRID, SMALL, n).orElseThrow();
            assertThat(SMALL.contains(params)).isTrue();
            seen.add(params);
        }

        Set<Map<String, Object>> product = new HashSet<>();
        for (String optimizer : List.of("adam", "sgd", "rmsprop")) {
            for (long layers = 1; layers <= 4; layers++) {
                for (double dropout : new double[] {0.0, 0.25, 0.5}) {
                    product.add(Map.of("optimizer", optimizer, "layers", layers, "dropout", dropout));
                }
            }
        }
        assertThat(seen).hasSize(36).isEqualTo(product);
        assertThat(sample(SMALL_GRID, SMALL, 36)).isEmpty();
        assertThat(sample(SMALL_GRID, SMALL, 1_000)).isEmpty();
    }

    @Test
    void theFirstParameterVariesSlowestAndTheLastFastest() {
        assertThat(sample(SMALL_GRID, SMALL, 0)).hasValue(point("adam", 1L, 0.0));
        assertThat(sample(SMALL_GRID, SMALL, 1)).hasValue(point("adam", 1L, 0.25));
        assertThat(sample(SMALL_GRID, SMALL, 2)).hasValue(point("adam", 1L, 0.5));
        assertThat(sample(SMALL_GRID, SMALL, 3)).hasValue(point("adam", 2L, 0.0));
        assertThat(sample(SMALL_GRID, SMALL, 12)).hasValue(point("sgd", 1L, 0.0));
        assertThat(sample(SMALL_GRID, SMALL, 35)).hasValue(point("rmsprop", 4L, 0.5));
        assertThat(sample(SMALL_GRID, SMALL, 17).orElseThrow().keySet()).containsExactly("optimizer", "layers", "dropout");
    }

    @Test
    void theOrderIsStableAcrossInstancesSeedsAndHistories() {
        GridSampler other = GridSampler.of(new LinkedHashMap<>(Map.of("dropout", 3)), 4);
        for (long n = 0; n < 36; n++) {
            Optional<Map<String, Object>> expected = sample(SMALL_GRID, SMALL, n);

            assertThat(other.sample(SMALL, completedHistory(3), SuggestionContext.of(-99, n))).isEqualTo(expected);
        }
    }

    @Test
    void aHugeGridIsDecodedFromTheTrialNumberWithoutBeingMaterialised() {
        SearchSpace.Builder builder = SearchSpace.builder();
        for (int i = 0; i < 10; i++) {
            builder.add("p" + i, IntDistribution.uniform(0, 9));
        }
        SearchSpace digits = builder.build();
        GridSampler grid = GridSampler.of(Map.of(), 10);

        Map<String, Object> expected = new LinkedHashMap<>();
        long[] decimalDigits = {1, 2, 3, 4, 5, 6, 7, 8, 9, 0};
        for (int i = 0; i < 10; i++) {
            expected.put("p" + i, decimalDigits[i]);
        }

        // 10^10 configurations: materialising them would take hundreds of gigabytes and hours.
        org.junit.jupiter.api.Assertions.assertTimeout(Duration.ofSeconds(5), () -> {
            assertThat(grid.size(digits)).isEqualTo(10_000_000_000L);
            assertThat(sample(grid, digits, 1_234_567_890L)).hasValue(expected);
            assertThat(sample(grid, digits, 9_999_999_999L).orElseThrow().values()).containsOnly(9L);
            assertThat(sample(grid, digits, 10_000_000_000L)).isEmpty();
        });
    }

    @Test
    void aGridLargerThanALongSaturatesItsSize() {
        SearchSpace.Builder builder = SearchSpace.builder();
        for (int i = 0; i < 25; i++) {
            builder.add("p" + i, IntDistribution.uniform(0, 9));
        }
        SearchSpace wide = builder.build();
        GridSampler grid = GridSampler.of(Map.of(), 10);

        assertThat(grid.size(wide)).isEqualTo(Long.MAX_VALUE);
        assertThat(sample(grid, wide, 0).orElseThrow().values()).containsOnly(0L);
        assertThat(sample(grid, wide, 12).orElseThrow()).containsEntry("p23", 1L).containsEntry("p24", 2L);
    }

    @Test
    void gridPointsApplyPerParameterWithADefaultForTheRest() {
        SearchSpace space = SearchSpace.builder()
                .add("lr", FloatDistribution.logUniform(1e-4, 1e-1))
                .add("dropout", FloatDistribution.uniform(0.0, 1.0))
                .build();
        GridSampler grid = GridSampler.of(Map.of("lr", 4), 2);

        assertThat(grid.size(space)).isEqualTo(8);
        List<Double> lrs = new ArrayList<>();
        for (long n = 0; n < 8; n += 2) {
            Map<String, Object> params = sample(grid, space, n).orElseThrow();
            lrs.add((Double) params.get("lr"));
            assertThat(params.get("dropout")).isEqualTo(0.0);
        }
        assertThat(lrs.get(0)).isEqualTo(1e-4);
        assertThat(lrs.get(1)).isCloseTo(1e-3, within(1e-15));
        assertThat(lrs.get(2)).isCloseTo(1e-2, within(1e-15));
        assertThat(lrs.get(3)).isEqualTo(1e-1);
    }

    @Test
    void axesWhoseRoundedPointsCoincideAreDeduplicated() {
        // Nine log-spaced points on 1..10 round to only seven distinct integers.
        SearchSpace space = SearchSpace.builder().add("units", IntDistribution.logUniform(1, 10)).build();
        GridSampler grid = GridSampler.of(Map.of("units", 9), 2);

        assertThat(grid.size(space)).isEqualTo(7);
        Set<Object> units = new HashSet<>();
        for (long n = 0; n < 7; n++) {
            units.add(sample(grid, space, n).orElseThrow().get("units"));
        }
        assertThat(units).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 6L, 7L, 10L);
    }

    @Test
    void rejectsFewerThanTwoGridPointsNamingTheParameter() {
        assertThatThrownBy(() -> GridSampler.of(Map.of("lr", 1), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`gridPoints.lr` must be >= 2, but was 1");
        assertThatThrownBy(() -> GridSampler.of(Map.of(), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`defaultGridPoints` must be >= 2, but was 1");
    }

    @Test
    void rejectsGridPointsForAParameterTheSpaceDoesNotHave() {
        GridSampler grid = GridSampler.of(Map.of("momentum", 3), 4);

        assertThatThrownBy(() -> grid.size(SMALL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`gridPoints` must only name parameters of the space [optimizer, layers, dropout],"
                        + " but named `momentum`");
        assertThatThrownBy(() -> grid.sample(SMALL, StudyHistory.empty(), SuggestionContext.of(SEED, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("`momentum`");
    }

    private static Optional<Map<String, Object>> sample(GridSampler grid, SearchSpace space, long n) {
        return grid.sample(space, StudyHistory.empty(), SuggestionContext.of(SEED, n));
    }

    private static Map<String, Object> point(String optimizer, long layers, double dropout) {
        return Map.of("optimizer", optimizer, "layers", layers, "dropout", dropout);
    }
}
