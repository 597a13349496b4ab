package io.tunestream.trainer.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.tunestream.contracts.Channels;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.trainer.runner.ReportSink;

/**
 * Publishes trial reports and waits for the broker's acknowledgement, so that a trial's final report
 * is durable before its work item is acknowledged: a crash in between re-runs the trial, it never
 * loses it.
 */
@ApplicationScoped
public class ReportPublisher implements ReportSink {

    private final MutinyEmitter<String> reports;
    private final MutinyEmitter<String> deadLetters;

    public ReportPublisher(@Channel(Channels.TRIAL_REPORTED_OUT) MutinyEmitter<String> reports,
                           @Channel(WorkQueueDeadLetters.CHANNEL) MutinyEmitter<String> deadLetters) {
        this.reports = reports;
        this.deadLetters = deadLetters;
    }

    @Override
    public void publish(TrialReported report) {
        reports.sendMessageAndAwait(KafkaRecord.of(report.studyId(), Json.write(report)));
    }

    @Override
    public java.util.concurrent.CompletionStage<Void> publishAsync(TrialReported report) {
        return reports.sendMessage(KafkaRecord.of(report.studyId(), Json.write(report))).subscribeAsCompletionStage();
    }

    void deadLetter(String key, String value, String reason) {
        var record = KafkaRecord.of(key, value == null ? "" : value)
                .withHeader(io.tunestream.contracts.Topics.DLQ_REASON_HEADER, reason);
        deadLetters.sendMessageAndAwait(record);
    }
}
