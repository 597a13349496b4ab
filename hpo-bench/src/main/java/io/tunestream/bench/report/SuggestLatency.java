package io.tunestream.bench.report;

import io.tunestream.bench.problem.Problem;
import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.history.TrialRecord;
import io.tunestream.optimizer.sampler.RandomSampler;
import io.tunestream.optimizer.sampler.Sampler;
import io.tunestream.optimizer.sampler.SuggestionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Wall time of one suggestion against a history of {@code n} finished trials.
 *
 * <p>A plain timing loop rather than JMH: a GP suggestion at 1,000 trials takes long enough that JIT
 * and timer effects are negligible, and a TPE suggestion is measured over hundreds of calls after a
 * warm-up. The history holds {@code n} random configurations of the problem with their true losses;
 * each timed call asks for a different trial number, so no two calls draw the same random stream.
 */
public final class SuggestLatency {

    /**
     * One cell of the latency table.
     *
     * @param sampler  the sampler's label
     * @param problem  whose space and losses fill the history
     * @param finished trials in the history
     * @param samples  timed calls
     * @param p50Ms    median time of a call, milliseconds
     * @param p99Ms    99th percentile (the maximum when fewer than 100 calls were timed), milliseconds
     */
    public record Cell(String sampler, String problem, int finished, int samples, double p50Ms, double p99Ms) {
    }

    private SuggestLatency() {
    }

    /**
     * Times {@code sampler} until {@code maxSamples} calls or {@code budgetSeconds} of timed calls have
     * passed, whichever comes first (at least three calls), after {@code warmup} untimed calls.
     */
    public static Cell measure(String label, Sampler sampler, Problem problem, int finished, int warmup, int maxSamples,
                               double budgetSeconds, long seed) {
        Objects.requireNonNull(sampler, "`sampler` must not be null");
        StudyHistory history = history(problem, finished, seed);
        long number = finished;
        for (int i = 0; i < warmup; i++) {
            sampler.sample(problem.space(), history, SuggestionContext.of(seed, number++));
        }
        List<Double> millis = new ArrayList<>();
        long spent = 0;
        while (millis.size() < maxSamples && (millis.size() < 3 || spent < budgetSeconds * 1e9)) {
            long t0 = System.nanoTime();
            sampler.sample(problem.space(), history, SuggestionContext.of(seed, number++));
            long elapsed = System.nanoTime() - t0;
            spent += elapsed;
            millis.add(elapsed / 1e6);
        }
        double[] values = millis.stream().mapToDouble(Double::doubleValue).toArray();
        return new Cell(label, problem.name(), finished, values.length, Quantiles.median(values),
                Quantiles.of(values, 0.99));
    }

    /** {@code n} finished trials of random configurations with their losses. */
    public static StudyHistory history(Problem problem, int n, long seed) {
        List<TrialRecord> trials = new ArrayList<>(n);
        Sampler random = RandomSampler.create();
        for (int i = 0; i < n; i++) {
            Map<String, Object> params = random.sample(problem.space(), StudyHistory.empty(),
                    SuggestionContext.of(seed, i)).orElseThrow();
            trials.add(TrialRecord.completed(i, params, problem.loss(params), 1));
        }
        return StudyHistory.of(trials);
    }
}
