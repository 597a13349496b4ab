package io.tunestream.training.run;

import static io.tunestream.training.run.ExperimentTest.train;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tunestream.training.data.DatasetSource;
import io.tunestream.training.model.Hyperparameters;
import io.tunestream.training.model.InvalidHyperparameterException;
import io.tunestream.training.model.Mlp;

/**
 * Every hyperparameter of the built-in MLP changes training the way it should. Each comparison trains
 * twice with the same trial seed (same initial weights, same batch order) and one parameter changed.
 */
class HyperparameterEffectsTest {

    static final ExperimentConfig CONFIG = ExperimentConfig.defaults(new DatasetSource.Digits());

    @BeforeAll
    static void load() throws IOException {
        ExperimentTest.load();
    }

    private static Map<String, Object> with(Map<String, Object> base, String name, Object value) {
        var params = new HashMap<>(base);
        params.put(name, value);
        return params;
    }

    private static double last(List<Map<String, Double>> curve, String metric) {
        return curve.get(curve.size() - 1).get(metric);
    }

    private static final Map<String, Object> BASE = Map.of("learning_rate", 0.02, "units_per_layer", 32, "batch_size", 32, "momentum", 0.0);

    @Test
    void learningRateZeroLearnsNothing() {
        var frozen = train(CONFIG, with(BASE, "learning_rate", 0.0), 3, 5);
        assertThat(frozen).extracting(m -> m.get("train_loss")).containsOnly(frozen.get(0).get("train_loss"));
        assertThat(frozen).extracting(m -> m.get("val_accuracy")).containsOnly(frozen.get(0).get("val_accuracy"));
        assertThat(last(frozen, "val_accuracy")).as("random weights: about chance (0.1)").isLessThan(0.35);
        var learning = train(CONFIG, with(with(BASE, "learning_rate", 0.05), "momentum", 0.9), 3, 5);
        assertThat(last(learning, "val_accuracy")).isGreaterThan(0.85);
    }

    @Test
    void moreLayersAndMoreUnitsMeanMoreParameters() {
        long previous = 0;
        for (int layers = 0; layers <= 3; layers++) {
            var curve = train(CONFIG, Map.of("hidden_layers", layers, "units_per_layer", 32, "epochs", 1), 1, 1);
            long parameters = curve.get(0).get("parameters").longValue();
            assertThat(parameters).isGreaterThan(previous)
                    .isEqualTo(Mlp.parameterCount(Hyperparameters.parse(Map.of("hidden_layers", layers, "units_per_layer", 32), 1), 64, 10));
            previous = parameters;
        }
        assertThat(Mlp.parameterCount(Hyperparameters.parse(Map.of("hidden_layers", 0), 1), 64, 10)).as("logistic regression").isEqualTo(64 * 10 + 10);
        long narrow = train(CONFIG, Map.of("units_per_layer", 16), 1, 1).get(0).get("parameters").longValue();
        long wide = train(CONFIG, Map.of("units_per_layer", 128), 1, 1).get(0).get("parameters").longValue();
        assertThat(wide).isGreaterThan(narrow);
    }

    @Test
    void dropoutChangesTrainingButNotEvaluation() {
        var off = train(CONFIG, with(BASE, "dropout", 0.0), 3, 9);
        var on = train(CONFIG, with(BASE, "dropout", 0.5), 3, 9);
        assertThat(last(on, "train_loss")).isNotEqualTo(last(off, "train_loss"));
        // Dropout is a training-time noise: evaluation runs without it, so scoring twice gives the same value.
        var hp = Hyperparameters.parse(with(BASE, "dropout", 0.5), 2);
        var digits = ExperimentTest.digits;
        var plan = DataPlan.of(digits, CONFIG);
        try (var model = new MlpModel(digits, plan.partition().train(), plan.partition().validation(), hp, 3, ai.djl.Device.cpu(), 1)) {
            model.trainEpoch(1);
            assertThat(model.evaluate()).isEqualTo(model.evaluate());
        }
    }

    @Test
    void decayLowersTheLearningRateEveryEpoch() {
        var curve = train(CONFIG, with(with(BASE, "lr_decay", 0.3), "lr_schedule", "exponential"), 4, 1);
        for (int e = 0; e < 4; e++) {
            assertThat(curve.get(e).get("learning_rate")).isCloseTo(0.02 * Math.pow(0.7, e), org.assertj.core.data.Offset.offset(1e-12));
            if (e > 0) {
                assertThat(curve.get(e).get("learning_rate")).isLessThan(curve.get(e - 1).get("learning_rate"));
            }
        }
        var step = train(CONFIG, with(with(with(BASE, "lr_decay", 0.5), "lr_schedule", "step"), "lr_step_size", 2), 4, 1);
        assertThat(step).extracting(m -> m.get("learning_rate")).containsExactly(0.02, 0.02, 0.01, 0.01);
        var cosine = train(CONFIG, with(with(BASE, "lr_decay", 0.9), "lr_schedule", "cosine"), 3, 1);
        assertThat(cosine.get(0).get("learning_rate")).isEqualTo(0.02);
        assertThat(cosine.get(1).get("learning_rate")).isCloseTo(0.02 * 0.1 + 0.02 * 0.9 * 0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(cosine.get(2).get("learning_rate")).isCloseTo(0.02 * 0.1, org.assertj.core.data.Offset.offset(1e-12));
        var constant = train(CONFIG, BASE, 3, 1);
        assertThat(constant).extracting(m -> m.get("learning_rate")).containsOnly(0.02);
        // And a lower rate really trains less: the decayed run's last epoch moves the loss less.
        assertThat(last(curve, "train_loss")).isGreaterThan(last(constant, "train_loss") - 1e-12);
    }

    @Test
    void momentumSpeedsUpSgd() {
        var plain = train(CONFIG, with(BASE, "learning_rate", 0.005), 3, 2);
        var heavy = train(CONFIG, with(with(BASE, "learning_rate", 0.005), "momentum", 0.9), 3, 2);
        assertThat(last(heavy, "train_loss")).isLessThan(last(plain, "train_loss"));
    }

    @Test
    void smallerBatchesMakeMoreUpdatesPerEpoch() {
        var small = train(CONFIG, with(BASE, "batch_size", 16), 1, 4);
        var whole = train(CONFIG, with(BASE, "batch_size", 4096), 1, 4);
        assertThat(last(small, "train_loss")).isLessThan(last(whole, "train_loss"));
    }

    @Test
    void weightDecayPullsTheWeightsTowardsZero() {
        var free = train(CONFIG, BASE, 3, 6);
        var decayed = train(CONFIG, with(BASE, "weight_decay", 0.5), 3, 6);
        assertThat(last(decayed, "train_loss")).isGreaterThan(last(free, "train_loss"));
    }

    @Test
    void theEpochsHyperparameterEndsTrainingEarly() {
        assertThat(train(CONFIG, with(BASE, "epochs", 2), 5, 1)).hasSize(2);
        assertThat(train(CONFIG, BASE, 3, 1)).as("default: the trial's budget").hasSize(3);
    }

    @Test
    void everyActivationAndOptimizerTrainsAndChangesTheCurve() {
        var finals = new HashMap<String, Double>();
        for (String activation : List.of("relu", "tanh", "sigmoid", "gelu", "leaky_relu")) {
            var curve = train(CONFIG, with(with(with(BASE, "activation", activation), "learning_rate", 0.1), "momentum", 0.9), 3, 8);
            assertThat(last(curve, "val_accuracy")).as(activation).isGreaterThan(0.5);
            finals.put(activation, last(curve, "train_loss"));
        }
        assertThat(finals.values()).doesNotHaveDuplicates();
        var adam = train(CONFIG, with(with(BASE, "optimizer", "adam"), "learning_rate", 0.005), 2, 8);
        var sgd = train(CONFIG, with(BASE, "learning_rate", 0.005), 2, 8);
        assertThat(last(adam, "val_accuracy")).isGreaterThan(0.85);
        assertThat(last(adam, "train_loss")).isNotEqualTo(last(sgd, "train_loss"));
    }

    @Test
    void unknownAndOutOfRangeParametersAreRejectedWithTheirRule() {
        assertThatThrownBy(() -> Hyperparameters.parse(Map.of("learning_rat", 0.1, "dropout", 1.0, "momentum", "high", "optimizer", "rmsprop"), 5))
                .isInstanceOf(InvalidHyperparameterException.class)
                .satisfies(e -> assertThat(((InvalidHyperparameterException) e).problems()).containsExactly(
                        "unknown hyperparameter learning_rat (the builtin backend takes: activation, batch_size, dropout, epochs, hidden_layers,"
                                + " learning_rate, lr_decay, lr_schedule, lr_step_size, momentum, optimizer, units_per_layer, weight_decay)",
                        "momentum must be a finite number, but was \"high\"",
                        "optimizer must be one of sgd, adam, but was \"rmsprop\"",
                        "dropout must be in [0, 1), but was 1.0"));
        assertThat(Hyperparameters.parse(Map.of("batch_size", 64.0, "hidden_layers", 3L), 5).batchSize()).as("64.0 is an integer").isEqualTo(64);
    }
}
