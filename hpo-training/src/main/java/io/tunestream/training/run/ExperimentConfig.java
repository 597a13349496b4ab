package io.tunestream.training.run;

import java.util.Objects;
import java.util.OptionalInt;

import io.tunestream.training.data.DatasetSource;

/**
 * How a trial's data is split and where it trains; the same for every trial of a study, so that they
 * are compared on the same validation rows and never see the test rows.
 *
 * @param validationFraction share of each class held out for validation (ignored with k folds)
 * @param testFraction       share of each class held out for the final test, never trained or selected on
 * @param folds              1 for a single train / validation split; k ≥ 2 for k-fold cross-validation
 *                           of train + validation, the objective being the mean over the folds
 * @param splitSeed          seed of the split and the folds (the trial's own seed drives weights and batches)
 * @param maxSamples         a stratified sample of at most this many rows before splitting (to try a large
 *                           dataset quickly); empty uses every row
 * @param threads            PyTorch intra-op threads of the calling slot (1 keeps a small machine responsive)
 */
public record ExperimentConfig(
        DatasetSource source,
        double validationFraction,
        double testFraction,
        int folds,
        long splitSeed,
        OptionalInt maxSamples,
        int threads,
        DeviceChoice device) {

    public ExperimentConfig {
        Objects.requireNonNull(source, "source");
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in [0, 1), but was " + validationFraction);
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in [0, 1), but was " + testFraction);
        }
        if (validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("validationFraction + testFraction must be < 1, but was " + (validationFraction + testFraction));
        }
        if (folds < 1 || folds > 50) {
            throw new IllegalArgumentException("folds must be in [1, 50], but was " + folds);
        }
        if (folds == 1 && validationFraction == 0) {
            throw new IllegalArgumentException("validationFraction must be > 0 without cross-validation (folds = 1)");
        }
        Objects.requireNonNull(maxSamples, "maxSamples");
        if (maxSamples.isPresent() && maxSamples.getAsInt() < 10) {
            throw new IllegalArgumentException("maxSamples must be >= 10, but was " + maxSamples.getAsInt());
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be in [1, 256], but was " + threads);
        }
        Objects.requireNonNull(device, "device");
    }

    /** Digits, 20% validation, 20% test, no folds, split seed 0, every row, 1 thread, auto device. */
    public static ExperimentConfig defaults(DatasetSource source) {
        return new ExperimentConfig(source, 0.2, 0.2, 1, 0L, OptionalInt.empty(), 1, DeviceChoice.AUTO);
    }

    public ExperimentConfig withFolds(int k) {
        return new ExperimentConfig(source, validationFraction, testFraction, k, splitSeed, maxSamples, threads, device);
    }

    public ExperimentConfig withThreads(int n) {
        return new ExperimentConfig(source, validationFraction, testFraction, folds, splitSeed, maxSamples, n, device);
    }

    public boolean crossValidated() {
        return folds > 1;
    }
}
