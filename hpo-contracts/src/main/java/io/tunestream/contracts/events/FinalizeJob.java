package io.tunestream.contracts.events;

import io.tunestream.contracts.Checks;

/**
 * Marks a work item as a study's final evaluation rather than a trial of the search: train the
 * configuration of trial {@code trialNumber} (the best completed one) and score it once on the test
 * set, retrained on train + validation and saved under {@code modelDir} when {@code retrain} is set.
 *
 * @param trialNumber the trial whose configuration and seed are evaluated
 * @param trialId     that trial's id
 * @param retrain     train on train + validation (and save) instead of reproducing the selected model
 * @param modelDir    the study's {@code finalize.modelDir}; null: the trainer's configured directory
 */
public record FinalizeJob(long trialNumber, String trialId, boolean retrain, String modelDir) {

    public FinalizeJob {
        Checks.requireAtLeast(trialNumber, 0, "finalizeJob.trialNumber");
        Checks.requireText(trialId, "finalizeJob.trialId");
        if (modelDir != null && modelDir.isBlank()) {
            throw new IllegalArgumentException("finalizeJob.modelDir must not be blank when given");
        }
    }
}
