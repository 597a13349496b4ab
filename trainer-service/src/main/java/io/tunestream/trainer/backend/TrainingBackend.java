package io.tunestream.trainer.backend;

import io.tunestream.contracts.events.TrialSuggested;

/** Something that can train a trial's model one epoch at a time. */
public interface TrainingBackend {

    /** The name a study spec uses in {@code trainer.backend}. */
    String name();

    /** Prepares the trial (parses its parameters and settings); fails if they are not usable. */
    TrainingSession open(TrialSuggested trial) throws TrialFailedException;
}
