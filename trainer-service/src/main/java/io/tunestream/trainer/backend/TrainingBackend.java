package io.tunestream.trainer.backend;

import io.tunestream.contracts.events.TrialSuggested;

/** Something that can train a trial's model one epoch at a time. */
public interface TrainingBackend {

    /** The name a study spec uses in {@code trainer.backend}. */
    String name();

    /** Prepares the trial (parses its parameters and settings); fails if they are not usable. */
    TrainingSession open(TrialSuggested trial) throws TrialFailedException;

    /**
     * Runs a study's final evaluation ({@link TrialSuggested#finalizeOf()}): trains the evaluated
     * trial's configuration and scores it once on the held-out test set. Only a backend that owns its
     * data split has a test set; the others fail the job.
     *
     * @throws InterruptedException when the slot is shutting down
     */
    default FinalOutcome evaluateFinal(TrialSuggested job) throws TrialFailedException, InterruptedException {
        throw new TrialFailedException("backend " + name() + " has no held-out test set, so it cannot run a final evaluation");
    }
}
