package io.tunestream.results.aggregation;

import static io.tunestream.results.aggregation.Events.STUDY;
import static io.tunestream.results.aggregation.Events.completed;
import static io.tunestream.results.aggregation.Events.epoch;
import static io.tunestream.results.aggregation.Events.running;
import static io.tunestream.results.aggregation.Events.started;
import static io.tunestream.results.aggregation.Events.suggested;
import static io.tunestream.results.aggregation.Events.trialId;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link ResultsLedger#changes}: the versions behind the dashboard's live deltas. */
class StudyChangesTest {

    @Test
    void versionZeroHasEveryTrialAndALaterVersionOnlyTheChangedOnes() {
        var ledger = new ResultsLedger();
        ledger.onStudyChanged(running("minimize"));
        for (long n = 0; n < 3; n++) {
            ledger.onTrialSuggested(suggested(n));
            ledger.onTrialReported(started(n, 1));
            ledger.onTrialReported(epoch(n, 1, 1, 0.5 + n));
        }
        var all = ledger.changes(STUDY, 0).orElseThrow();
        assertThat(all.totalTrials()).isEqualTo(3);
        assertThat(all.trials()).extracting(detail -> detail.row().trialId()).containsExactly(trialId(0), trialId(1), trialId(2));
        assertThat(all.spec()).isPresent();

        ledger.onTrialReported(epoch(1, 1, 2, 0.25));
        var delta = ledger.changes(STUDY, all.version()).orElseThrow();
        assertThat(delta.version()).isGreaterThan(all.version());
        assertThat(delta.totalTrials()).isEqualTo(3);
        assertThat(delta.trials()).singleElement().satisfies(detail -> {
            assertThat(detail.row().trialId()).isEqualTo(trialId(1));
            assertThat(detail.curve()).extracting(CurvePoint::epoch).containsExactly(1, 2);
        });

        assertThat(ledger.changes(STUDY, delta.version()).orElseThrow().trials()).isEmpty();
        assertThat(ledger.changes("unknown", 0)).isEmpty();
    }

    @Test
    void ignoredEventsChangeNothing() {
        var ledger = new ResultsLedger();
        ledger.onStudyChanged(running("minimize"));
        ledger.onTrialSuggested(suggested(0));
        ledger.onTrialReported(started(0, 2));
        ledger.onTrialReported(epoch(0, 2, 1, 0.5));
        ledger.onTrialReported(completed(0, 2, 1));
        long version = ledger.changes(STUDY, 0).orElseThrow().version();

        ledger.onTrialReported(epoch(0, 1, 1, 0.1));   // an older attempt: stale
        ledger.onTrialReported(epoch(0, 2, 2, 0.1));   // after the trial ended: final
        var after = ledger.changes(STUDY, version).orElseThrow();
        assertThat(after.version()).isEqualTo(version);
        assertThat(after.trials()).isEmpty();
    }
}
