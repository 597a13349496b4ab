package io.tunestream.bench.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.history.TrialRecord;
import io.tunestream.optimizer.sampler.GpSampler;
import io.tunestream.optimizer.sampler.RandomSampler;
import io.tunestream.optimizer.sampler.Sampler;
import io.tunestream.optimizer.sampler.SuggestionContext;
import io.tunestream.optimizer.sampler.TpeSampler;
import io.tunestream.optimizer.space.Distribution;
import io.tunestream.optimizer.space.FloatDistribution;
import io.tunestream.optimizer.space.IntDistribution;
import io.tunestream.optimizer.space.SearchSpace;

/**
 * The cost of one suggestion as the study grows: a history of {@code n} finished trials (random
 * configurations, losses from a smooth function of them) plus {@code pending} running ones, then the
 * wall time of {@code sample} for random, TPE and GP with their default settings, in one thread.
 */
final class SuggesterCost {

    record Cell(String sampler, int finished, int repeats, double medianMillis, double maxMillis) {
        Map<String, Object> toMap() {
            var map = new LinkedHashMap<String, Object>();
            map.put("sampler", sampler);
            map.put("finishedTrials", finished);
            map.put("repeats", repeats);
            map.put("medianMillis", SlotSimulation.round(medianMillis));
            map.put("maxMillis", SlotSimulation.round(maxMillis));
            return map;
        }
    }

    private SuggesterCost() {
    }

    static SearchSpace space() {
        var parameters = new LinkedHashMap<String, Distribution>();
        parameters.put("learning_rate", FloatDistribution.logUniform(1e-5, 1e-1));
        parameters.put("momentum", FloatDistribution.uniform(0.5, 0.99));
        parameters.put("weight_decay", FloatDistribution.logUniform(1e-6, 1e-2));
        parameters.put("dropout", FloatDistribution.uniform(0.0, 0.5));
        parameters.put("hidden_layers", IntDistribution.uniform(1, 4));
        return SearchSpace.of(parameters);
    }

    static StudyHistory history(SearchSpace space, int finished, int pending, long seed) {
        var random = RandomSampler.create();
        var trials = new ArrayList<TrialRecord>(finished + pending);
        var noise = new SplittableRandom(seed);
        for (int n = 0; n < finished + pending; n++) {
            var params = random.sample(space, StudyHistory.empty(), SuggestionContext.of(seed, n)).orElseThrow();
            if (n < finished) {
                double lr = Math.log10(((Number) params.get("learning_rate")).doubleValue());
                double momentum = ((Number) params.get("momentum")).doubleValue();
                double loss = Math.pow(lr + 2, 2) + Math.pow(momentum - 0.9, 2) * 4 + 0.1 * noise.nextGaussian();
                trials.add(TrialRecord.completed(n, params, loss, 10));
            } else {
                trials.add(TrialRecord.running(n, params));
            }
        }
        return StudyHistory.of(trials);
    }

    static List<Cell> measure(List<Integer> sizes, List<String> samplers, double secondsPerCell, int pending, long seed) {
        var space = space();
        var cells = new ArrayList<Cell>();
        for (int size : sizes) {
            var history = history(space, size, pending, seed);
            for (String name : samplers) {
                Sampler sampler = switch (name) {
                    case "random" -> RandomSampler.create();
                    case "tpe" -> TpeSampler.create();
                    case "gp" -> GpSampler.create();
                    default -> throw new IllegalArgumentException("`samplers` must be random, tpe or gp, but held " + name);
                };
                // One untimed suggestion warms the JIT for this history size.
                sampler.sample(space, history, SuggestionContext.of(seed, size + pending));
                var times = new ArrayList<Double>();
                long budget = (long) (secondsPerCell * 1e9);
                long began = System.nanoTime();
                int repeat = 0;
                while (times.size() < 3 || (System.nanoTime() - began < budget && times.size() < 200)) {
                    long start = System.nanoTime();
                    sampler.sample(space, history, SuggestionContext.of(seed, size + pending + 1 + repeat++));
                    times.add((System.nanoTime() - start) / 1e6);
                }
                times.sort(Double::compare);
                var cell = new Cell(name, size, times.size(), times.get(times.size() / 2), times.get(times.size() - 1));
                cells.add(cell);
                System.out.printf(java.util.Locale.ROOT, "suggest %-6s finished=%5d median %.3f ms max %.3f ms (%d repeats)%n",
                        name, size, cell.medianMillis(), cell.maxMillis(), cell.repeats());
            }
        }
        return cells;
    }
}
