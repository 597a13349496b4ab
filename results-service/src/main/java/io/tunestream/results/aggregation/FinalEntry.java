package io.tunestream.results.aggregation;

import java.util.Map;
import java.util.Optional;

import io.tunestream.contracts.events.FinalizeJob;
import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;

/**
 * The mutable state of a study's final evaluation, folded from its work item and its reports with the
 * same rules as a trial's: an older attempt's report is ignored, a final report is final. Not
 * thread-safe: {@link ResultsLedger} guards it.
 */
final class FinalEntry {

    private TrialSuggested job;
    private int attempt;
    private ReportKind last;
    private Map<String, Double> metrics = Map.of();
    private String artifact;
    private String reason;
    private long trialNumber = -1;
    boolean decided;
    /** The final evaluation's work item on the work queue. */
    final WorkItem workItem = new WorkItem();

    void applySuggestion(TrialSuggested suggestion) {
        if (job == null) {
            job = suggestion;
        }
    }

    /** Applies a report; returns whether it changed anything. */
    boolean applyReport(TrialReported report) {
        if ((last != null && last.isFinal()) || report.attempt() < attempt) {
            return false;
        }
        attempt = report.attempt();
        last = report.kind();
        trialNumber = report.trialNumber();
        if (report.kind().isFinal()) {
            metrics = report.metrics();
            artifact = report.artifactPath().orElse(null);
            reason = report.message();
        }
        return true;
    }

    boolean isSuggested() {
        return job != null;
    }

    boolean isFinal() {
        return last != null && last.isFinal();
    }

    ReportKind outcome() {
        return last;
    }

    int attempt() {
        return Math.max(attempt, 1);
    }

    long trialNumber() {
        return job != null ? job.trialNumber() : Math.max(trialNumber, 0);
    }

    Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    Map<String, Double> metrics() {
        return metrics;
    }

    /** The evaluation once both its job (which trial, which configuration) and its successful report are known. */
    Optional<FinalEvaluation> evaluation() {
        if (job == null || last != ReportKind.COMPLETED) {
            return Optional.empty();
        }
        FinalizeJob what = job.finalizeOf().orElseThrow();
        return Optional.of(new FinalEvaluation(what.trialNumber(), what.trialId(), job.params(), metrics, Optional.ofNullable(artifact)));
    }
}
