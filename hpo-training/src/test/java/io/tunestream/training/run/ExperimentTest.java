package io.tunestream.training.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tunestream.training.data.Dataset;
import io.tunestream.training.data.DatasetLoader;
import io.tunestream.training.data.DatasetSource;
import io.tunestream.training.model.Hyperparameters;

/** Training on the bundled digits: it learns, and the metrics of an epoch are what they claim. */
class ExperimentTest {

    static Dataset digits;
    static final ExperimentConfig CONFIG = ExperimentConfig.defaults(new DatasetSource.Digits());

    @BeforeAll
    static void load() throws IOException {
        digits = DatasetLoader.digits();
    }

    static List<Map<String, Double>> train(ExperimentConfig config, Map<String, Object> params, int maxEpochs, long seed) {
        var hp = Hyperparameters.parse(params, maxEpochs);
        var curve = new ArrayList<Map<String, Double>>();
        try (var experiment = Experiment.open(digits, config, hp, seed)) {
            var epoch = experiment.trainEpoch();
            while (epoch.isPresent()) {
                curve.add(epoch.get());
                epoch = experiment.trainEpoch();
            }
        }
        return curve;
    }

    @Test
    void aSmallNetLearnsDigits() {
        var curve = train(CONFIG, Map.of("learning_rate", 0.05, "hidden_layers", 2, "units_per_layer", 64), 10, 1);
        assertThat(curve).hasSize(10);
        var last = curve.get(curve.size() - 1);
        assertThat(last.get("val_accuracy")).isGreaterThan(0.93);
        assertThat(last.get("train_loss")).isLessThan(curve.get(0).get("train_loss"));
        assertThat(last).containsKeys("train_loss", "train_accuracy", "val_loss", "val_accuracy", "accuracy_gap", "learning_rate",
                "epoch_seconds", "parameters");
        assertThat(last.get("accuracy_gap")).isEqualTo(last.get("train_accuracy") - last.get("val_accuracy"));
        assertThat(last.get("parameters")).isEqualTo(64 * 64 + 64 + 64 * 64 + 64 + 64 * 10 + 10.0);
    }

    @Test
    void theSameSeedTrainsTheSameModel() {
        var params = Map.<String, Object>of("learning_rate", 0.05, "batch_size", 64);
        var a = train(CONFIG, params, 3, 7);
        var b = train(CONFIG, params, 3, 7);
        for (int e = 0; e < 3; e++) {
            var left = new HashMap<>(a.get(e));
            var right = new HashMap<>(b.get(e));
            left.remove("epoch_seconds");
            right.remove("epoch_seconds");
            assertThat(left).isEqualTo(right);
        }
    }

    @Test
    void crossValidationReportsTheMeanOfItsFolds() {
        var curve = train(CONFIG.withFolds(3), Map.of("learning_rate", 0.05, "hidden_layers", 1, "units_per_layer", 32), 2, 3);
        assertThat(curve).hasSize(2);
        for (var epoch : curve) {
            double meanLoss = (epoch.get("fold0_val_loss") + epoch.get("fold1_val_loss") + epoch.get("fold2_val_loss")) / 3;
            double meanAccuracy = (epoch.get("fold0_val_accuracy") + epoch.get("fold1_val_accuracy") + epoch.get("fold2_val_accuracy")) / 3;
            assertThat(epoch.get("val_loss")).isCloseTo(meanLoss, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(epoch.get("val_accuracy")).isCloseTo(meanAccuracy, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(epoch.get("fold0_val_loss")).isNotEqualTo(epoch.get("fold1_val_loss"));
        }
    }
}
