package io.tunestream.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tunestream.contracts.InvalidEventException;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.spec.TrainerSpec;

class EventsTest {

    private final TrialSuggested trial = new TrialSuggested(1, "s-1", "s-1-t0", 0, Map.of("lr", 0.01, "layers", 2, "act", "relu"),
            5, "val_loss", new TrainerSpec("synthetic", Map.of("epochMillis", 10)), 42L, java.time.Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void trialSuggestedRoundTripsWithNumbersAsNumbers() {
        var json = Json.write(trial);
        assertThat(json).contains("\"lr\":0.01").contains("\"layers\":2").contains("\"schemaVersion\":1");
        var back = Json.read(json, TrialSuggested.class);
        assertThat(back).isEqualTo(trial);
    }

    @Test
    void reportWithNanMetricRoundTrips() {
        var report = TrialReported.of(trial, 2, ReportKind.EPOCH, 3, Map.of("val_loss", Double.NaN), "w-1", null);
        var back = Json.read(Json.write(report), TrialReported.class);
        assertThat(back.metrics().get("val_loss")).isNaN();
        assertThat(back.attempt()).isEqualTo(2);
    }

    @Test
    void invalidEventsNameTheEventAndTheRule() {
        var json = Json.write(TrialReported.of(trial, 1, ReportKind.EPOCH, 1, Map.of("val_loss", 1.0), "w", null));
        assertThatThrownBy(() -> Json.read(json.replace("\"attempt\":1", "\"attempt\":0"), TrialReported.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("TrialReported: attempt must be >= 1, but was 0");
        assertThatThrownBy(() -> Json.read(json.replace("\"schemaVersion\":1", "\"schemaVersion\":7"), TrialReported.class))
                .hasMessage("TrialReported: schemaVersion of TrialReported must be 1, but was 7");
        assertThatThrownBy(() -> Json.read("{not json", TrialDecided.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("TrialDecided: malformed JSON");
        assertThatThrownBy(() -> Json.read("", TrialDecided.class)).hasMessage("TrialDecided: the record has no value");
    }

    @Test
    void infiniteMetricsAndParamsAreRejected() {
        assertThatThrownBy(() -> TrialReported.of(trial, 1, ReportKind.EPOCH, 1, Map.of("val_loss", Double.POSITIVE_INFINITY), "w", null))
                .hasMessage("metrics.val_loss must be a number or NaN, but was Infinity");
        assertThatThrownBy(() -> new TrialSuggested(1, "s", "t", 0, Map.of("lr", Double.NaN), 1, "m",
                new TrainerSpec("synthetic", Map.of()), 1, java.time.Instant.now()))
                .hasMessage("params.lr must be a string, a boolean or a finite number, but was NaN");
    }

    @Test
    void completedDecisionNeedsAValue() {
        assertThatThrownBy(() -> TrialDecided.of("s", "t", 0, 1, DecisionAction.COMPLETED, 5, null, null))
                .hasMessage("value is required for a COMPLETED decision");
        assertThat(TrialDecided.of("s", "t", 0, 1, DecisionAction.FAILED, 0, null, "boom").action().isFinal()).isTrue();
        assertThat(DecisionAction.STOP.isFinal()).isFalse();
    }

    @Test
    void aFinalizeJobRoundTripsAndOlderRecordsReadAsOrdinaryTrials() {
        var job = new TrialSuggested(1, "s-1", TrialSuggested.finalTrialId("s-1"), 12, Map.of("lr", 0.01), 5, "val_loss",
                new TrainerSpec("builtin", Map.of()), 42L, java.time.Instant.parse("2026-01-01T00:00:00Z"),
                new FinalizeJob(3, "s-1-t3", true, "/models"));
        var json = Json.write(job);
        assertThat(json).contains("\"finalizeJob\":{\"trialNumber\":3");
        assertThat(Json.read(json, TrialSuggested.class)).isEqualTo(job);
        assertThat(Json.read(json, TrialSuggested.class).isFinalize()).isTrue();
        // A record written before the field existed is an ordinary trial.
        var old = Json.write(trial).replace(",\"finalizeJob\":null", "");
        assertThat(old).doesNotContain("finalizeJob");
        assertThat(Json.read(old, TrialSuggested.class).finalizeOf()).isEmpty();
        assertThatThrownBy(() -> new TrialSuggested(1, "s-1", "s-1-t12", 12, Map.of(), 5, "val_loss", new TrainerSpec("builtin", Map.of()), 1L,
                java.time.Instant.now(), new FinalizeJob(3, "s-1-t3", false, null)))
                .hasMessage("trialId of a finalize job must be s-1-final, but was s-1-t12");
    }

    @Test
    void aReportMayNameItsArtifact() {
        var report = TrialReported.withArtifact(trial, 1, ReportKind.COMPLETED, 5, Map.of("test_accuracy", 0.97), "w", null, "/models/s-1");
        var back = Json.read(Json.write(report), TrialReported.class);
        assertThat(back.artifactPath()).contains("/models/s-1");
        assertThat(TrialReported.of(trial, 1, ReportKind.COMPLETED, 5, Map.of("val_loss", 1.0), "w", null).artifactPath()).isEmpty();
    }
}
