package io.tunestream.trainer.backend;

import java.util.Map;
import java.util.Optional;

/**
 * What a study's final evaluation measured: test metrics ({@code test_accuracy}, {@code test_loss},
 * ...), the epochs trained, and where the retrained model was saved, if it was.
 */
public record FinalOutcome(Map<String, Double> metrics, int epochs, Optional<String> artifact) {

    public FinalOutcome {
        metrics = Map.copyOf(metrics);
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, but was " + epochs);
        }
    }
}
