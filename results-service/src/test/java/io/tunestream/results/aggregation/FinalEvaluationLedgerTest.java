package io.tunestream.results.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tunestream.contracts.SchemaVersion;
import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.FinalizeJob;
import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.TrainerSpec;

/** A study's final evaluation in the ledger: kept apart from the trials, decided once, shown in the summary. */
class FinalEvaluationLedgerTest {

    private static final String FINAL = TrialSuggested.finalTrialId(Events.STUDY);

    private static StudyChanged running() {
        return new StudyChanged(SchemaVersion.CURRENT, Events.STUDY, StudyState.RUNNING, Events.spec("val_accuracy", "maximize", 1), 1, null, Events.T0);
    }

    private static TrialSuggested job() {
        return new TrialSuggested(SchemaVersion.CURRENT, Events.STUDY, FINAL, 1, Map.of("lr", 0.01), 3, "val_accuracy",
                new TrainerSpec("builtin", Map.of()), 7, Events.T0.plusSeconds(50), new FinalizeJob(0, Events.trialId(0), true, "/m"));
    }

    private static TrialReported finalReport(int attempt, ReportKind kind, Map<String, Double> metrics, String artifact) {
        return new TrialReported(SchemaVersion.CURRENT, Events.STUDY, FINAL, 1, attempt, kind, kind == ReportKind.STARTED ? 0 : 3, metrics,
                "w", kind == ReportKind.FAILED ? "disk full" : null, Events.T0.plusSeconds(60 + attempt), artifact);
    }

    @Test
    void theTestMetricsAppearInTheSummaryAndOneDecisionEndsTheEvaluation() {
        var ledger = new ResultsLedger();
        ledger.onStudyChanged(running());
        ledger.onTrialSuggested(Events.suggested(0));
        ledger.onTrialReported(Events.started(0, 1));
        ledger.onTrialReported(Events.report(0, 1, ReportKind.EPOCH, 3, Map.of("val_accuracy", 0.95), null));
        ledger.onTrialReported(Events.completed(0, 1, 3));
        assertThat(ledger.onTrialSuggested(job())).isEmpty();
        assertThat(ledger.onTrialReported(finalReport(1, ReportKind.STARTED, Map.of(), null))).isEmpty();
        var metrics = Map.of("test_accuracy", 0.97, "test_loss", 0.1, "epochs", 3.0);
        var decisions = ledger.onTrialReported(finalReport(1, ReportKind.COMPLETED, metrics, "/m/s1"));
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.trialId()).isEqualTo(FINAL);
            assertThat(d.action()).isEqualTo(DecisionAction.COMPLETED);
            assertThat(d.value()).as("val_accuracy is judged as test_accuracy").isEqualTo(0.97);
        });
        assertThat(ledger.onTrialReported(finalReport(1, ReportKind.COMPLETED, metrics, "/m/s1"))).as("duplicate").isEmpty();

        var summary = ledger.study(Events.STUDY).orElseThrow();
        assertThat(summary.trials().total()).as("not a trial of the search").isEqualTo(1);
        assertThat(summary.finalEvaluation()).hasValueSatisfying(f -> {
            assertThat(f.trialNumber()).isEqualTo(0);
            assertThat(f.trialId()).isEqualTo(Events.trialId(0));
            assertThat(f.params()).isEqualTo(Map.of("lr", 0.01));
            assertThat(f.metrics()).isEqualTo(metrics);
            assertThat(f.modelPath()).contains("/m/s1");
        });
    }

    @Test
    void aReportBeforeItsJobWaitsForTheJobToBeShownAndAFailureIsDecidedOnce() {
        var ledger = new ResultsLedger();
        ledger.onStudyChanged(running());
        var decisions = ledger.onTrialReported(finalReport(2, ReportKind.FAILED, Map.of(), null));
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo(DecisionAction.FAILED);
            assertThat(d.reason()).isEqualTo("disk full");
        });
        assertThat(ledger.onTrialReported(finalReport(1, ReportKind.COMPLETED, Map.of("test_accuracy", 0.9), null)))
                .as("an older attempt changes nothing").isEmpty();
        assertThat(ledger.onTrialSuggested(job())).isEmpty();
        assertThat(ledger.study(Events.STUDY).orElseThrow().finalEvaluation()).as("failed: no test metrics").isEmpty();
    }

    @Test
    void aDecisionPublishedBeforeARestartIsNotPublishedAgain() {
        var ledger = new ResultsLedger();
        ledger.recordPublished(io.tunestream.contracts.events.TrialDecided.of(Events.STUDY, FINAL, 1, 1, DecisionAction.COMPLETED, 3, 0.97, null));
        ledger.onStudyChanged(running());
        ledger.onTrialSuggested(job());
        assertThat(ledger.onTrialReported(finalReport(1, ReportKind.COMPLETED, Map.of("test_accuracy", 0.97), null))).isEmpty();
        assertThat(ledger.study(Events.STUDY).orElseThrow().finalEvaluation()).isPresent();
    }
}
