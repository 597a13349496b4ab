package io.tunestream.trainer.backend;

import java.util.Map;
import java.util.Optional;

/** One trial being trained. The runner calls {@link #trainEpoch} for epochs 1, 2, ... in order. */
public interface TrainingSession extends AutoCloseable {

    /**
     * Trains one more epoch and returns its metrics (the objective metric among them), or empty when
     * the training ended normally before this epoch (a user's program may train fewer epochs than the
     * budget allows).
     *
     * @throws TrialFailedException when training cannot go on; the message says why
     * @throws InterruptedException when the slot is shutting down
     */
    Optional<Map<String, Double>> trainEpoch(int epoch) throws TrialFailedException, InterruptedException;

    /** Ends the training (also early, on a STOP) and frees what the session holds. */
    @Override
    default void close() {
    }
}
