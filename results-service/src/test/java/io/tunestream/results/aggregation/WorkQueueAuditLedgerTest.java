package io.tunestream.results.aggregation;

import static io.tunestream.results.aggregation.Events.completed;
import static io.tunestream.results.aggregation.Events.epoch;
import static io.tunestream.results.aggregation.Events.running;
import static io.tunestream.results.aggregation.Events.started;
import static io.tunestream.results.aggregation.Events.stopped;
import static io.tunestream.results.aggregation.Events.suggested;
import static io.tunestream.results.aggregation.Events.trialId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tunestream.contracts.SchemaVersion;
import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.FinalizeJob;
import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.RetryOf;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.TrainerSpec;

/**
 * The work-queue audit's rules in the ledger (maxAttempts 3): a trial whose work item the share group
 * finished with, twice in a row, with no final report, is retried while it ran fewer attempts than
 * maxAttempts (counted by the attempt numbers that reported, so renewals use none) and has fewer copies,
 * and is reported FAILED otherwise; finished trials and items still in the queue are left alone; a
 * decision without effect is followed by a FAILED report.
 */
class WorkQueueAuditLedgerTest {

    private static final String AUDITOR = "results-service/work-queue-audit";
    private static final int MAX_ATTEMPTS = 3;

    private final ResultsLedger ledger = new ResultsLedger();

    @BeforeEach
    void studyWithTwoTrials() {
        ledger.onStudyChanged(running("minimize"));
        ledger.onTrialSuggested(suggested(0), 0, 10);
        ledger.onTrialSuggested(suggested(1), 0, 100); // queued far behind: no audit below 101 touches it
    }

    private ResultsLedger.WorkQueueAudit audit(long finishedBelow) {
        return ledger.auditWorkQueue(Map.of(0, finishedBelow), MAX_ATTEMPTS, AUDITOR);
    }

    /** Two rounds: the first only suspects. */
    private ResultsLedger.WorkQueueAudit confirmed(long finishedBelow) {
        assertThat(audit(finishedBelow).isEmpty()).as("the first round only suspects").isTrue();
        return audit(finishedBelow);
    }

    private static TrialSuggested copy(long number, int afterAttempt, int attemptsLeft) {
        return suggested(number).retried(new RetryOf(afterAttempt, attemptsLeft), Instant.now());
    }

    @Test
    void aTrialWhoseRenewalsUsedUpItsItemIsRetriedForTheAttemptsItDidNotRunAndFailsOnceTheyAreUsed() {
        ledger.onTrialReported(started(0, 1));
        ledger.onTrialReported(epoch(0, 1, 1, 0.5));
        ledger.onTrialReported(started(0, 3)); // delivery 2 went to a lock renewal

        var found = confirmed(11);
        assertThat(found.failedReports()).isEmpty();
        assertThat(found.retries()).singleElement().satisfies(retry -> {
            assertThat(retry.trialId()).isEqualTo(trialId(0));
            assertThat(retry.action()).isEqualTo(DecisionAction.RETRY);
            assertThat(retry.attempt()).as("above every attempt number of the finished copy").isEqualTo(3);
            assertThat(retry.attemptsLeft()).as("2 attempts ran").isEqualTo(1);
            assertThat(retry.reason()).startsWith(ResultsLedger.GIVEN_UP_REASON);
        });
        assertThat(audit(11).isEmpty()).as("decided once").isTrue();

        // The suggester publishes the copy; its one attempt starts as attempt 4 and its trainer dies too.
        ledger.onTrialSuggested(copy(0, 3, 1), 0, 12);
        assertThat(audit(12).isEmpty()).as("the copy is in the queue").isTrue();
        ledger.onTrialReported(started(0, 4));
        var last = confirmed(13);
        assertThat(last.retries()).isEmpty();
        assertThat(last.failedReports()).singleElement().satisfies(report -> {
            assertThat(report.kind()).isEqualTo(ReportKind.FAILED);
            assertThat(report.attempt()).isEqualTo(4);
            assertThat(report.workerId()).isEqualTo(AUDITOR);
            assertThat(report.message()).contains("attempts used up, 3 attempt(s) ran (maxAttempts=3)");
        });
        assertThat(ledger.onTrialReported(last.failedReports().get(0))).singleElement()
                .satisfies(decision -> assertThat(decision.action()).isEqualTo(DecisionAction.FAILED));
        assertThat(ledger.onTrialReported(last.failedReports().get(0))).as("a duplicate of the report").isEmpty();
    }

    @Test
    void aTrialWhoseDeliveriesNeverReportedIsRetriedAtMostUntilItHasMaxAttemptsCopies() {
        var first = confirmed(11).retries();
        assertThat(first).extracting(TrialDecided::trialId).containsExactly(trialId(0));
        assertThat(first.get(0).attempt()).isEqualTo(3);
        assertThat(first.get(0).attemptsLeft()).isEqualTo(3);
        ledger.onTrialSuggested(copy(0, 3, 3), 0, 12);
        assertThat(confirmed(13).retries()).singleElement().satisfies(retry -> assertThat(retry.attempt()).isEqualTo(6));
        ledger.onTrialSuggested(copy(0, 6, 3), 0, 13);
        var third = confirmed(14);
        assertThat(third.retries()).as("3 copies: no more").isEmpty();
        assertThat(third.failedReports()).extracting(TrialReported::trialId).containsExactly(trialId(0));
    }

    @Test
    void aTrialThatReportedItsEndOrIsStillInTheQueueIsLeftAlone() {
        ledger.onTrialReported(started(0, 1));
        ledger.onTrialReported(completed(0, 1, 3));
        assertThat(confirmed(100).isEmpty()).as("trial 0 completed, trial 1 at offset 100 is not below 100").isTrue();
        assertThat(ledger.auditWorkQueue(Map.of(), MAX_ATTEMPTS, AUDITOR).isEmpty()).as("no offset known for the partition").isTrue();
        assertThat(ledger.auditWorkQueue(Map.of(1, 100L), MAX_ATTEMPTS, AUDITOR).isEmpty()).as("another partition").isTrue();
    }

    @Test
    void aRoundWithTheItemBackInTheQueueStartsTheConfirmationOver() {
        assertThat(audit(11).isEmpty()).isTrue();
        assertThat(audit(10).isEmpty()).isTrue();
        assertThat(audit(11).isEmpty()).isTrue();
        assertThat(audit(11).retries()).extracting(TrialDecided::trialId).containsExactly(trialId(0));
    }

    @Test
    void aFailedReportMadeStaleByANewerAttemptIsFollowedByOneForThatAttempt() {
        ledger.onTrialReported(started(0, 1));
        ledger.onTrialReported(started(0, 2));
        ledger.onTrialReported(started(0, 3));
        var stale = confirmed(11).failedReports().get(0);
        assertThat(stale.attempt()).isEqualTo(3);
        // A newer attempt's report was on the topic before the audit's: the audit's report is stale.
        ledger.onTrialReported(started(0, 4));
        assertThat(ledger.onTrialReported(stale)).isEmpty();
        assertThat(ledger.trial(Events.STUDY, trialId(0)).orElseThrow().row().state()).isEqualTo(TrialState.RUNNING);
        assertThat(confirmed(11).failedReports()).singleElement().satisfies(report -> assertThat(report.attempt()).isEqualTo(4));
    }

    @Test
    void aTrialOfAStoppedStudyIsNotRetried() {
        ledger.onStudyChanged(stopped("minimize"));
        ledger.onTrialReported(started(0, 1));
        var found = confirmed(11);
        assertThat(found.retries()).isEmpty();
        assertThat(found.failedReports()).extracting(TrialReported::trialId).containsExactly(trialId(0));
    }

    @Test
    void aRetryWithoutACopyAfterThePatienceRoundsOrAlreadyPublishedBeforeARestartEndsFailed() {
        ledger.onTrialReported(started(0, 1));
        var retry = confirmed(11).retries().get(0);
        var restarted = new ResultsLedger();
        restarted.onStudyChanged(running("minimize"));
        restarted.onTrialSuggested(suggested(0), 0, 10);
        restarted.onTrialReported(started(0, 1));
        restarted.recordPublished(retry);
        assertThat(restarted.auditWorkQueue(Map.of(0, 11L), MAX_ATTEMPTS, AUDITOR).isEmpty()).isTrue();
        assertThat(restarted.auditWorkQueue(Map.of(0, 11L), MAX_ATTEMPTS, AUDITOR).isEmpty()).as("published before: not again").isTrue();

        for (int round = 0; round < ResultsLedger.AUDIT_PATIENCE_ROUNDS; round++) {
            assertThat(audit(11).isEmpty()).isTrue();
        }
        assertThat(audit(11).failedReports()).singleElement()
                .satisfies(report -> assertThat(report.message()).contains("no new copy of its work item was published"));
    }

    @Test
    void nothingIsDecidedWhileTheBacklogIsReplayed() {
        ledger.beginReplay();
        assertThat(audit(101).isEmpty()).isTrue();
        assertThat(audit(101).isEmpty()).isTrue();
        ledger.endReplay();
        assertThat(confirmed(101).retries()).hasSize(2);
    }

    @Test
    void aFinalEvaluationFinishedWithoutAReportFailsAndEndsTheStudysWait() {
        ledger.onTrialReported(completed(0, 1, 3));
        ledger.onTrialReported(completed(1, 1, 3));
        String finalId = TrialSuggested.finalTrialId(Events.STUDY);
        var job = new TrialSuggested(SchemaVersion.CURRENT, Events.STUDY, finalId, 2, Map.of("lr", 0.01), 3, Events.METRIC,
                new TrainerSpec("builtin", Map.of()), 7, Events.T0.plusSeconds(50), new FinalizeJob(0, trialId(0), true, "/m"));
        ledger.onTrialSuggested(job, 0, 12);
        var reports = confirmed(13).failedReports();
        assertThat(reports).extracting(TrialReported::trialId).containsExactly(finalId);
        assertThat(ledger.onTrialReported(reports.get(0))).singleElement().satisfies(decision -> {
            assertThat(decision.trialId()).isEqualTo(finalId);
            assertThat(decision.action()).isEqualTo(DecisionAction.FAILED);
        });
        assertThat(audit(13).isEmpty()).isTrue();
    }
}
