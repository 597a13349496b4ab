package io.tunestream.results.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.tunestream.contracts.MetricNames;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.results.aggregation.ResultsLedger;
import io.tunestream.results.aggregation.StudySummary;
import io.tunestream.results.aggregation.TrialCounts;

/**
 * The meters of results-service. The trial gauges read the ledger at every scrape; the per-study
 * gauges ({@code study} tag) are rebuilt every {@code tunestream.metrics.refresh-interval}
 * from the studies that are RUNNING, so a study's series disappear once it ends and the tag set is
 * bounded by the active studies.
 */
@ApplicationScoped
public class ResultsMetrics {

    private static final Logger LOG = Logger.getLogger(ResultsMetrics.class);

    private final ResultsLedger ledger;
    private final MeterRegistry meters;
    private final Duration refreshInterval;
    /** maxEpochs of every study seen (for the epoch budget and the epochs saved by early stopping). */
    private final Map<String, Integer> maxEpochs = new ConcurrentHashMap<>();
    private MultiGauge best;
    private MultiGauge epochsUsed;
    private MultiGauge epochsBudget;
    private MultiGauge trialsFinished;
    private MultiGauge trialsBudget;
    private ScheduledExecutorService refresher;

    public ResultsMetrics(ResultsLedger ledger, MeterRegistry meters,
                          @ConfigProperty(name = "tunestream.metrics.refresh-interval", defaultValue = "PT5S") Duration refreshInterval) {
        this.ledger = ledger;
        this.meters = meters;
        this.refreshInterval = refreshInterval;
    }

    void onStart(@Observes StartupEvent event) {
        // counters at zero, so that dashboards and alerts see 0 rather than no series
        meters.counter(MetricNames.TRIALS_STARTED);
        meters.counter(MetricNames.TRIALS_EPOCHS_SAVED);
        meters.counter(MetricNames.WORKQUEUE_GIVEN_UP);
        for (DecisionAction action : DecisionAction.values()) {
            if (action.isFinal()) {
                meters.counter(MetricNames.TRIALS_FINISHED, MetricNames.TAG_OUTCOME, tag(action));
            }
        }
        for (String topic : List.of(Topics.STUDY_CHANGED, Topics.TRIAL_SUGGESTED, Topics.TRIAL_REPORTED)) {
            meters.counter(MetricNames.DEAD_LETTERED, MetricNames.TAG_TOPIC, topic);
        }
        gauge(MetricNames.TRIALS_QUEUED, TrialCounts::queued);
        gauge(MetricNames.TRIALS_RUNNING, TrialCounts::running);
        Gauge.builder(MetricNames.STUDIES_ACTIVE, this, m -> m.activeStudies().size())
                .description(describe(MetricNames.STUDIES_ACTIVE)).register(meters);
        best = multiGauge(MetricNames.STUDY_BEST_OBJECTIVE);
        epochsUsed = multiGauge(MetricNames.STUDY_EPOCHS_USED);
        epochsBudget = multiGauge(MetricNames.STUDY_EPOCHS_BUDGET);
        trialsFinished = multiGauge(MetricNames.STUDY_TRIALS_FINISHED);
        trialsBudget = multiGauge(MetricNames.STUDY_TRIALS_BUDGET);
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "results-metrics");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(100, refreshInterval.toMillis());
        refresher.scheduleWithFixedDelay(this::refreshSafely, 0, millis, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** Sees every valid event before the ledger applies it. */
    public void observed(Object event) {
        if (event instanceof StudyChanged change && change.spec().budget() != null) {
            maxEpochs.put(change.studyId(), change.spec().budget().maxEpochs());
        } else if (event instanceof TrialReported report && report.kind() == ReportKind.STARTED && report.attempt() == 1
                && !ledger.isReplaying() && !TrialSuggested.isFinalTrialId(report.studyId(), report.trialId())) {
            meters.counter(MetricNames.TRIALS_STARTED).increment();
        }
    }

    /** A decision is on the topic. */
    public void decisionPublished(TrialDecided decision) {
        meters.counter(MetricNames.SCHEDULER_DECISIONS, MetricNames.TAG_ACTION, tag(decision.action())).increment();
        // The final evaluation is not a trial of the search: it counts among the decisions only.
        if (!decision.action().isFinal() || TrialSuggested.isFinalTrialId(decision.studyId(), decision.trialId())) {
            return;
        }
        meters.counter(MetricNames.TRIALS_FINISHED, MetricNames.TAG_OUTCOME, tag(decision.action())).increment();
        if (decision.action() == DecisionAction.STOPPED && studyIsRunning(decision.studyId())) {
            Integer max = maxEpochs.get(decision.studyId());
            if (max != null && max > decision.epoch()) {
                meters.counter(MetricNames.TRIALS_EPOCHS_SAVED).increment(max - decision.epoch());
            }
        }
    }

    /** The work-queue audit reported a trial FAILED that no trainer will report. */
    public void givenUpByWorkQueue() {
        meters.counter(MetricNames.WORKQUEUE_GIVEN_UP).increment();
    }

    /** A decision could not be published after the retries. */
    public void decisionUnpublished(TrialDecided decision) {
        meters.counter(MetricNames.SCHEDULER_DECISIONS_UNPUBLISHED, MetricNames.TAG_ACTION, tag(decision.action())).increment();
    }

    /** A record consumed from {@code topic} goes to {@code <topic>.dlq}. */
    public void deadLettered(String topic) {
        meters.counter(MetricNames.DEAD_LETTERED, MetricNames.TAG_TOPIC, topic).increment();
    }

    /**
     * Records, once {@code publication} succeeds, the time from the event that caused {@code decisions}
     * to now in {@code hpo.decision.latency{action}}.
     */
    public Uni<Void> timeDecisions(Object cause, List<TrialDecided> decisions, Uni<Void> publication) {
        Instant causedAt = occurredAt(cause);
        if (causedAt == null || decisions.isEmpty()) {
            return publication;
        }
        var caused = List.copyOf(decisions);
        return publication.invoke(() -> {
            long nanos = Math.max(0, Duration.between(causedAt, Instant.now()).toNanos());
            for (TrialDecided decision : caused) {
                latencyTimer(decision.action()).record(nanos, TimeUnit.NANOSECONDS);
            }
        });
    }

    Timer latencyTimer(DecisionAction action) {
        return Timer.builder(MetricNames.DECISION_LATENCY)
                .description(describe(MetricNames.DECISION_LATENCY))
                .tag(MetricNames.TAG_ACTION, tag(action))
                .publishPercentileHistogram()
                .register(meters);
    }

    /** Rebuilds the per-study gauges from the running studies. */
    public void refresh() {
        List<StudySummary> active = activeStudies();
        var bestRows = new ArrayList<MultiGauge.Row<?>>();
        var usedRows = new ArrayList<MultiGauge.Row<?>>();
        var epochBudgetRows = new ArrayList<MultiGauge.Row<?>>();
        var finishedRows = new ArrayList<MultiGauge.Row<?>>();
        var trialBudgetRows = new ArrayList<MultiGauge.Row<?>>();
        for (StudySummary study : active) {
            Tags tags = Tags.of(MetricNames.TAG_STUDY, study.studyId());
            study.bestValue().ifPresent(value -> bestRows.add(MultiGauge.Row.of(tags, value)));
            usedRows.add(MultiGauge.Row.of(tags, study.epochsUsed()));
            TrialCounts trials = study.trials();
            finishedRows.add(MultiGauge.Row.of(tags, trials.completed() + trials.stopped() + trials.failed()));
            study.maxTrials().ifPresent(maxTrials -> {
                trialBudgetRows.add(MultiGauge.Row.of(tags, maxTrials));
                Integer epochs = maxEpochs.get(study.studyId());
                if (epochs != null) {
                    epochBudgetRows.add(MultiGauge.Row.of(tags, (long) maxTrials * epochs));
                }
            });
        }
        best.register(bestRows, true);
        epochsUsed.register(usedRows, true);
        epochsBudget.register(epochBudgetRows, true);
        trialsFinished.register(finishedRows, true);
        trialsBudget.register(trialBudgetRows, true);
    }

    private void refreshSafely() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf(e, "refreshing the per-study gauges failed; trying again in %s", refreshInterval);
        }
    }

    private List<StudySummary> activeStudies() {
        return ledger.studies().stream().filter(s -> s.state().filter(state -> state == StudyState.RUNNING).isPresent()).toList();
    }

    private boolean studyIsRunning(String studyId) {
        return ledger.study(studyId).flatMap(StudySummary::state).filter(state -> state == StudyState.RUNNING).isPresent();
    }

    private void gauge(String name, ToIntFunction<TrialCounts> count) {
        Gauge.builder(name, this, m -> m.ledger.studies().stream().mapToInt(s -> count.applyAsInt(s.trials())).sum())
                .description(describe(name)).register(meters);
    }

    private MultiGauge multiGauge(String name) {
        return MultiGauge.builder(name).description(describe(name)).register(meters);
    }

    private static String describe(String name) {
        return MetricNames.require(name).description();
    }

    private static Instant occurredAt(Object event) {
        if (event instanceof TrialReported report) {
            return report.occurredAt();
        }
        if (event instanceof StudyChanged change) {
            return change.occurredAt();
        }
        if (event instanceof TrialSuggested suggestion) {
            return suggestion.suggestedAt();
        }
        return null;
    }

    private static String tag(DecisionAction action) {
        return action.name().toLowerCase(Locale.ROOT);
    }
}
