package io.tunestream.results.aggregation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;

/**
 * The mutable state of one trial. Not thread-safe: {@link ResultsLedger} guards every access.
 * Fields that are unknown until some event arrives are null here and never leave this class as null.
 */
final class TrialEntry {

    final String trialId;
    private long trialNumber;
    private boolean suggested;
    private Map<String, Object> params = Map.of();
    private String objectiveMetric;
    private Instant suggestedAt;

    private TrialState state = TrialState.QUEUED;
    private int attempt;
    private String workerId;
    private Instant startedAt;
    private Instant endedAt;
    private String reason;
    /** Epoch -> metrics of the current attempt. */
    private final NavigableMap<Integer, Map<String, Double>> curve = new TreeMap<>();
    /** Attempt -> the last epoch it ran, for the budget actually spent. */
    private final Map<Integer, Integer> epochsByAttempt = new HashMap<>();
    private Map<String, Double> finalMetrics = Map.of();
    private int finalEpoch;

    /** The ledger's sequence number at this trial's last change (see {@link ResultsLedger#changes}). */
    long version;

    /** A final decision was emitted (or found already published); never a second one. */
    boolean finalDecided;
    /** A STOP order was emitted (or found already published); never a second one. */
    boolean stopOrdered;
    /** Rungs (epochs) at which a PROMOTED decision was made for the current trial. */
    final java.util.Set<Integer> promotedAt = new java.util.HashSet<>();
    /** The trial's work item on the work queue (known once its suggestion is read). */
    final WorkItem workItem = new WorkItem();
    /** Attempt numbers that reported anything: the attempts that really ran (renewals are not among them). */
    final java.util.Set<Integer> attemptsRun = new java.util.HashSet<>();

    TrialEntry(String trialId, long trialNumber) {
        this.trialId = trialId;
        this.trialNumber = trialNumber;
    }

    TrialState state() {
        return state;
    }

    int attempt() {
        return attempt;
    }

    long trialNumber() {
        return trialNumber;
    }

    Optional<String> objectiveMetric() {
        return Optional.ofNullable(objectiveMetric);
    }

    Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    int finalEpoch() {
        return finalEpoch;
    }

    /** The first suggestion of the trial fills in what it knows; a re-published one changes nothing. */
    void applySuggestion(TrialSuggested event) {
        if (suggested) {
            return;
        }
        suggested = true;
        trialNumber = event.trialNumber();
        params = event.params();
        objectiveMetric = event.objectiveMetric();
        suggestedAt = event.suggestedAt();
    }

    /**
     * Applies a report under the attempt rule: nothing changes once the trial is final; a report of an
     * older attempt is stale; a newer attempt starts over with an empty curve; EPOCH reports are
     * idempotent by epoch number (the first report of an epoch wins).
     */
    void applyReport(TrialReported report) {
        if (state.isFinal()) {
            return;
        }
        attemptsRun.add(report.attempt());
        if (report.attempt() < attempt) {
            return;
        }
        if (report.attempt() > attempt) {
            attempt = report.attempt();
            curve.clear();
            workerId = report.workerId();
            startedAt = report.occurredAt();
            state = TrialState.RUNNING;
        }
        ReportKind kind = report.kind();
        switch (kind) {
            case STARTED -> state = TrialState.RUNNING;
            case EPOCH -> {
                state = TrialState.RUNNING;
                curve.putIfAbsent(report.epoch(), report.metrics());
                epochsByAttempt.merge(attempt, report.epoch(), Math::max);
            }
            case COMPLETED, STOPPED, FAILED -> {
                state = switch (kind) {
                    case COMPLETED -> TrialState.COMPLETED;
                    case STOPPED -> TrialState.STOPPED;
                    default -> TrialState.FAILED;
                };
                endedAt = report.occurredAt();
                reason = report.message();
                finalMetrics = report.metrics();
                finalEpoch = Math.max(report.epoch(), lastEpoch());
                epochsByAttempt.merge(attempt, report.epoch(), Math::max);
            }
        }
    }

    /** A metric at one epoch of the current attempt's curve. */
    Optional<Double> metricAt(int epoch, String metric) {
        return Optional.ofNullable(curve.get(epoch)).map(metrics -> metrics.get(metric));
    }

    /** The last epoch of the current attempt's curve, 0 before any. */
    int lastEpoch() {
        return curve.isEmpty() ? 0 : curve.lastKey();
    }

    long epochsUsed() {
        return epochsByAttempt.values().stream().mapToLong(Integer::longValue).sum();
    }

    /**
     * The objective: the metric in the final report when it carries it, otherwise the metric at the
     * last epoch of the current attempt that reported it. A FAILED trial has no value.
     */
    OptionalDouble value(Optional<String> metric) {
        if (metric.isEmpty() || state == TrialState.FAILED) {
            return OptionalDouble.empty();
        }
        String name = metric.get();
        if (state.isFinal() && finalMetrics.get(name) != null) {
            return OptionalDouble.of(finalMetrics.get(name));
        }
        for (Map<String, Double> metrics : curve.descendingMap().values()) {
            Double value = metrics.get(name);
            if (value != null) {
                return OptionalDouble.of(value);
            }
        }
        return OptionalDouble.empty();
    }

    TrialRow row(Optional<String> metric) {
        return new TrialRow(trialId, trialNumber, state, value(metric), params, curve.size(), attempt,
                Optional.ofNullable(workerId), Optional.ofNullable(reason));
    }

    TrialDetail detail(Optional<String> metric) {
        List<CurvePoint> points = new ArrayList<>(curve.size());
        curve.forEach((epoch, metrics) -> points.add(new CurvePoint(epoch, metrics)));
        Timings timings = new Timings(Optional.ofNullable(suggestedAt), Optional.ofNullable(startedAt), Optional.ofNullable(endedAt));
        return new TrialDetail(row(metric), points, timings);
    }
}
