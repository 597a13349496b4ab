package io.tunestream.trainer.runner;

import io.tunestream.contracts.events.TrialReported;

/** Where trial reports go; {@link #publish} returns once the report is durable. */
@FunctionalInterface
public interface ReportSink {
    void publish(TrialReported report);
}
