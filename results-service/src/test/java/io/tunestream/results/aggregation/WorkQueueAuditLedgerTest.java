package io.tunestream.results.aggregation;

import static io.tunestream.results.aggregation.Events.completed;
import static io.tunestream.results.aggregation.Events.epoch;
import static io.tunestream.results.aggregation.Events.running;
import static io.tunestream.results.aggregation.Events.started;
import static io.tunestream.results.aggregation.Events.suggested;
import static io.tunestream.results.aggregation.Events.trialId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tunestream.contracts.SchemaVersion;
import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.FinalizeJob;
import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.TrainerSpec;

/**
 * The work-queue audit's rules in the ledger: a trial whose work item lies below the share group's start
 * offset, twice in a row, with no final report, gets one FAILED report per attempt; applying it ends the
 * trial with a FAILED decision; finished trials and items still in the queue are left alone.
 */
class WorkQueueAuditLedgerTest {

    private static final String AUDITOR = "results-service/work-queue-audit";

    private final ResultsLedger ledger = new ResultsLedger();

    @BeforeEach
    void studyWithTwoTrials() {
        ledger.onStudyChanged(running("minimize"));
        ledger.onTrialSuggested(suggested(0), 0, 10);
        ledger.onTrialSuggested(suggested(1), 0, 11);
    }

    private List<TrialReported> audit(long startOffset) {
        return ledger.givenUpByWorkQueue(Map.of(0, startOffset), AUDITOR);
    }

    @Test
    void aTrialArchivedWithoutAFinalReportIsReportedFailedAfterTwoRoundsAndThenDecidedFailed() {
        ledger.onTrialReported(started(0, 1));
        ledger.onTrialReported(epoch(0, 1, 1, 0.5));
        ledger.onTrialReported(started(0, 3)); // the delivery count skips what the lock renewals used

        assertThat(audit(11)).as("first round: it may be a final report not read yet").isEmpty();
        var reports = audit(11);
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.trialId()).isEqualTo(trialId(0));
            assertThat(report.kind()).isEqualTo(ReportKind.FAILED);
            assertThat(report.attempt()).as("the newest attempt the ledger knows").isEqualTo(3);
            assertThat(report.workerId()).isEqualTo(AUDITOR);
            assertThat(report.message()).isEqualTo(ResultsLedger.GIVEN_UP_REASON);
        });
        assertThat(audit(11)).as("reported once per attempt").isEmpty();

        List<TrialDecided> decisions = ledger.onTrialReported(reports.get(0));
        assertThat(decisions).singleElement().satisfies(decision -> {
            assertThat(decision.action()).isEqualTo(DecisionAction.FAILED);
            assertThat(decision.reason()).contains("work queue gave up");
        });
        assertThat(ledger.onTrialReported(reports.get(0))).as("a duplicate of the report").isEmpty();
        assertThat(audit(12)).as("trial 1 is queued at offset 11, still in the queue").isEmpty();
    }

    @Test
    void aTrialThatReportedItsEndOrIsStillInTheQueueIsLeftAlone() {
        ledger.onTrialReported(started(0, 1));
        ledger.onTrialReported(completed(0, 1, 3));
        assertThat(audit(11)).isEmpty();
        assertThat(audit(11)).as("trial 0 completed, trial 1 at offset 11 is not below the start offset").isEmpty();
        assertThat(ledger.givenUpByWorkQueue(Map.of(), AUDITOR)).as("no offset known for the partition").isEmpty();
        assertThat(ledger.givenUpByWorkQueue(Map.of(1, 100L), AUDITOR)).as("another partition").isEmpty();
    }

    @Test
    void aRoundWithTheItemBackInTheQueueStartsTheConfirmationOver() {
        assertThat(audit(11)).isEmpty();
        assertThat(audit(10)).isEmpty();
        assertThat(audit(11)).isEmpty();
        assertThat(audit(11)).extracting(TrialReported::trialId).containsExactly(trialId(0));
    }

    @Test
    void aReportMadeStaleByANewerAttemptIsFollowedByOneForThatAttempt() {
        ledger.onTrialReported(started(0, 1));
        audit(11);
        var stale = audit(11).get(0);
        // A newer attempt's report was on the topic before the audit's: the audit's report is stale.
        ledger.onTrialReported(started(0, 2));
        assertThat(ledger.onTrialReported(stale)).isEmpty();
        assertThat(ledger.trial(Events.STUDY, trialId(0)).orElseThrow().row().state()).isEqualTo(TrialState.RUNNING);

        assertThat(audit(11)).isEmpty();
        assertThat(audit(11)).singleElement().satisfies(report -> assertThat(report.attempt()).isEqualTo(2));
    }

    @Test
    void aTrialNeverStartedIsReportedAtAttemptOneAndASuggestionPublishedAgainCountsAtItsLastCopy() {
        ledger.onTrialSuggested(suggested(1), 0, 20); // the same trial published again, later
        assertThat(audit(12)).isEmpty();
        assertThat(audit(12)).extracting(TrialReported::trialId, TrialReported::attempt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(trialId(0), 1));
    }

    @Test
    void nothingIsReportedWhileTheBacklogIsReplayed() {
        ledger.beginReplay();
        assertThat(audit(100)).isEmpty();
        assertThat(audit(100)).isEmpty();
        ledger.endReplay();
        assertThat(audit(100)).isEmpty();
        assertThat(audit(100)).hasSize(2);
    }

    @Test
    void aFinalEvaluationArchivedWithoutAReportFailsAndEndsTheStudysWait() {
        ledger.onTrialReported(completed(0, 1, 3));
        ledger.onTrialReported(completed(1, 1, 3));
        String finalId = TrialSuggested.finalTrialId(Events.STUDY);
        var job = new TrialSuggested(SchemaVersion.CURRENT, Events.STUDY, finalId, 2, Map.of("lr", 0.01), 3, Events.METRIC,
                new TrainerSpec("builtin", Map.of()), 7, Events.T0.plusSeconds(50), new FinalizeJob(0, trialId(0), true, "/m"));
        ledger.onTrialSuggested(job, 0, 12);
        assertThat(audit(13)).isEmpty();
        var reports = audit(13);
        assertThat(reports).extracting(TrialReported::trialId).containsExactly(finalId);
        assertThat(ledger.onTrialReported(reports.get(0))).singleElement().satisfies(decision -> {
            assertThat(decision.trialId()).isEqualTo(finalId);
            assertThat(decision.action()).isEqualTo(DecisionAction.FAILED);
        });
        assertThat(audit(13)).isEmpty();
    }
}
