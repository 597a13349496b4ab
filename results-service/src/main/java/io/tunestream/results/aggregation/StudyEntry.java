package io.tunestream.results.aggregation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.contracts.spec.BudgetSpec;
import io.tunestream.contracts.spec.ObjectiveSpec;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.optimizer.objective.Direction;
import io.tunestream.optimizer.scheduler.TrialDecision;

/** The mutable state of one study and its trials. Not thread-safe: {@link ResultsLedger} guards it. */
final class StudyEntry {

    final String studyId;
    private String name;
    private StudyState state;
    private String metric;
    private Direction direction;
    private Integer maxTrials;
    private Instant changedAt;
    private StudySpec spec;
    /** The ledger's sequence number at this study's last change (see {@link ResultsLedger#changes}). */
    long version;
    private final Map<String, TrialEntry> trials = new LinkedHashMap<>();
    private final FinalEntry finalEntry = new FinalEntry();
    private Referee referee;
    private boolean refereeSettled;
    /** Epoch reports read before the spec said which scheduler judges them, in arrival order. */
    private final List<EpochReport> unrefereed = new ArrayList<>();

    /** One epoch of a trial's current attempt, as the referee sees it. */
    record EpochReport(String trialId, long trialNumber, int epoch) {
    }

    StudyEntry(String studyId) {
        this.studyId = studyId;
    }

    TrialEntry trial(String trialId, long trialNumber) {
        return trials.computeIfAbsent(trialId, id -> new TrialEntry(id, trialNumber));
    }

    /** The study's final evaluation (empty state until its job or a report of it arrives). */
    FinalEntry finalEntry() {
        return finalEntry;
    }

    Optional<TrialEntry> findTrial(String trialId) {
        return Optional.ofNullable(trials.get(trialId));
    }

    Collection<TrialEntry> trials() {
        return trials.values();
    }

    boolean isStopped() {
        return state == StudyState.STOPPED;
    }

    /**
     * Takes the study as of this change, unless the event is older than the one applied last (a
     * redelivered older version must not roll the study back). Returns whether it was applied.
     */
    boolean apply(StudyChanged event) {
        if (changedAt != null && event.occurredAt().isBefore(changedAt)) {
            return false;
        }
        changedAt = event.occurredAt();
        state = event.state();
        StudySpec spec = event.spec();
        this.spec = spec;
        name = spec.name();
        ObjectiveSpec objective = spec.objective();
        if (objective != null) {
            metric = objective.metric();
            direction = switch (String.valueOf(objective.direction())) {
                case "minimize" -> Direction.MINIMIZE;
                case "maximize" -> Direction.MAXIMIZE;
                default -> null; // unknown until a valid spec says it
            };
        }
        BudgetSpec budget = spec.budget();
        maxTrials = budget == null ? null : budget.maxTrials();
        if (!refereeSettled) {
            refereeSettled = true;
            referee = Referee.of(spec, rankingDirection()).orElse(null);
        }
        return true;
    }

    /**
     * Feeds one epoch of a trial's current attempt to the referee, or keeps it until the spec says
     * which scheduler (if any) judges the study. Returns the scheduler's decisions.
     */
    List<TrialDecision> refereeEpoch(TrialEntry trial, int epoch) {
        if (!refereeSettled) {
            unrefereed.add(new EpochReport(trial.trialId, trial.trialNumber(), epoch));
            return List.of();
        }
        return referee == null ? List.of() : referee.onEpoch(trial.trialNumber(), epoch, valueAt(trial, epoch));
    }

    /** Tells the referee a trial ended; decisions about other trials may follow (successive halving). */
    List<TrialDecision> refereeEnded(TrialEntry trial) {
        if (!refereeSettled) {
            return List.of();
        }
        return referee == null ? List.of() : referee.onEnded(trial.trialNumber());
    }

    /** The epochs read before the spec, judged now that the referee exists; empty afterwards. */
    List<TrialDecision> refereeBacklog() {
        if (!refereeSettled || unrefereed.isEmpty()) {
            return List.of();
        }
        var decisions = new ArrayList<TrialDecision>();
        for (EpochReport report : unrefereed) {
            TrialEntry trial = trials.get(report.trialId());
            if (referee != null && trial != null && !trial.state().isFinal()) {
                decisions.addAll(referee.onEpoch(report.trialNumber(), report.epoch(), valueAt(trial, report.epoch())));
            }
        }
        unrefereed.clear();
        if (referee != null) {
            trials.values().stream().filter(trial -> trial.state().isFinal())
                    .forEach(trial -> decisions.addAll(referee.onEnded(trial.trialNumber())));
        }
        return decisions;
    }

    /** The trial's objective at an epoch of its current attempt; NaN when it did not report it. */
    private double valueAt(TrialEntry trial, int epoch) {
        return objectiveMetric(trial).flatMap(metric -> trial.metricAt(epoch, metric)).orElse(Double.NaN);
    }

    /** The metric a trial is judged by: its own (from its suggestion), else the study's. */
    Optional<String> objectiveMetric(TrialEntry trial) {
        return trial.objectiveMetric().or(() -> Optional.ofNullable(metric));
    }

    /** The study's metric, else the one its trials were suggested with. */
    Optional<String> metric() {
        return Optional.ofNullable(metric).or(() -> trials.values().stream()
                .map(TrialEntry::objectiveMetric)
                .flatMap(Optional::stream)
                .findFirst());
    }

    /** The study's spec as of its last change; empty until its {@code StudyChanged} arrived. */
    Optional<StudySpec> spec() {
        return Optional.ofNullable(spec);
    }

    Optional<Direction> direction() {
        return Optional.ofNullable(direction);
    }

    /** The direction used for ranking: minimize until the study's spec says otherwise. */
    Direction rankingDirection() {
        return direction().orElse(Direction.MINIMIZE);
    }

    StudySummary summary() {
        int queued = 0;
        int running = 0;
        int completed = 0;
        int stopped = 0;
        int failed = 0;
        long epochsUsed = 0;
        Comparator<TrialRow> bestFirst = LeaderboardQuery.DEFAULT.comparator(rankingDirection());
        TrialRow best = null;
        for (TrialEntry trial : trials.values()) {
            switch (trial.state()) {
                case QUEUED -> queued++;
                case RUNNING -> running++;
                case COMPLETED -> completed++;
                case STOPPED -> stopped++;
                case FAILED -> failed++;
            }
            epochsUsed += trial.epochsUsed();
            if (trial.state() == TrialState.COMPLETED) {
                TrialRow row = trial.row(objectiveMetric(trial));
                if (row.value().isPresent() && (best == null || bestFirst.compare(row, best) < 0)) {
                    best = row;
                }
            }
        }
        var counts = new TrialCounts(queued, running, completed, stopped, failed, trials.size());
        return new StudySummary(studyId, Optional.ofNullable(name), Optional.ofNullable(state), metric(), direction(),
                counts, Optional.ofNullable(best), epochsUsed,
                maxTrials == null ? OptionalInt.empty() : OptionalInt.of(maxTrials), finalEntry.evaluation());
    }
}
