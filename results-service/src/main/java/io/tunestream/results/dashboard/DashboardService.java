package io.tunestream.results.dashboard;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tunestream.contracts.spec.BudgetSpec;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.optimizer.analysis.FanovaImportance;
import io.tunestream.optimizer.objective.Direction;
import io.tunestream.results.aggregation.LeaderboardQuery;
import io.tunestream.results.aggregation.ResultsLedger;
import io.tunestream.results.aggregation.StudyChanges;
import io.tunestream.results.aggregation.StudySummary;
import io.tunestream.results.aggregation.TrialDetail;
import io.tunestream.results.aggregation.TrialRow;
import io.tunestream.results.rest.StudySummaryJson;

/**
 * Shapes the ledger for the dashboard: the studies list, a study's snapshot, and its deltas. Curves
 * are thinned so that a study sends at most {@code curvePointBudget} curve points in all; the work is
 * done on the caller's (worker) thread, the ledger's lock is held only to copy the changed trials.
 */
@ApplicationScoped
public class DashboardService {

    private final ResultsLedger ledger;
    private final DashboardConfig config;
    private final ImportanceCache importance;

    @Inject
    public DashboardService(ResultsLedger ledger, DashboardConfig config) {
        this.ledger = ledger;
        this.config = config;
        this.importance = new ImportanceCache(new FanovaImportance.Settings(config.importanceTrees(), 64, 1, 0L),
                config.importanceInterval(), Clock.systemUTC());
    }

    /** Every study with what its spec says about the search, by study id. */
    public List<DashboardJson.Study> studies() {
        var specs = ledger.specs();
        return ledger.studies().stream()
                .map(summary -> study(summary, Optional.ofNullable(specs.get(summary.studyId()))))
                .toList();
    }

    @PreDestroy
    void close() {
        importance.close();
    }

    public boolean knows(String studyId) {
        return ledger.study(studyId).isPresent();
    }

    /** Every trial of a study; empty when the study is unknown. */
    public Optional<DashboardJson.Update> snapshot(String studyId) {
        return update(studyId, 0, Optional.empty());
    }

    /**
     * The trials changed after {@code sinceVersion}, with the importances unless they are
     * {@code known} (the client has them); empty when the study is unknown.
     */
    public Optional<DashboardJson.Update> update(String studyId, long sinceVersion, Optional<DashboardJson.Importance> known) {
        Optional<StudyChanges> found = ledger.changes(studyId, sinceVersion);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StudyChanges changes = found.get();
        StudySummary summary = changes.summary();
        String metric = summary.metric().orElse("");
        var rungs = changes.spec().map(Rungs::of).orElse(List.of());
        int perTrial = Math.max(config.minCurvePoints(), config.curvePointBudget() / Math.max(1, changes.totalTrials()));
        var rungSet = new HashSet<>(rungs);
        var trials = changes.trials().stream().map(detail -> trial(detail, metric, perTrial, rungSet)).toList();
        Optional<DashboardJson.Importance> importances = importance(studyId, changes.spec(), summary);
        DashboardJson.Importance sent = importances.filter(now -> known.map(before -> !before.equals(now)).orElse(true))
                .orElse(null);
        return Optional.of(new DashboardJson.Update(studyId, changes.version(), sinceVersion == 0, changes.totalTrials(),
                perTrial, study(summary, changes.spec(), rungs), trials, sent));
    }

    /** The study's current importances (fitted again only when due, see {@link ImportanceCache}). */
    Optional<DashboardJson.Importance> importance(String studyId, Optional<StudySpec> spec, StudySummary summary) {
        if (spec.isEmpty() || summary.trials().completed() < 2) {
            return Optional.empty();
        }
        return importance.importance(studyId, spec, summary.direction().orElse(Direction.MINIMIZE), summary.trials().completed(),
                () -> ledger.trials(studyId, LeaderboardQuery.parse(null, null, "COMPLETED")).orElse(List.of()));
    }

    private static DashboardJson.Trial trial(TrialDetail detail, String metric, int maxPoints, java.util.Set<Integer> rungs) {
        TrialRow row = detail.row();
        return new DashboardJson.Trial(row.trialId(), row.trialNumber(), row.state().name(),
                row.value().isPresent() ? row.value().getAsDouble() : null, row.params(), row.epochs(), row.attempt(),
                row.workerId().orElse(null), row.reason().orElse(null),
                CurveSampler.sample(detail.curve(), metric, maxPoints, rungs),
                detail.timings().startedAt().orElse(null), detail.timings().endedAt().orElse(null));
    }

    private static DashboardJson.Study study(StudySummary summary, Optional<StudySpec> spec) {
        return study(summary, spec, spec.map(Rungs::of).orElse(List.of()));
    }

    private static DashboardJson.Study study(StudySummary summary, Optional<StudySpec> spec, List<Integer> rungs) {
        var json = StudySummaryJson.from(summary);
        if (spec.isEmpty()) {
            return new DashboardJson.Study(json, null, null, null, null, rungs, List.of());
        }
        StudySpec s = spec.get();
        BudgetSpec budget = s.budget();
        Integer maxEpochs = budget == null ? null : budget.maxEpochs();
        Long epochsBudget = budget == null ? null
                : budget.maxEpochsTotal() != null ? Long.valueOf(budget.maxEpochsTotal())
                : budget.maxTrials() != null && maxEpochs != null ? (long) budget.maxTrials() * maxEpochs : null;
        var params = s.searchSpace().entrySet().stream()
                .map(e -> new DashboardJson.ParamAxis(e.getKey(), e.getValue().type(), e.getValue().low(), e.getValue().high(),
                        e.getValue().isLog(), e.getValue().choices() == null ? List.of() : e.getValue().choices()))
                .toList();
        return new DashboardJson.Study(json, s.algorithm() == null ? null : s.algorithm().name(), s.schedulerName(),
                maxEpochs, epochsBudget, rungs, params);
    }
}
