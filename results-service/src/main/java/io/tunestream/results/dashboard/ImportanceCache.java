package io.tunestream.results.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.optimizer.analysis.FanovaImportance;
import io.tunestream.optimizer.space.SearchSpace;
import io.tunestream.results.aggregation.Direction;
import io.tunestream.results.aggregation.TrialRow;

/**
 * fANOVA importances per study, fitted on its COMPLETED trials (a stopped trial's value is at a
 * smaller budget and would mix fidelities). A fit is reused until more trials completed and
 * {@code interval} has passed, so that a study with thousands of trials is not refitted on every
 * tick. Thread-safe.
 */
final class ImportanceCache {

    /** A fit and what it was fitted on. */
    private record Fit(int trials, Instant at, DashboardJson.Importance importance) {
    }

    private final Map<String, Fit> fits = new ConcurrentHashMap<>();
    private final FanovaImportance.Settings settings;
    private final Duration interval;
    private final Clock clock;

    ImportanceCache(FanovaImportance.Settings settings, Duration interval, Clock clock) {
        this.settings = settings;
        this.interval = interval;
        this.clock = clock;
    }

    /**
     * The importances of a study with {@code completedCount} completed trials, read from
     * {@code completed} only when a fit is due; empty while fewer than two trials completed or the
     * spec is unknown.
     */
    Optional<DashboardJson.Importance> importance(String studyId, Optional<StudySpec> spec, Direction direction,
                                                  int completedCount, Supplier<List<TrialRow>> completed) {
        if (spec.isEmpty() || completedCount < 2) {
            return Optional.empty();
        }
        Fit fit = fits.compute(studyId, (id, previous) -> {
            Instant now = clock.instant();
            if (previous != null && (previous.trials() == completedCount
                    || now.isBefore(previous.at().plus(interval)))) {
                return previous;
            }
            return new Fit(completedCount, now, fit(spec.get(), direction, completed.get()));
        });
        return Optional.of(fit.importance());
    }

    DashboardJson.Importance fit(StudySpec spec, Direction direction, List<TrialRow> completed) {
        SearchSpace space = SpecSpace.of(spec);
        var rows = new ArrayList<double[]>();
        var losses = new ArrayList<Double>();
        for (TrialRow row : completed) {
            if (row.value().isEmpty()) {
                continue;
            }
            try {
                rows.add(space.toUnit(row.params()));
            } catch (IllegalArgumentException e) {
                continue; // params outside the spec's space (e.g. the spec changed): not comparable
            }
            losses.add(direction.loss(row.value().getAsDouble()));
        }
        double[] y = losses.stream().mapToDouble(Double::doubleValue).toArray();
        var importances = FanovaImportance.evaluate(space.names(), rows.toArray(double[][]::new), y, settings);
        return new DashboardJson.Importance(rows.size(), importances.stream()
                .map(i -> new DashboardJson.ParameterImportance(i.parameter(), i.importance(), i.varianceFraction(), i.std()))
                .toList());
    }
}
