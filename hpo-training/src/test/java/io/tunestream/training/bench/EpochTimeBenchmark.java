package io.tunestream.training.bench;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tunestream.training.data.DatasetLoader;
import io.tunestream.training.data.DatasetSource;
import io.tunestream.training.model.Hyperparameters;
import io.tunestream.training.run.Experiment;
import io.tunestream.training.run.ExperimentConfig;

/**
 * Per-epoch wall time of the built-in MLP on digits (60% = 1078 training rows, batch 32, SGD), for the
 * README's numbers. Not part of the test suite (the name does not end in Test); run it with
 * {@code ./mvnw -B -q verify -pl hpo-training -Dtest=EpochTimeBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It prints and asserts nothing about time.
 */
class EpochTimeBenchmark {

    @Test
    void epochTimes() throws Exception {
        var digits = DatasetLoader.digits();
        for (int threads : new int[] {1, 2}) {
            for (int[] shape : new int[][] {{2, 64}, {3, 256}}) {
                var hp = Hyperparameters.parse(Map.of("hidden_layers", shape[0], "units_per_layer", shape[1], "batch_size", 32, "learning_rate", 0.05), 12);
                var config = ExperimentConfig.defaults(new DatasetSource.Digits()).withThreads(threads);
                double total = 0;
                int measured = 0;
                double lastAccuracy = 0;
                try (var experiment = Experiment.open(digits, config, hp, 1)) {
                    for (int e = 1; e <= 12; e++) {
                        var metrics = experiment.trainEpoch().orElseThrow();
                        if (e > 2) { // the first epochs warm up the JIT and libtorch's allocator
                            total += metrics.get("epoch_seconds");
                            measured++;
                        }
                        lastAccuracy = metrics.get("val_accuracy");
                    }
                    System.out.printf("EPOCH-TIME %dx%d threads=%d params=%d: %.1f ms/epoch (mean of %d epochs), val_accuracy after 12 epochs %.4f%n",
                            shape[0], shape[1], threads, experiment.parameterCount(), 1000 * total / measured, measured, lastAccuracy);
                }
            }
        }
    }
}
