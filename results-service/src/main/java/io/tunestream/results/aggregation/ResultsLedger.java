package io.tunestream.results.aggregation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

import io.tunestream.contracts.SchemaVersion;
import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.RetryOf;
import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.optimizer.objective.Direction;
import io.tunestream.optimizer.scheduler.SchedulerAction;
import io.tunestream.optimizer.scheduler.TrialDecision;

/**
 * Everything results-service knows, folded from the three event topics, and the referee's decisions.
 *
 * <p>Rules, each independent of the order in which the topics are read and of redelivery:
 * <ul>
 *   <li>A trial exists from the first event that names it (a report may come before its suggestion or
 *       before its study's spec); what is unknown stays empty until an event says it.</li>
 *   <li>Attempts: a report of an older attempt than the trial's current one is stale and ignored; a
 *       newer attempt replaces the curve (the older attempt died); once a trial is final nothing about
 *       it changes. EPOCH reports are idempotent by epoch number.</li>
 *   <li>The objective of a trial is its objective metric (from its suggestion, else the study's spec)
 *       in its final report, else at the last epoch of its current attempt. NaN is the worst value.</li>
 *   <li>Decisions: exactly one final decision per trial (COMPLETED, STOPPED or FAILED, following the
 *       trainer's final report; COMPLETED and STOPPED wait until the objective metric is known), and
 *       one STOP per non-final trial of a study stopped by its user. Decisions already published by
 *       an earlier run of the service ({@link #recordPublished}) are not made again.</li>
 *   <li>Replay: while the backlog of the topics is read after a start ({@link #beginReplay()} to
 *       {@link #endReplay()}), a study's stop may be read before the reports that finished some of its
 *       trials (the topics are not ordered with each other), so the STOPs of stopped studies wait for
 *       the end of the replay, when only the trials still unfinished get one.</li>
 * </ul>
 *
 * <p>Thread-safe: one lock guards all state; queries return immutable snapshots.
 */
public final class ResultsLedger {

    /** The reason given with the STOP decisions of a study stopped by its user. */
    public static final String STUDY_STOPPED_REASON = "study stopped by user";

    /** How every reason of the work-queue audit ({@link #auditWorkQueue}) begins. */
    public static final String GIVEN_UP_REASON = "the work queue gave up on this trial";

    /** Audit rounds a decision of the work-queue audit may take to have an effect before the trial is reported FAILED. */
    public static final int AUDIT_PATIENCE_ROUNDS = 10;

    private final Clock clock;
    private final Map<String, StudyEntry> studies = new HashMap<>();
    private final Set<DecisionKey> published = new HashSet<>();
    private boolean replaying;
    /** Increases with every event applied; studies and trials remember it at their last change. */
    private long sequence;

    public ResultsLedger(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ResultsLedger() {
        this(Clock.systemUTC());
    }

    /** Applies a study change; a stop yields a STOP for every trial of the study that is not final. */
    public synchronized List<TrialDecided> onStudyChanged(StudyChanged event) {
        StudyEntry study = entry(event.studyId());
        if (!study.apply(event)) {
            return List.of();
        }
        study.version = ++sequence;
        var decisions = new ArrayList<TrialDecided>(referee(study, study.refereeBacklog()));
        for (TrialEntry trial : study.trials()) {
            decide(study, trial).ifPresent(decisions::add);
        }
        return decisions;
    }

    public synchronized List<TrialDecided> onTrialSuggested(TrialSuggested event) {
        return onTrialSuggested(event, -1, -1);
    }

    /**
     * Applies a suggestion read at {@code partition}/{@code offset} of the work queue's topic: where its
     * work item lies, for {@link #auditWorkQueue}. A negative offset places nothing.
     */
    public synchronized List<TrialDecided> onTrialSuggested(TrialSuggested event, int partition, long offset) {
        StudyEntry study = entry(event.studyId());
        if (event.isFinalize()) {
            study.finalEntry().applySuggestion(event);
            study.finalEntry().workItem.place(partition, offset, 0);
            return decideFinal(study).stream().toList();
        }
        TrialEntry trial = study.trial(event.trialId(), event.trialNumber());
        trial.applySuggestion(event);
        trial.workItem.place(partition, offset, event.retryOf().map(RetryOf::afterAttempt).orElse(0));
        touch(study, trial);
        return decide(study, trial).stream().toList();
    }

    /** What one round of the work-queue audit calls for: FAILED reports to publish, RETRY decisions to publish. */
    public record WorkQueueAudit(List<TrialReported> failedReports, List<TrialDecided> retries) {
        public WorkQueueAudit {
            failedReports = List.copyOf(failedReports);
            retries = List.copyOf(retries);
        }

        public boolean isEmpty() {
            return failedReports.isEmpty() && retries.isEmpty();
        }
    }

    /**
     * One round of the work-queue audit. For every unfinished trial (or final evaluation) whose work item
     * the share group has finished with (it lies below the offset under which every record of its
     * partition is finished, {@code finishedBelow}, by partition of {@code hpo.trial.suggested}, in this
     * round and the previous one, see {@link WorkItem#audit}), no trainer will report again, and without a
     * decision its study would wait forever. So:
     * <ul>
     *   <li>a trial of a running study that ran fewer than {@code maxAttempts} attempts (counted by the
     *       attempt numbers that reported, so lock renewals, which Kafka 4.3 can count as deliveries, do not
     *       use them up) with fewer than {@code maxAttempts} copies of its item gets a RETRY decision: the
     *       suggester publishes the item again, for the attempts left;</li>
     *   <li>any other gets a FAILED report by {@code auditorId}, on {@code hpo.trial.reported} like a
     *       trainer's, so that a restart replays it; one that arrives after a newer attempt's report is
     *       stale and ignored, and a later round reports that attempt;</li>
     *   <li>a decision that had no effect within {@link #AUDIT_PATIENCE_ROUNDS} rounds (no copy came after a
     *       RETRY: the suggester died before publishing it; or the report was lost) is followed by a FAILED
     *       report.</li>
     * </ul>
     * Empty while the backlog is replayed, when the ledger does not yet know which trials have ended.
     */
    public synchronized WorkQueueAudit auditWorkQueue(Map<Integer, Long> finishedBelow, int maxAttempts, String auditorId) {
        if (replaying) {
            return new WorkQueueAudit(List.of(), List.of());
        }
        var reports = new ArrayList<TrialReported>();
        var retries = new ArrayList<TrialDecided>();
        studies.values().stream().sorted(Comparator.comparing(study -> study.studyId)).forEach(study -> {
            for (TrialEntry trial : study.trials()) {
                if (!trial.state().isFinal()) {
                    auditTrial(study, trial, finishedBelow, maxAttempts, auditorId, reports, retries);
                }
            }
            FinalEntry evaluation = study.finalEntry();
            if (evaluation.isSuggested() && !evaluation.isFinal()) {
                var finding = evaluation.workItem.audit(finishedBelow, evaluation.attempt());
                boolean waitedInVain = finding == WorkItem.Finding.DECIDED && evaluation.workItem.roundsSinceDecision() > AUDIT_PATIENCE_ROUNDS;
                if (finding == WorkItem.Finding.GIVEN_UP || waitedInVain) {
                    evaluation.workItem.decideAgain();
                    reports.add(new TrialReported(SchemaVersion.CURRENT, study.studyId, TrialSuggested.finalTrialId(study.studyId),
                            evaluation.trialNumber(), evaluation.attempt(), ReportKind.FAILED, 0, Map.of(), auditorId,
                            GIVEN_UP_REASON + ": its work item was finished by the share group without a final report (its trainers died)",
                            clock.instant()));
                }
            }
        });
        return new WorkQueueAudit(reports, retries);
    }

    private void auditTrial(StudyEntry study, TrialEntry trial, Map<Integer, Long> finishedBelow, int maxAttempts, String auditorId,
                            List<TrialReported> reports, List<TrialDecided> retries) {
        int attempt = Math.max(trial.attempt(), 1);
        int run = trial.attemptsRun.size();
        switch (trial.workItem.audit(finishedBelow, attempt)) {
            case GIVEN_UP -> {
                if (!study.isStopped() && run < maxAttempts && trial.workItem.copies() < maxAttempts) {
                    // Every attempt number of the finished copy is at most its base plus maxAttempts (a
                    // trainer refuses later deliveries): the next copy's attempts are newer than all of them.
                    int after = Math.max(trial.attempt(), trial.workItem.afterAttempt() + maxAttempts);
                    trial.workItem.awaitCopy();
                    if (!published.contains(DecisionKey.retry(study.studyId, trial.trialId, after))) {
                        retries.add(new TrialDecided(SchemaVersion.CURRENT, study.studyId, trial.trialId, trial.trialNumber(), after,
                                DecisionAction.RETRY, trial.lastEpoch(), null,
                                GIVEN_UP_REASON + " after " + run + " attempt(s) without a final report (its trainers died; lock renewals "
                                        + "may count as deliveries); publishing it again for the " + (maxAttempts - run) + " attempt(s) left",
                                clock.instant(), maxAttempts - run));
                    }
                } else {
                    reports.add(givenUpReport(study, trial, attempt, auditorId, study.isStopped()
                            ? GIVEN_UP_REASON + ": its work item was finished by the share group without a final report"
                            : GIVEN_UP_REASON + ": attempts used up, " + run + " attempt(s) ran (maxAttempts=" + maxAttempts
                                    + ") and none reported an end (its trainers died; lock renewals may count as deliveries)"));
                }
            }
            case DECIDED -> {
                if (trial.workItem.roundsSinceDecision() > AUDIT_PATIENCE_ROUNDS) {
                    reports.add(givenUpReport(study, trial, attempt, auditorId, trial.workItem.awaitsCopy()
                            ? GIVEN_UP_REASON + ": it was to be retried, but no new copy of its work item was published within "
                                    + AUDIT_PATIENCE_ROUNDS + " audit rounds"
                            : GIVEN_UP_REASON + ": its work item was finished by the share group without a final report"));
                    trial.workItem.decideAgain();
                }
            }
            default -> {
                // still queued or running, or not confirmed yet
            }
        }
    }

    private TrialReported givenUpReport(StudyEntry study, TrialEntry trial, int attempt, String auditorId, String reason) {
        return new TrialReported(SchemaVersion.CURRENT, study.studyId, trial.trialId, trial.trialNumber(), attempt, ReportKind.FAILED,
                trial.lastEpoch(), Map.of(), auditorId, reason, clock.instant());
    }

    public synchronized List<TrialDecided> onTrialReported(TrialReported event) {
        StudyEntry study = entry(event.studyId());
        if (TrialSuggested.isFinalTrialId(event.studyId(), event.trialId())) {
            study.finalEntry().applyReport(event);
            return decideFinal(study).stream().toList();
        }
        TrialEntry trial = study.trial(event.trialId(), event.trialNumber());
        boolean accepted = !trial.state().isFinal() && event.attempt() >= trial.attempt();
        trial.applyReport(event);
        if (accepted) {
            touch(study, trial);
        }
        var decisions = new ArrayList<TrialDecided>();
        decide(study, trial).ifPresent(decisions::add);
        if (accepted && event.kind() == ReportKind.EPOCH) {
            decisions.addAll(referee(study, study.refereeEpoch(trial, event.epoch())));
        }
        if (accepted && trial.state().isFinal()) {
            decisions.addAll(referee(study, study.refereeEnded(trial)));
        }
        return decisions;
    }

    /**
     * Turns the scheduler's answers into decisions: a STOP once per trial, a PROMOTED once per trial
     * and rung (with the trial's value at that budget, the observation a budget-aware model learns
     * from). CONTINUE and COMPLETE need no event: the trial goes on, or ends by itself at R.
     */
    private List<TrialDecided> referee(StudyEntry study, List<TrialDecision> answers) {
        var decisions = new ArrayList<TrialDecided>();
        for (TrialDecision answer : answers) {
            Optional<TrialEntry> target = study.findTrial(TrialSuggested.trialId(study.studyId, answer.trialNumber()));
            if (target.isEmpty() || target.get().state().isFinal()) {
                continue;
            }
            TrialEntry trial = target.get();
            if (answer.action() == SchedulerAction.STOP && !trial.stopOrdered) {
                trial.stopOrdered = true;
                if (!published.contains(DecisionKey.stop(study.studyId, trial.trialId))) {
                    // The value at the rung where it lost: an observation at that budget for BOHB.
                    Double value = study.objectiveMetric(trial).flatMap(metric -> trial.metricAt(answer.epoch(), metric)).orElse(null);
                    decisions.add(decision(study, trial, DecisionAction.STOP, answer.epoch(), value, answer.reason()));
                }
            } else if (answer.action() == SchedulerAction.PROMOTE && trial.promotedAt.add(answer.epoch())) {
                if (!published.contains(DecisionKey.promoted(study.studyId, trial.trialId, answer.epoch()))) {
                    Double value = study.objectiveMetric(trial).flatMap(metric -> trial.metricAt(answer.epoch(), metric)).orElse(null);
                    decisions.add(decision(study, trial, DecisionAction.PROMOTED, answer.epoch(), value, answer.reason()));
                }
            }
        }
        return decisions;
    }

    /**
     * Remembers a decision that is already on the decisions topic (published before a restart), so
     * that replaying the events does not publish it a second time.
     */
    public synchronized void recordPublished(TrialDecided decision) {
        published.add(DecisionKey.of(decision));
    }

    /**
     * From now until {@link #endReplay()}, the events are a backlog being replayed: STOP orders of
     * stopped studies are held back.
     */
    public synchronized void beginReplay() {
        replaying = true;
    }

    /**
     * The backlog is read: returns a STOP for every trial that is still unfinished in a stopped study
     * (and was not ordered to stop before); from now on STOPs follow the events as they come.
     */
    public synchronized List<TrialDecided> endReplay() {
        if (!replaying) {
            return List.of();
        }
        replaying = false;
        var decisions = new ArrayList<TrialDecided>();
        studies.values().stream()
                .sorted(Comparator.comparing(study -> study.studyId))
                .forEach(study -> study.trials().forEach(trial -> decide(study, trial).ifPresent(decisions::add)));
        return decisions;
    }

    public synchronized boolean isReplaying() {
        return replaying;
    }

    /** Every study known, by study id. */
    public synchronized List<StudySummary> studies() {
        return studies.values().stream()
                .sorted(Comparator.comparing(study -> study.studyId))
                .map(StudyEntry::summary)
                .toList();
    }

    /** One study, with its best trial; empty when unknown. */
    public synchronized Optional<StudySummary> study(String studyId) {
        return Optional.ofNullable(studies.get(studyId)).map(StudyEntry::summary);
    }

    /** The study's trials in the query's order; empty when the study is unknown. */
    public Optional<List<TrialRow>> trials(String studyId, LeaderboardQuery query) {
        List<TrialRow> rows;
        Direction direction;
        synchronized (this) {
            StudyEntry study = studies.get(studyId);
            if (study == null) {
                return Optional.empty();
            }
            direction = study.rankingDirection();
            rows = new ArrayList<>();
            for (TrialEntry trial : study.trials()) {
                TrialRow row = trial.row(study.objectiveMetric(trial));
                if (query.accepts(row)) {
                    rows.add(row);
                }
            }
        }
        rows.sort(query.comparator(direction));
        return Optional.of(List.copyOf(rows));
    }

    /** One trial with its curve; empty when the study or the trial is unknown. */
    public synchronized Optional<TrialDetail> trial(String studyId, String trialId) {
        StudyEntry study = studies.get(studyId);
        if (study == null) {
            return Optional.empty();
        }
        return study.findTrial(trialId).map(trial -> trial.detail(study.objectiveMetric(trial)));
    }

    /**
     * What changed in a study after {@code sinceVersion}: its summary and spec, the current version,
     * and every trial changed since (with its curve and timings); all trials for version 0. Empty when
     * the study is unknown. A client keeps the returned version and asks again with it: the live
     * dashboard's deltas.
     */
    public synchronized Optional<StudyChanges> changes(String studyId, long sinceVersion) {
        StudyEntry study = studies.get(studyId);
        if (study == null) {
            return Optional.empty();
        }
        var changed = new ArrayList<TrialDetail>();
        for (TrialEntry trial : study.trials()) {
            if (trial.version > sinceVersion) {
                changed.add(trial.detail(study.objectiveMetric(trial)));
            }
        }
        return Optional.of(new StudyChanges(study.summary(), study.spec(), study.version, study.trials().size(), changed));
    }

    /** The specs of every study whose {@code StudyChanged} arrived, by study id. */
    public synchronized Map<String, StudySpec> specs() {
        var specs = new TreeMap<String, StudySpec>();
        studies.forEach((id, study) -> study.spec().ifPresent(spec -> specs.put(id, spec)));
        return specs;
    }

    private void touch(StudyEntry study, TrialEntry trial) {
        trial.version = ++sequence;
        study.version = sequence;
    }

    private StudyEntry entry(String studyId) {
        return studies.computeIfAbsent(studyId, StudyEntry::new);
    }

    /**
     * The one decision that ends a study's final evaluation (what the suggester waits for to complete
     * the study): COMPLETED with the test value of the objective metric ({@code val_x} is judged as
     * {@code test_x}; NaN when the trainer did not report it), or FAILED / STOPPED with the reason.
     */
    private Optional<TrialDecided> decideFinal(StudyEntry study) {
        FinalEntry entry = study.finalEntry();
        if (!entry.isFinal() || entry.decided) {
            return Optional.empty();
        }
        entry.decided = true;
        String trialId = TrialSuggested.finalTrialId(study.studyId);
        if (published.contains(DecisionKey.ofFinal(study.studyId, trialId))) {
            return Optional.empty();
        }
        String reason = entry.reason().orElse(null);
        var action = switch (entry.outcome()) {
            case COMPLETED -> DecisionAction.COMPLETED;
            case STOPPED -> DecisionAction.STOPPED;
            default -> DecisionAction.FAILED;
        };
        Double value = null;
        if (action == DecisionAction.COMPLETED) {
            String metric = study.metric().map(m -> m.startsWith("val_") ? "test_" + m.substring(4) : m).orElse("test_accuracy");
            value = entry.metrics().getOrDefault(metric, Double.NaN);
        }
        return Optional.of(new TrialDecided(SchemaVersion.CURRENT, study.studyId, trialId, entry.trialNumber(), entry.attempt(),
                action, entry.metrics().getOrDefault("epochs", 0.0).intValue(), value, reason, clock.instant()));
    }

    /** The decision this trial now calls for, if any, marking it made. */
    private Optional<TrialDecided> decide(StudyEntry study, TrialEntry trial) {
        if (trial.state().isFinal()) {
            if (trial.finalDecided) {
                return Optional.empty();
            }
            Optional<TrialDecided> decision = finalDecision(study, trial);
            if (decision.isPresent()) {
                trial.finalDecided = true;
                if (published.contains(DecisionKey.ofFinal(study.studyId, trial.trialId))) {
                    return Optional.empty();
                }
            }
            return decision;
        }
        if (study.isStopped() && !trial.stopOrdered && !replaying) {
            trial.stopOrdered = true;
            if (published.contains(DecisionKey.stop(study.studyId, trial.trialId))) {
                return Optional.empty();
            }
            return Optional.of(decision(study, trial, DecisionAction.STOP, trial.lastEpoch(), null, STUDY_STOPPED_REASON));
        }
        return Optional.empty();
    }

    private Optional<TrialDecided> finalDecision(StudyEntry study, TrialEntry trial) {
        String reason = trial.reason().orElse(null);
        if (trial.state() == TrialState.FAILED) {
            return Optional.of(decision(study, trial, DecisionAction.FAILED, trial.finalEpoch(), null, reason));
        }
        Optional<String> metric = study.objectiveMetric(trial);
        if (metric.isEmpty()) {
            return Optional.empty(); // decided once the suggestion or the study's spec names the metric
        }
        OptionalDouble value = trial.value(metric);
        if (trial.state() == TrialState.COMPLETED) {
            if (value.isEmpty()) {
                return Optional.of(decision(study, trial, DecisionAction.COMPLETED, trial.finalEpoch(), Double.NaN,
                        "objective metric `" + metric.get() + "` was never reported"));
            }
            return Optional.of(decision(study, trial, DecisionAction.COMPLETED, trial.finalEpoch(), value.getAsDouble(), reason));
        }
        Double stoppedValue = value.isPresent() ? value.getAsDouble() : null;
        return Optional.of(decision(study, trial, DecisionAction.STOPPED, trial.finalEpoch(), stoppedValue, reason));
    }

    private TrialDecided decision(StudyEntry study, TrialEntry trial, DecisionAction action, int epoch, Double value, String reason) {
        return new TrialDecided(SchemaVersion.CURRENT, study.studyId, trial.trialId, trial.trialNumber(), trial.attempt(),
                action, epoch, value, reason, clock.instant());
    }

    /** A decision already made for a trial: its final one, its STOP, or its promotion at a rung. */
    private record DecisionKey(String studyId, String trialId, String kind) {
        static DecisionKey ofFinal(String studyId, String trialId) {
            return new DecisionKey(studyId, trialId, "final");
        }

        static DecisionKey stop(String studyId, String trialId) {
            return new DecisionKey(studyId, trialId, "stop");
        }

        static DecisionKey promoted(String studyId, String trialId, int epoch) {
            return new DecisionKey(studyId, trialId, "promoted@" + epoch);
        }

        static DecisionKey retry(String studyId, String trialId, int afterAttempt) {
            return new DecisionKey(studyId, trialId, "retry@" + afterAttempt);
        }

        static DecisionKey of(TrialDecided decision) {
            return switch (decision.action()) {
                case STOP -> stop(decision.studyId(), decision.trialId());
                case RETRY -> retry(decision.studyId(), decision.trialId(), decision.attempt());
                case PROMOTED -> promoted(decision.studyId(), decision.trialId(), decision.epoch());
                default -> ofFinal(decision.studyId(), decision.trialId());
            };
        }
    }
}
