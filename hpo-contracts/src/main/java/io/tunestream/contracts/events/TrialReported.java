package io.tunestream.contracts.events;

import java.time.Instant;
import java.util.Map;

import io.tunestream.contracts.Checks;
import io.tunestream.contracts.SchemaVersion;

/**
 * What a trainer saw of one attempt of a trial. {@code attempt} is the share group's delivery count:
 * a trial re-run after a trainer died reports attempt 2, and consumers never let an older attempt
 * override a newer one. {@code epoch} counts from 1 for EPOCH reports and is the last epoch run for the
 * final ones (0 before any epoch). Metric values may be NaN (a diverged loss is the worst loss) but
 * never infinite.
 */
public record TrialReported(
        int schemaVersion,
        String studyId,
        String trialId,
        long trialNumber,
        int attempt,
        ReportKind kind,
        int epoch,
        Map<String, Double> metrics,
        String workerId,
        String message,
        Instant occurredAt) {

    public TrialReported {
        Checks.requireSchemaVersion(schemaVersion, "TrialReported");
        Checks.requireText(studyId, "studyId");
        Checks.requireText(trialId, "trialId");
        Checks.requireAtLeast(trialNumber, 0, "trialNumber");
        Checks.requireAtLeast(attempt, 1, "attempt");
        Checks.requireNonNull(kind, "kind");
        Checks.requireAtLeast(epoch, kind == ReportKind.EPOCH ? 1 : 0, "epoch");
        metrics = Checks.copy(metrics);
        metrics.forEach((name, value) -> {
            if (value == null || Double.isInfinite(value)) {
                throw new IllegalArgumentException("metrics." + name + " must be a number or NaN, but was " + value);
            }
        });
        if (kind == ReportKind.EPOCH && metrics.isEmpty()) {
            throw new IllegalArgumentException("metrics must not be empty for an EPOCH report");
        }
        Checks.requireText(workerId, "workerId");
        Checks.requireNonNull(occurredAt, "occurredAt");
    }

    public static TrialReported of(TrialSuggested trial, int attempt, ReportKind kind, int epoch,
                                   Map<String, Double> metrics, String workerId, String message) {
        return new TrialReported(SchemaVersion.CURRENT, trial.studyId(), trial.trialId(), trial.trialNumber(),
                attempt, kind, epoch, metrics, workerId, message, Instant.now());
    }
}
