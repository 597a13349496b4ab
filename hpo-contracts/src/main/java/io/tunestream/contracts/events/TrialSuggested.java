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
 *
 * <p>{@code finalizeJob} (absent from the records of earlier versions, which therefore read as
 * ordinary trials) marks the one item that ends a study: the best trial's configuration evaluated on
 * the test set. It has its own trial id ({@link #finalTrialId}) and the next free trial number, so that
 * it never collides with a trial of the search.
 *
 * <p>{@code retry} (absent from first copies) marks a copy of a trial's work item published again after
 * the work queue gave up on the earlier copy (see {@link RetryOf}).
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
        Instant suggestedAt,
        FinalizeJob finalizeJob,
        RetryOf retry) {

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
        if (finalizeJob != null && !trialId.equals(finalTrialId(studyId))) {
            throw new IllegalArgumentException("trialId of a finalize job must be " + finalTrialId(studyId) + ", but was " + trialId);
        }
        if (finalizeJob != null && retry != null) {
            throw new IllegalArgumentException("retry must be absent from a finalize job, but was " + retry);
        }
    }

    /** A first copy of a trial or a finalize job. */
    public TrialSuggested(int schemaVersion, String studyId, String trialId, long trialNumber, Map<String, Object> params, int maxEpochs,
                          String objectiveMetric, TrainerSpec trainer, long seed, Instant suggestedAt, FinalizeJob finalizeJob) {
        this(schemaVersion, studyId, trialId, trialNumber, params, maxEpochs, objectiveMetric, trainer, seed, suggestedAt, finalizeJob, null);
    }

    /** A trial of the search (no finalize job). */
    public TrialSuggested(int schemaVersion, String studyId, String trialId, long trialNumber, Map<String, Object> params, int maxEpochs,
                          String objectiveMetric, TrainerSpec trainer, long seed, Instant suggestedAt) {
        this(schemaVersion, studyId, trialId, trialNumber, params, maxEpochs, objectiveMetric, trainer, seed, suggestedAt, null, null);
    }

    /** This trial's work item again, for a retry: same trial, configuration and seed. */
    public TrialSuggested retried(RetryOf retryOf, Instant at) {
        return new TrialSuggested(schemaVersion, studyId, trialId, trialNumber, params, maxEpochs, objectiveMetric, trainer, seed, at,
                finalizeJob, Checks.requireNonNull(retryOf, "retry"));
    }

    /** The retry this copy is, when it is one. */
    public java.util.Optional<RetryOf> retryOf() {
        return java.util.Optional.ofNullable(retry);
    }

    /** Whether this item is a study's final evaluation. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isFinalize() {
        return finalizeJob != null;
    }

    /** The finalize job, when this item is one. */
    public java.util.Optional<FinalizeJob> finalizeOf() {
        return java.util.Optional.ofNullable(finalizeJob);
    }

    /** The trial id of a study's final evaluation: one per study. */
    public static String finalTrialId(String studyId) {
        return studyId + "-final";
    }

    /** Whether {@code trialId} is the final evaluation of {@code studyId}. */
    public static boolean isFinalTrialId(String studyId, String trialId) {
        return finalTrialId(studyId).equals(trialId);
    }

    /** The id of trial {@code trialNumber} of a study: stable, so a re-published suggestion is recognised. */
    public static String trialId(String studyId, long trialNumber) {
        return studyId + "-t" + trialNumber;
    }
}
