package io.tunestream.results.aggregation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A study's final evaluation: the configuration of trial {@code trialNumber} (its best completed
 * trial) scored once on the held-out test set.
 *
 * @param metrics   {@code test_accuracy}, {@code test_loss} and the other numbers the trainer reported
 * @param modelPath where the retrained model was saved, when the study asked to retrain
 */
public record FinalEvaluation(long trialNumber, String trialId, Map<String, Object> params, Map<String, Double> metrics,
                              Optional<String> modelPath) {

    public FinalEvaluation {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
