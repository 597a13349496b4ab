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
 * never infinite. {@code artifact} (optional) is where the attempt saved its model, e.g. the final
 * evaluation's retrained model.
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
        Instant occurredAt,
        String artifact) {

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
        if (artifact != null && (artifact.isBlank() || artifact.length() > 2000)) {
            throw new IllegalArgumentException("artifact must be 1-2000 characters when given, but was \"" + artifact + "\"");
        }
    }

    /** A report without an artifact. */
    public TrialReported(int schemaVersion, String studyId, String trialId, long trialNumber, int attempt, ReportKind kind, int epoch,
                         Map<String, Double> metrics, String workerId, String message, Instant occurredAt) {
        this(schemaVersion, studyId, trialId, trialNumber, attempt, kind, epoch, metrics, workerId, message, occurredAt, null);
    }

    /** The saved model, when the attempt saved one. */
    public java.util.Optional<String> artifactPath() {
        return java.util.Optional.ofNullable(artifact);
    }

    public static TrialReported of(TrialSuggested trial, int attempt, ReportKind kind, int epoch,
                                   Map<String, Double> metrics, String workerId, String message) {
        return new TrialReported(SchemaVersion.CURRENT, trial.studyId(), trial.trialId(), trial.trialNumber(),
                attempt, kind, epoch, metrics, workerId, message, Instant.now(), null);
    }

    /** As {@link #of}, with the path of the model the attempt saved. */
    public static TrialReported withArtifact(TrialSuggested trial, int attempt, ReportKind kind, int epoch,
                                             Map<String, Double> metrics, String workerId, String message, String artifact) {
        return new TrialReported(SchemaVersion.CURRENT, trial.studyId(), trial.trialId(), trial.trialNumber(),
                attempt, kind, epoch, metrics, workerId, message, Instant.now(), artifact);
    }
}
