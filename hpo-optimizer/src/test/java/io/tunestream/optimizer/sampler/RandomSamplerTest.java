package io.tunestream.optimizer.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.space.CategoricalDistribution;
import io.tunestream.optimizer.space.FloatDistribution;
import io.tunestream.optimizer.space.IntDistribution;
import io.tunestream.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomSamplerTest extends SamplerContractTest {

    private static final int DRAWS = 5_000;

    @Override
    protected Sampler sampler() {
        return RandomSampler.create();
    }

    @Test
    void aUniformFloatHasItsMeanAtTheMidpoint() {
        SearchSpace space = SearchSpace.builder().add("x", FloatDistribution.uniform(0.0, 10.0)).build();

        double sum = 0;
        for (Object x : draw(space, "x", SEED)) {
            sum += space.get("x").toUnit(x);
        }

        assertThat(sum / DRAWS).isCloseTo(0.5, within(0.02));
    }

    @Test
    void aLogUniformFloatFallsBelowTheGeometricMidpointHalfTheTimeAndFillsEachDecadeEqually() {
        SearchSpace space = SearchSpace.builder().add("lr", FloatDistribution.logUniform(1e-4, 1e-1)).build();
        double geometricMidpoint = Math.sqrt(1e-4 * 1e-1);

        int below = 0;
        int[] decades = new int[3];
        for (Object lr : draw(space, "lr", SEED)) {
            double v = (Double) lr;
            below += v < geometricMidpoint ? 1 : 0;
            decades[Math.min(2, (int) Math.floor(Math.log10(v) + 4))]++;
        }

        assertThat(below / (double) DRAWS).isCloseTo(0.5, within(0.03));
        for (int count : decades) {
            assertThat(count / (double) DRAWS).isCloseTo(1.0 / 3, within(0.03));
        }
    }

    @Test
    void everyIntAndEveryChoiceIsEquallyLikely() {
        SearchSpace space = SearchSpace.builder()
                .add("layers", IntDistribution.uniform(1, 4))
                .add("optimizer", CategoricalDistribution.of("adam", "sgd", "rmsprop", "adamw", "lion"))
                .build();

        Map<Object, Integer> layers = new HashMap<>();
        Map<Object, Integer> optimizers = new HashMap<>();
        for (long n = 0; n < DRAWS; n++) {
            Map<String, Object> params = sampler().sample(space, StudyHistory.empty(), SuggestionContext.of(SEED, n))
                    .orElseThrow();
            layers.merge(params.get("layers"), 1, Integer::sum);
            optimizers.merge(params.get("optimizer"), 1, Integer::sum);
        }

        assertThat(layers).containsOnlyKeys(1L, 2L, 3L, 4L);
        layers.values().forEach(count -> assertThat(count / (double) DRAWS).isCloseTo(0.25, within(0.03)));
        assertThat(optimizers).hasSize(5);
        optimizers.values().forEach(count -> assertThat(count / (double) DRAWS).isCloseTo(0.2, within(0.03)));
    }

    @Test
    void continuousSuggestionsDoNotRepeat() {
        Set<Object> distinct = new HashSet<>(draw(MIXED, "lr", SEED).subList(0, 200));

        assertThat(distinct).hasSize(200);
    }

    @Test
    void anotherStudySeedGivesOtherSuggestions() {
        assertThat(draw(MIXED, "lr", SEED + 1).subList(0, 20)).isNotEqualTo(draw(MIXED, "lr", SEED).subList(0, 20));
    }

    @Test
    void aTrialsSuggestionDoesNotDependOnWhichTrialsWereAskedForBefore() {
        Map<String, Object> alone = suggest(StudyHistory.empty(), 7);
        for (long n = 0; n < 7; n++) {
            suggest(StudyHistory.empty(), n);
        }

        assertThat(suggest(StudyHistory.empty(), 7)).isEqualTo(alone);
    }

    @Test
    void ignoresTheHistoryEntirely() {
        for (long n = 20; n < 40; n++) {
            assertThat(suggest(completedHistory(20), n)).isEqualTo(suggest(StudyHistory.empty(), n));
        }
    }

    private List<Object> draw(SearchSpace space, String name, long seed) {
        List<Object> values = new ArrayList<>(DRAWS);
        for (long n = 0; n < DRAWS; n++) {
            values.add(sampler().sample(space, StudyHistory.empty(), SuggestionContext.of(seed, n)).orElseThrow().get(name));
        }
        return values;
    }
}
