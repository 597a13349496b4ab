package io.tunestream.trainer.runner;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.tunestream.contracts.events.TrialReported;

/** Where trial reports go; {@link #publish} returns once the report is durable. */
@FunctionalInterface
public interface ReportSink {
    void publish(TrialReported report);

    /**
     * Sends a report without waiting: the stage completes once it is durable, or fails. Reports sent
     * this way keep their order (one key per study, one partition, an idempotent producer), so a later
     * report that is durable means every earlier one is. The default waits, for sinks that cannot do
     * better.
     */
    default CompletionStage<Void> publishAsync(TrialReported report) {
        publish(report);
        return CompletableFuture.completedFuture(null);
    }
}
