package io.tunestream.trainer.messaging;


import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.tunestream.contracts.InvalidEventException;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.MetricNames;
import io.tunestream.contracts.events.RetryOf;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.trainer.runner.TrialOutcome;
import io.tunestream.trainer.runner.TrialRunner;
import io.tunestream.trainer.workqueue.WorkItemHandler;

/**
 * Turns a work item into a trial run. The attempt number is the item's delivery count, continued from
 * {@link RetryOf#afterAttempt()} for a copy published again; a delivery beyond the item's allowance
 * ({@code maxAttempts}, or {@link RetryOf#attemptsLeft()} for a copy) does not run: it is refused and the
 * slot rejects the item. Which of those deliveries really ran is known to results-service only (a lock
 * renewal also counts as a delivery), so its work-queue audit decides what comes next: a retry with the
 * attempts left, or FAILED. No trial is retried forever, and none vanishes without a final decision.
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
    public TrialOutcome handle(String key, String value, int delivery) {
        TrialSuggested trial;
        try {
            trial = Json.read(value, TrialSuggested.class);
        } catch (InvalidEventException e) {
            deadLetter(key, value, e.getMessage());
            return TrialOutcome.FAILED;
        }
        if (delivery > 1) {
            meters.counter(MetricNames.WORKQUEUE_REDELIVERIES).increment();
        }
        int allowed = trial.retryOf().map(RetryOf::attemptsLeft).orElse(maxAttempts);
        if (delivery > allowed) {
            LOG.infof("%s: delivery %d of its work item, which allows %d; refused (results-service decides: retry or FAILED)",
                    trial.trialId(), delivery, allowed);
            return TrialOutcome.REFUSED;
        }
        int attempt = trial.retryOf().map(RetryOf::afterAttempt).orElse(0) + delivery;
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
