package io.tunestream.trainer.messaging;

import java.util.Map;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.tunestream.contracts.InvalidEventException;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.MetricNames;
import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.trainer.runner.TrialOutcome;
import io.tunestream.trainer.runner.TrialRunner;
import io.tunestream.trainer.workqueue.WorkItemHandler;

/**
 * Turns a work item into a trial run. A trial delivered more than {@code maxAttempts} times (its
 * trainers kept dying or releasing it) is reported FAILED instead of run again: no trial is retried
 * forever, and none vanishes without a final report.
 */
public final class TrialWorkHandler implements WorkItemHandler {

    private static final Logger LOG = Logger.getLogger(TrialWorkHandler.class);

    private final TrialRunner runner;
    private final ReportPublisher publisher;
    private final int maxAttempts;
    private final String workerId;
    private final MeterRegistry meters;

    public TrialWorkHandler(TrialRunner runner, ReportPublisher publisher, int maxAttempts, String workerId, MeterRegistry meters) {
        this.runner = runner;
        this.publisher = publisher;
        this.maxAttempts = maxAttempts;
        this.workerId = workerId;
        this.meters = meters;
    }

    @Override
    public TrialOutcome handle(String key, String value, int attempt) {
        TrialSuggested trial;
        try {
            trial = Json.read(value, TrialSuggested.class);
        } catch (InvalidEventException e) {
            deadLetter(key, value, e.getMessage());
            return TrialOutcome.FAILED;
        }
        if (attempt > 1) {
            meters.counter(MetricNames.WORKQUEUE_REDELIVERIES).increment();
        }
        if (attempt > maxAttempts) {
            publisher.publish(TrialReported.of(trial, attempt, ReportKind.FAILED, 0, Map.of(), workerId,
                    "trial was delivered " + attempt + " times (trainers died or released it); giving up after maxAttempts="
                            + maxAttempts));
            return TrialOutcome.FAILED;
        }
        LOG.debugf("running %s attempt %d", trial.trialId(), attempt);
        var outcome = runner.run(trial, attempt);
        meters.counter(MetricNames.TRAINER_TRIALS_FINISHED, MetricNames.TAG_OUTCOME, outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
        return outcome;
    }

    @Override
    public void deadLetter(String key, String value, String reason) {
        LOG.warnf("work item %s dead-lettered: %s", key, reason);
        meters.counter(MetricNames.DEAD_LETTERED, MetricNames.TAG_TOPIC, io.tunestream.contracts.Topics.TRIAL_SUGGESTED).increment();
        publisher.deadLetter(key, value, reason);
    }
}
