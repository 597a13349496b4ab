package io.tunestream.contracts.events;

import java.time.Instant;
import java.util.Map;

import io.tunestream.contracts.Checks;
import io.tunestream.contracts.SchemaVersion;
import io.tunestream.contracts.spec.TrainerSpec;

/**
 * One trial to run: the work item of the trainers' share group. Self-contained, so that a trainer
 * needs nothing else to run it: parameters (numbers as JSON numbers, never strings), the epoch budget,
 * the metric to report as the objective, the backend and its settings, and the trial's own seed.
 */
public record TrialSuggested(
        int schemaVersion,
        String studyId,
        String trialId,
        long trialNumber,
        Map<String, Object> params,
        int maxEpochs,
        String objectiveMetric,
        TrainerSpec trainer,
        long seed,
        Instant suggestedAt) {

    public TrialSuggested {
        Checks.requireSchemaVersion(schemaVersion, "TrialSuggested");
        Checks.requireText(studyId, "studyId");
        Checks.requireText(trialId, "trialId");
        Checks.requireAtLeast(trialNumber, 0, "trialNumber");
        params = Checks.copy(Checks.requireNonNull(params, "params"));
        params.forEach((name, value) -> {
            if (!(value instanceof String || value instanceof Boolean || (value instanceof Number n && Double.isFinite(n.doubleValue())))) {
                throw new IllegalArgumentException("params." + name + " must be a string, a boolean or a finite number, but was " + value);
            }
        });
        Checks.requireAtLeast(maxEpochs, 1, "maxEpochs");
        Checks.requireText(objectiveMetric, "objectiveMetric");
        Checks.requireNonNull(trainer, "trainer");
        Checks.requireText(trainer.backend(), "trainer.backend");
        Checks.requireNonNull(suggestedAt, "suggestedAt");
    }

    /** The id of trial {@code trialNumber} of a study: stable, so a re-published suggestion is recognised. */
    public static String trialId(String studyId, long trialNumber) {
        return studyId + "-t" + trialNumber;
    }
}
