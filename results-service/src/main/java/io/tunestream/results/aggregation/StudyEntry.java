package io.tunestream.results.aggregation;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.contracts.spec.BudgetSpec;
import io.tunestream.contracts.spec.ObjectiveSpec;
import io.tunestream.contracts.spec.StudySpec;

/** The mutable state of one study and its trials. Not thread-safe: {@link ResultsLedger} guards it. */
final class StudyEntry {

    final String studyId;
    private String name;
    private StudyState state;
    private String metric;
    private Direction direction;
    private Integer maxTrials;
    private Instant changedAt;
    private final Map<String, TrialEntry> trials = new LinkedHashMap<>();

    StudyEntry(String studyId) {
        this.studyId = studyId;
    }

    TrialEntry trial(String trialId, long trialNumber) {
        return trials.computeIfAbsent(trialId, id -> new TrialEntry(id, trialNumber));
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
        name = spec.name();
        ObjectiveSpec objective = spec.objective();
        if (objective != null) {
            metric = objective.metric();
            direction = Direction.fromWireName(objective.direction()).orElse(null);
        }
        BudgetSpec budget = spec.budget();
        maxTrials = budget == null ? null : budget.maxTrials();
        return true;
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
                maxTrials == null ? OptionalInt.empty() : OptionalInt.of(maxTrials));
    }
}
