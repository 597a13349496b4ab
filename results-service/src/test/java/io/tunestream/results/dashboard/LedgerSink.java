package io.tunestream.results.dashboard;

import java.util.function.Consumer;

import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.results.aggregation.ResultsLedger;

/**
 * Applies events straight to the service's ledger, as its Kafka consumers would (their decisions are
 * dropped): for tests about the dashboard's shaping and scale rather than about the messaging.
 */
record LedgerSink(ResultsLedger ledger) implements Consumer<Object> {

    @Override
    public void accept(Object event) {
        if (event instanceof StudyChanged e) {
            ledger.onStudyChanged(e);
        } else if (event instanceof TrialSuggested e) {
            ledger.onTrialSuggested(e);
        } else if (event instanceof TrialReported e) {
            ledger.onTrialReported(e);
        } else {
            throw new IllegalArgumentException("not an event: " + event);
        }
    }
}
