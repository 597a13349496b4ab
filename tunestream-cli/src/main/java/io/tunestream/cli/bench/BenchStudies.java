package io.tunestream.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.tunestream.contracts.Json;

/**
 * The study specs of the system benchmarks: random search over three parameters of the synthetic
 * backend (its loss is lowest at the targets), with an optional scheduler. The sampler is random on
 * purpose: these benchmarks measure the loop, not the search (see search.md and multifidelity.md).
 */
final class BenchStudies {

    private BenchStudies() {
    }

    /**
     * @param scheduler   asha, hyperband, or empty for none
     * @param epochMillis the synthetic backend's wall time per epoch (0: as fast as the trainer can report)
     */
    static String spec(String name, Optional<String> scheduler, int maxTrials, int maxParallel, int maxEpochs,
                       long epochMillis, long seed) {
        var spec = new LinkedHashMap<String, Object>();
        spec.put("name", name);
        spec.put("objective", Map.of("metric", "val_loss", "direction", "minimize"));
        var space = new LinkedHashMap<String, Object>();
        space.put("learning_rate", Map.of("type", "float", "low", 1e-4, "high", 1e-1, "log", true));
        space.put("momentum", Map.of("type", "float", "low", 0.5, "high", 0.99));
        space.put("hidden_layers", Map.of("type", "int", "low", 1, "high", 4));
        spec.put("searchSpace", space);
        spec.put("algorithm", Map.of("name", "random"));
        scheduler.ifPresent(s -> spec.put("scheduler", Map.of("name", s, "minEpochs", 1, "eta", 3)));
        spec.put("budget", Map.of("maxTrials", maxTrials, "maxParallel", maxParallel, "maxEpochs", maxEpochs));
        spec.put("trainer", Map.of("backend", "synthetic", "settings", Map.of("epochMillis", epochMillis, "noise", 0.05,
                "targets", Map.of("learning_rate", 0.01, "momentum", 0.9, "hidden_layers", 2))));
        spec.put("seed", seed);
        return Json.write(spec);
    }
}
