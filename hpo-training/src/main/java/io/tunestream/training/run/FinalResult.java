package io.tunestream.training.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The chosen configuration's one evaluation on the held-out test set: {@code test_loss},
 * {@code test_accuracy}, the loss and accuracy on the rows it trained on, and the sizes; the directory
 * of the saved model when it was saved.
 */
public record FinalResult(Map<String, Double> metrics, Optional<Path> modelPath) {

    public FinalResult {
        metrics = Map.copyOf(metrics);
    }
}
