package io.tunestream.training.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tunestream.training.data.DatasetSource;
import io.tunestream.training.model.Hyperparameters;

/** The final evaluation: once, on rows no trial trained or was selected on. */
class FinalEvaluationTest {

    static final ExperimentConfig CONFIG = ExperimentConfig.defaults(new DatasetSource.Digits());

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws IOException {
        ExperimentTest.load();
    }

    private static Set<Integer> set(int[] rows) {
        return Arrays.stream(rows).boxed().collect(Collectors.toSet());
    }

    @Test
    void testRowsAreNeverTrainedOrValidatedOnByAnyTrial() {
        for (var config : new ExperimentConfig[] {CONFIG, CONFIG.withFolds(5)}) {
            var plan = DataPlan.of(ExperimentTest.digits, config);
            var test = set(plan.partition().test());
            assertThat(test).isNotEmpty();
            for (var fold : plan.folds()) {
                assertThat(set(fold.train())).doesNotContainAnyElementsOf(test);
                assertThat(set(fold.validation())).doesNotContainAnyElementsOf(test);
            }
            var seen = new HashSet<Integer>(test);
            plan.folds().forEach(f -> seen.addAll(set(f.validation())));
            plan.folds().forEach(f -> seen.addAll(set(f.train())));
            assertThat(seen).as("every row is used").hasSize(ExperimentTest.digits.rows());
        }
    }

    @Test
    void theTestSetIsScoredExactlyOnceAndWithoutRetrainingTheSelectedModelIsReproduced() throws IOException {
        var params = Map.<String, Object>of("learning_rate", 0.05, "units_per_layer", 32);
        var trial = ExperimentTest.train(CONFIG, params, 4, 21);
        var evaluations = new AtomicInteger();
        var result = FinalEvaluation.run(ExperimentTest.digits, CONFIG, Hyperparameters.parse(params, 4), 21, false, Optional.empty(),
                model -> evaluations.set(model.evaluations()));
        assertThat(evaluations.get()).isEqualTo(1);
        assertThat(result.metrics().get("train_loss")).as("same rows, same seed: the trial's model")
                .isEqualTo(trial.get(3).get("train_loss"));
        assertThat(result.metrics().get("test_accuracy")).isGreaterThan(0.9);
        assertThat(result.metrics().get("test_rows") + result.metrics().get("train_rows")).isLessThan(ExperimentTest.digits.rows());
        assertThat(result.modelPath()).isEmpty();
    }

    @Test
    void retrainingUsesTrainAndValidationAndSavesAUsableModel() throws IOException {
        var hp = Hyperparameters.parse(Map.of("learning_rate", 0.05, "units_per_layer", 32), 3);
        var result = FinalEvaluation.run(ExperimentTest.digits, CONFIG, hp, 5, true, Optional.of(dir.resolve("model")));
        var plan = DataPlan.of(ExperimentTest.digits, CONFIG);
        assertThat(result.metrics().get("train_rows")).isEqualTo((double) plan.partition().trainAndValidation().length);
        assertThat(result.modelPath()).contains(dir.resolve("model"));
        assertThat(Files.size(dir.resolve("model").resolve("mlp-0000.params"))).isGreaterThan(4 * 64 * 32);
        var json = Files.readString(dir.resolve("model").resolve("model.json"));
        assertThat(json).contains("\"units_per_layer\": 32").contains("\"test_accuracy\": " + result.metrics().get("test_accuracy"));
    }
}
