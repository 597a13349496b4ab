package io.tunestream.results.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.optimizer.analysis.FanovaImportance;
import io.tunestream.optimizer.objective.Direction;
import io.tunestream.optimizer.space.SearchSpace;
import io.tunestream.results.aggregation.TrialRow;

/**
 * fANOVA importances per study, fitted on its COMPLETED trials (a stopped trial's value is at a
 * smaller budget and would mix fidelities). A fit takes seconds at thousands of trials, so it runs on
 * a background thread: callers get the latest finished fit at once (empty before the first), and a new
 * fit starts when more trials completed and {@code interval} has passed since the last one started.
 * Thread-safe.
 */
final class ImportanceCache implements AutoCloseable {

    /** A finished fit and the number of completed trials it saw. */
    private record Fit(int trials, DashboardJson.Importance importance) {
    }

    private final Map<String, Fit> fits = new ConcurrentHashMap<>();
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final FanovaImportance.Settings settings;
    private final Duration interval;
    private final Clock clock;
    private final ExecutorService executor;

    ImportanceCache(FanovaImportance.Settings settings, Duration interval, Clock clock) {
        this.settings = settings;
        this.interval = interval;
        this.clock = clock;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            var thread = new Thread(runnable, "dashboard-importance");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The latest importances of a study with {@code completedCount} completed trials; starts a fit (reading
     * {@code completed} on the background thread) when one is due. Empty while fewer than two trials
     * completed, the spec is unknown, or the first fit has not finished.
     */
    Optional<DashboardJson.Importance> importance(String studyId, Optional<StudySpec> spec, Direction direction,
                                                  int completedCount, Supplier<List<TrialRow>> completed) {
        if (spec.isEmpty() || completedCount < 2) {
            return Optional.empty();
        }
        Fit fit = fits.get(studyId);
        Instant now = clock.instant();
        Instant last = started.get(studyId);
        boolean due = (fit == null || fit.trials() != completedCount)
                && (last == null || !now.isBefore(last.plus(interval)));
        if (due && running.add(studyId)) {
            started.put(studyId, now);
            executor.execute(() -> {
                try {
                    List<TrialRow> rows = completed.get();
                    fits.put(studyId, new Fit(completedCount, fit(spec.get(), direction, rows)));
                } finally {
                    running.remove(studyId);
                }
            });
        }
        return Optional.ofNullable(fit).map(Fit::importance);
    }

    @Override
    public void close() {
        executor.shutdownNow();
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
            losses.add(direction.toLoss(row.value().getAsDouble()));
        }
        double[] y = losses.stream().mapToDouble(Double::doubleValue).toArray();
        var importances = FanovaImportance.evaluate(space.names(), rows.toArray(double[][]::new), y, settings);
        return new DashboardJson.Importance(rows.size(), importances.stream()
                .map(i -> new DashboardJson.ParameterImportance(i.parameter(), i.importance(), i.varianceFraction(), i.std()))
                .toList());
    }
}
