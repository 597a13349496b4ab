package io.tunestream.trainer.backend;

import java.util.Map;

/** One trial being trained. The runner calls {@link #trainEpoch} for epochs 1, 2, ... in order. */
public interface TrainingSession extends AutoCloseable {

    /**
     * Trains one more epoch and returns its metrics (the objective metric among them).
     *
     * @throws TrialFailedException when training cannot go on; the message says why
     * @throws InterruptedException when the slot is shutting down
     */
    Map<String, Double> trainEpoch(int epoch) throws TrialFailedException, InterruptedException;

    @Override
    default void close() {
    }
}
