package io.tunestream.trainer.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tunestream.contracts.MetricNames;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.trainer.backend.TrainingBackend;
import io.tunestream.trainer.backend.TrainingSession;
import io.tunestream.trainer.backend.TrialFailedException;
import io.tunestream.trainer.runner.ReportSink;
import io.tunestream.trainer.runner.TrialOutcome;
import io.tunestream.trainer.workqueue.WorkQueue;

/**
 * The trainer's meters. Epoch time and attempts started are measured by decorating what the runner
 * is given (its backends and its report sink), so that the runner knows nothing of metrics.
 */
@ApplicationScoped
public class TrainerMetrics {

    private final MeterRegistry meters;

    /** Registers the counters at zero, so that dashboards and alerts see 0 rather than no series. */
    public TrainerMetrics(MeterRegistry meters) {
        this.meters = meters;
        meters.counter(MetricNames.TRAINER_TRIALS_STARTED);
        meters.counter(MetricNames.WORKQUEUE_REDELIVERIES);
        for (TrialOutcome outcome : TrialOutcome.values()) {
            meters.counter(MetricNames.TRAINER_TRIALS_FINISHED, MetricNames.TAG_OUTCOME, outcome.name().toLowerCase(Locale.ROOT));
        }
        for (String topic : List.of(Topics.TRIAL_SUGGESTED, Topics.TRIAL_DECIDED, Topics.STUDY_CHANGED)) {
            meters.counter(MetricNames.DEAD_LETTERED, MetricNames.TAG_TOPIC, topic);
        }
    }

    /** Counts {@code hpo.trainer.trials.started} for every STARTED report that goes through. */
    public ReportSink counting(ReportSink sink) {
        return new ReportSink() {
            @Override
            public void publish(io.tunestream.contracts.events.TrialReported report) {
                sink.publish(report);
                if (report.kind() == ReportKind.STARTED) {
                    meters.counter(MetricNames.TRAINER_TRIALS_STARTED).increment();
                }
            }

            @Override
            public java.util.concurrent.CompletionStage<Void> publishAsync(io.tunestream.contracts.events.TrialReported report) {
                return sink.publishAsync(report);
            }
        };
    }

    /** The backends, each epoch recorded in {@code hpo.trainer.epoch.duration{backend}} when it succeeds. */
    public Map<String, TrainingBackend> timed(Map<String, TrainingBackend> backends) {
        var timed = new LinkedHashMap<String, TrainingBackend>();
        backends.forEach((name, backend) -> timed.put(name, new TimedBackend(backend, epochTimer(backend.name()))));
        return timed;
    }

    Timer epochTimer(String backend) {
        return Timer.builder(MetricNames.TRAINER_EPOCH_DURATION)
                .description(MetricNames.require(MetricNames.TRAINER_EPOCH_DURATION).description())
                .tag(MetricNames.TAG_BACKEND, backend)
                .publishPercentileHistogram()
                .register(meters);
    }

    public void finished(TrialOutcome outcome) {
        meters.counter(MetricNames.TRAINER_TRIALS_FINISHED, MetricNames.TAG_OUTCOME, outcome.name().toLowerCase(Locale.ROOT)).increment();
    }

    public void redelivered() {
        meters.counter(MetricNames.WORKQUEUE_REDELIVERIES).increment();
    }

    /** A record consumed from {@code topic} goes to {@code <topic>.dlq}. */
    public void deadLettered(String topic) {
        meters.counter(MetricNames.DEAD_LETTERED, MetricNames.TAG_TOPIC, topic).increment();
    }

    /** Slot gauges of the running work queue. */
    public void slots(WorkQueue workQueue) {
        Gauge.builder(MetricNames.TRAINER_SLOTS_BUSY, workQueue, WorkQueue::busySlots)
                .description(MetricNames.require(MetricNames.TRAINER_SLOTS_BUSY).description()).register(meters);
        Gauge.builder(MetricNames.TRAINER_SLOTS, workQueue, WorkQueue::slotCount)
                .description(MetricNames.require(MetricNames.TRAINER_SLOTS).description()).register(meters);
    }

    private record TimedBackend(TrainingBackend backend, Timer timer) implements TrainingBackend {

        @Override
        public String name() {
            return backend.name();
        }

        @Override
        public TrainingSession open(TrialSuggested trial) throws TrialFailedException {
            return new TimedSession(backend.open(trial), timer);
        }

        @Override
        public io.tunestream.trainer.backend.FinalOutcome evaluateFinal(TrialSuggested job) throws TrialFailedException, InterruptedException {
            return backend.evaluateFinal(job);
        }
    }

    private record TimedSession(TrainingSession session, Timer timer) implements TrainingSession {

        @Override
        public java.util.Optional<Map<String, Double>> trainEpoch(int epoch) throws TrialFailedException, InterruptedException {
            long start = System.nanoTime();
            var metrics = session.trainEpoch(epoch);
            if (metrics.isPresent()) { // empty: the training had already ended, no epoch was trained
                timer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
            return metrics;
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
