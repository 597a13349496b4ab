package io.tunestream.contracts.spec;

import java.util.Optional;

/**
 * What happens at the end of a study: the best completed trial's configuration is evaluated once on
 * the held-out test set, and, with {@code retrain: true}, retrained on train + validation first and the
 * model saved in {@code modelDir} (a directory on the trainers, e.g. a shared volume; the study's
 * model goes into {@code <modelDir>/<studyId>}; without it, the trainers' configured
 * {@code tunestream.trainer.model-dir}). Only the {@code builtin} backend has a test set.
 */
public record FinalizeSpec(Boolean retrain, String modelDir) {

    /** Test evaluation of the selected model, no retraining, nothing saved: what a builtin study gets by default. */
    public static FinalizeSpec evaluateOnly() {
        return new FinalizeSpec(false, null);
    }

    public boolean retrainOrDefault() {
        return Boolean.TRUE.equals(retrain);
    }

    public Optional<String> modelDirectory() {
        return Optional.ofNullable(modelDir).filter(dir -> !dir.isBlank());
    }
}
