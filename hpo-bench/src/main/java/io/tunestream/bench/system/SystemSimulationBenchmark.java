package io.tunestream.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The broker-free part of docs/benchmarks/system.md (bench/system.sh runs it after
 * {@code ./tunestream bench}). Options, each {@code --name value}:
 * <ul>
 *   <li>{@code --parts utilization,largescale,suggester} (default all)</li>
 *   <li>{@code --dispatch-ms}, {@code --stop-ms}: the loop's trial-to-trial gap and STOP latency measured by
 *       {@code ./tunestream bench} (defaults 5 and 10), used by the "measured overheads" rows</li>
 *   <li>{@code --sizes 100,300,1000,3000,10000}, {@code --samplers random,tpe,gp}, {@code --seconds-per-cell 3}</li>
 *   <li>{@code --out docs/benchmarks/system}</li>
 * </ul>
 */
public final class SystemSimulationBenchmark {

    private SystemSimulationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("options must be --name value pairs, but found " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        var parts = List.of(options.getOrDefault("parts", "utilization,largescale,suggester").split(","));
        double dispatch = Double.parseDouble(options.getOrDefault("dispatch-ms", "5")) / 1000;
        double stop = Double.parseDouble(options.getOrDefault("stop-ms", "10")) / 1000;
        Path out = Path.of(options.getOrDefault("out", "docs/benchmarks/system"));
        Files.createDirectories(out);
        var header = new LinkedHashMap<String, Object>();
        header.put("startedAt", Instant.now().toString());
        header.put("cpus", Runtime.getRuntime().availableProcessors());
        header.put("dispatchMillis", dispatch * 1000);
        header.put("stopMillis", stop * 1000);

        if (parts.contains("utilization")) {
            var result = new LinkedHashMap<>(header);
            var rows = new ArrayList<Map<String, Object>>();
            for (int slots : List.of(16, 64)) {
                for (var r : SlotSimulation.compare(slots, 40 * slots, 27, 3, 0.05, dispatch, stop, 11)) {
                    rows.add(r.toMap());
                    print(r);
                }
            }
            result.put("epochSeconds", 0.05);
            result.put("maxEpochs", 27);
            result.put("eta", 3);
            result.put("runs", rows);
            Files.writeString(out.resolve("simulated-utilization.json"), JsonText.write(result));
        }
        if (parts.contains("largescale")) {
            var result = new LinkedHashMap<>(header);
            var rows = new ArrayList<Map<String, Object>>();
            long began = System.nanoTime();
            for (var r : SlotSimulation.compare(500, 20_000, 27, 3, 0.05, dispatch, stop, 23)) {
                rows.add(r.toMap());
                print(r);
            }
            result.put("workers", 500);
            result.put("trials", 20_000);
            result.put("epochSeconds", 0.05);
            result.put("maxEpochs", 27);
            result.put("simulationWallSeconds", SlotSimulation.round((System.nanoTime() - began) / 1e9));
            result.put("runs", rows);
            Files.writeString(out.resolve("simulated-large-scale.json"), JsonText.write(result));
        }
        if (parts.contains("suggester")) {
            var sizes = Arrays.stream(options.getOrDefault("sizes", "100,300,1000,3000,10000").split(",")).map(Integer::parseInt).toList();
            var samplers = List.of(options.getOrDefault("samplers", "random,tpe,gp").split(","));
            double seconds = Double.parseDouble(options.getOrDefault("seconds-per-cell", "3"));
            var result = new LinkedHashMap<>(header);
            result.put("pendingTrials", 8);
            result.put("space", "4 floats (2 log) + 1 int");
            result.put("cells", SuggesterCost.measure(sizes, samplers, seconds, 8, 5).stream().map(SuggesterCost.Cell::toMap).toList());
            Files.writeString(out.resolve("suggester-cost.json"), JsonText.write(result));
        }
    }

    private static void print(SlotSimulation.Result r) {
        System.out.printf(java.util.Locale.ROOT, "%-40s slots=%4d trials=%6d training %.4f (whole run %.4f) makespan %.1f s regret %.4f%n",
                r.method(), r.slots(), r.trials(), r.trainingFraction(), r.trainingFractionWholeRun(), r.makespanSeconds(), r.regret());
    }
}
