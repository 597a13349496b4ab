package io.tunestream.bench.run;

import io.tunestream.bench.problem.Problem;
import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.history.TrialRecord;
import io.tunestream.optimizer.sampler.Sampler;
import io.tunestream.optimizer.sampler.SuggestionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Runs a study of a Tunestream {@link Sampler} in this JVM, the way the suggester would drive it. */
public final class TunestreamRunner {

    private TunestreamRunner() {
    }

    /**
     * @param trials how many trials the study runs, {@code >= 1}
     * @param batch  suggestions per round, each seeing the earlier ones of the round as pending
     * @throws IllegalStateException when the sampler runs out of suggestions before {@code trials}
     */
    public static StudyResult run(Problem problem, String label, Sampler sampler, long seed, int trials, int batch) {
        Objects.requireNonNull(problem, "`problem` must not be null");
        Objects.requireNonNull(sampler, "`sampler` must not be null");
        if (trials < 1) {
            throw new IllegalArgumentException("`trials` must be >= 1, but was " + trials);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("`batch` must be >= 1, but was " + batch);
        }
        long start = System.nanoTime();
        long suggestNanos = 0;
        double[] losses = new double[trials];
        List<TrialRecord> finished = new ArrayList<>(trials);
        int number = 0;
        while (number < trials) {
            int round = Math.min(batch, trials - number);
            List<TrialRecord> pending = new ArrayList<>(round);
            for (int k = 0; k < round; k++) {
                List<TrialRecord> known = new ArrayList<>(finished.size() + pending.size());
                known.addAll(finished);
                known.addAll(pending);
                StudyHistory history = StudyHistory.of(known);
                long t0 = System.nanoTime();
                Map<String, Object> params = sampler.sample(problem.space(), history, SuggestionContext.of(seed, number + k))
                        .orElseThrow(() -> new IllegalStateException(label + " ran out of suggestions on "
                                + problem.name() + " after " + finished.size() + " trials"));
                suggestNanos += System.nanoTime() - t0;
                pending.add(TrialRecord.running(number + k, params));
            }
            for (TrialRecord trial : pending) {
                double loss = problem.loss(trial.params());
                losses[(int) trial.number()] = loss;
                finished.add(TrialRecord.completed(trial.number(), trial.params(), loss, 1));
            }
            number += round;
        }
        return new StudyResult(problem.name(), label, seed, losses, suggestNanos / 1e9, (System.nanoTime() - start) / 1e9);
    }
}
