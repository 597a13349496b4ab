package io.tunestream.bench;

import io.tunestream.bench.problem.LcBenchSurrogate;
import io.tunestream.bench.problem.LcBenchTask;
import io.tunestream.bench.report.Quantiles;
import io.tunestream.bench.run.CurveSource;
import io.tunestream.bench.run.LearningCurve;
import io.tunestream.bench.run.MultiFidelityResult;
import io.tunestream.bench.run.OptunaPrunerBridge;
import io.tunestream.bench.run.VirtualTimeSimulator;
import io.tunestream.optimizer.objective.Direction;
import io.tunestream.optimizer.sampler.BohbSampler;
import io.tunestream.optimizer.sampler.RandomSampler;
import io.tunestream.optimizer.sampler.StartupSampler;
import io.tunestream.optimizer.sampler.TpeSampler;
import io.tunestream.optimizer.scheduler.Asha;
import io.tunestream.optimizer.scheduler.Hyperband;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The multi-fidelity benchmark: Tunestream's schedulers and BOHB against Optuna's pruners on the YAHPO
 * lcbench surrogate, in virtual time with parallel workers, under the YAHPO budget (a trial costs the
 * epochs it ran). Writes {@code multifidelity.md}, a CSV of the regret curves and (through
 * {@code bench/plot_multifidelity.py}) its PNG. A plain main, run by {@code bench/multifidelity.sh}.
 *
 * <pre>
 * --seeds 20  --tasks 3945,34539,...  --methods random,hyperband,...  --threads 2  --workers 4
 * --budget 6544  --data ../shared/data  --out docs/benchmarks  --python /usr/bin/python3
 * --optuna-runner bench/optuna_runner.py  --plot bench/plot_multifidelity.py  --command "..."
 * </pre>
 */
public final class MultiFidelityBenchmark {

    static final List<String> METHODS = List.of("random", "hyperband", "asha", "bohb", "tpe-asha",
            "optuna-tpe-hyperband", "optuna-tpe-median");
    static final int MAX_EPOCHS = LcBenchSurrogate.MAX_EPOCH;
    static final int ETA = 3;
    /** Points of the regret curves written for the plot, as fractions of the budget. */
    static final int GRID = 100;
    static final double[] CHECKPOINTS = {0.2, 0.5, 1.0};

    private MultiFidelityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        int seeds = Integer.parseInt(opts.getOrDefault("seeds", "10"));
        int threads = Integer.parseInt(opts.getOrDefault("threads", "2"));
        int workers = Integer.parseInt(opts.getOrDefault("workers", "4"));
        int budget = Integer.parseInt(opts.getOrDefault("budget", "6544"));
        List<String> tasks = List.of(opts.getOrDefault("tasks", String.join(",", LcBenchSurrogate.DEVELOPMENT_TASKS)).split(","));
        List<String> methods = List.of(opts.getOrDefault("methods", String.join(",", METHODS)).split(","));
        Path data = Path.of(opts.getOrDefault("data", "../shared/data"));
        Path out = Path.of(opts.getOrDefault("out", "docs/benchmarks"));
        Path python = Path.of(opts.getOrDefault("python", "/usr/bin/python3"));
        Path runner = Path.of(opts.getOrDefault("optuna-runner", "bench/optuna_runner.py"));
        Path plot = Path.of(opts.getOrDefault("plot", "bench/plot_multifidelity.py"));
        String command = opts.getOrDefault("command", "bench/multifidelity.sh");
        for (String m : methods) {
            if (!METHODS.contains(m)) {
                throw new IllegalArgumentException("--methods must name methods of " + METHODS + ", but had " + m);
            }
        }
        long started = System.nanoTime();
        Map<String, List<MultiFidelityResult>> results = new LinkedHashMap<>();
        try (LcBenchSurrogate surrogate = LcBenchSurrogate.load(data)) {
            Map<String, LcBenchTask> problems = new LinkedHashMap<>();
            for (String t : tasks) {
                problems.put(t, surrogate.task(t));
            }
            List<Object[]> jobs = new ArrayList<>();
            // Optuna studies are the slowest: start them first so that the pool ends evenly.
            List<String> ordered = new ArrayList<>(methods);
            ordered.sort((a, b) -> Boolean.compare(!a.startsWith("optuna"), !b.startsWith("optuna")));
            for (String m : ordered) {
                for (String t : tasks) {
                    for (int s = 0; s < seeds; s++) {
                        jobs.add(new Object[] {t, m, (long) s});
                    }
                }
            }
            ConcurrentLinkedQueue<OptunaPrunerBridge> bridges = new ConcurrentLinkedQueue<>();
            ThreadLocal<OptunaPrunerBridge> bridge = ThreadLocal.withInitial(() -> {
                OptunaPrunerBridge b = OptunaPrunerBridge.start(python, runner);
                bridges.add(b);
                return b;
            });
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AtomicInteger done = new AtomicInteger();
            List<Future<MultiFidelityResult>> futures = new ArrayList<>();
            for (Object[] job : jobs) {
                futures.add(pool.submit(() -> {
                    String t = (String) job[0];
                    String m = (String) job[1];
                    long seed = (Long) job[2];
                    LcBenchTask task = problems.get(t);
                    MultiFidelityResult r = runOne(task, m, seed, workers, budget, bridge);
                    int n = done.incrementAndGet();
                    System.err.printf(Locale.ROOT, "[%d/%d] %s %s seed %d: %d trials, %d stopped, %.1f s%n", n,
                            jobs.size(), task.name(), m, seed, r.trials(), r.stopped(), r.wallSeconds());
                    return r;
                }));
            }
            try {
                for (Future<MultiFidelityResult> f : futures) {
                    MultiFidelityResult r = f.get();
                    results.computeIfAbsent(r.problem(), k -> new ArrayList<>()).add(r);
                }
            } finally {
                pool.shutdownNow();
                bridges.forEach(OptunaPrunerBridge::close);
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        Files.createDirectories(out);
        Analysis analysis = analyse(results, methods, budget);
        Path csv = out.resolve("multifidelity.csv");
        Files.writeString(csv, analysis.csv(), StandardCharsets.UTF_8);
        Path png = out.resolve("multifidelity.png");
        try {
            Process p = new ProcessBuilder(python.toString(), plot.toString(), csv.toString(), png.toString())
                    .inheritIO().start();
            if (p.waitFor() != 0) {
                System.err.println("plot failed: " + plot);
            }
        } catch (IOException e) {
            System.err.println("cannot run " + plot + ": " + e.getMessage());
        }
        Path md = out.resolve("multifidelity.md");
        Files.writeString(md, analysis.markdown(seeds, workers, budget, tasks, methods, command, wall,
                SearchBenchmark.machine(python), Files.exists(Path.of("bench/multifidelity-notes.md"))
                        ? Files.readString(Path.of("bench/multifidelity-notes.md")) : ""), StandardCharsets.UTF_8);
        System.err.printf(Locale.ROOT, "wrote %s in %.0f s%n", md, wall);
    }

    static MultiFidelityResult runOne(LcBenchTask task, String method, long seed, int workers, int budget,
                                      ThreadLocal<OptunaPrunerBridge> bridge) {
        CurveSource curves = params -> curve(task, params);
        String p = task.name();
        return switch (method) {
            case "random" -> VirtualTimeSimulator.run(p, method, task.space(), curves, RandomSampler.create(), null,
                    false, seed, workers, budget);
            case "hyperband" -> VirtualTimeSimulator.run(p, method, task.space(), curves, RandomSampler.create(),
                    hyperband(), false, seed, workers, budget);
            case "asha" -> VirtualTimeSimulator.run(p, method, task.space(), curves, RandomSampler.create(),
                    Asha.of(2, MAX_EPOCHS, ETA), false, seed, workers, budget);
            case "bohb" -> VirtualTimeSimulator.run(p, method, task.space(), curves, BohbSampler.create(),
                    hyperband(), true, seed, workers, budget);
            case "tpe-asha" -> VirtualTimeSimulator.run(p, method, task.space(), curves,
                    StartupSampler.of(RandomSampler.create(), TpeSampler.create(), 10), Asha.of(2, MAX_EPOCHS, ETA),
                    false, seed, workers, budget);
            case "optuna-tpe-hyperband" -> bridge.get().run(p, method, task.space(), curves, "hyperband", seed, workers,
                    budget, MAX_EPOCHS);
            case "optuna-tpe-median" -> bridge.get().run(p, method, task.space(), curves, "median", seed, workers,
                    budget, MAX_EPOCHS);
            default -> throw new IllegalArgumentException("unknown method " + method);
        };
    }

    /**
     * Hyperband with the rungs of the YAHPO protocol, 2, 6, 17, 52: {@code Hyperband.of(1, 52, 3)}
     * ({@code s_max = 3}, rungs anchored at R = 52 and rounded). {@code Hyperband.of(2, 52, 3)} has
     * {@code s_max = 2} and rungs 6, 17, 52 only.
     */
    static Hyperband hyperband() {
        return Hyperband.of(1, MAX_EPOCHS, ETA);
    }

    /**
     * The surrogate's curve of {@code params}: loss = −val_accuracy; an epoch costs the increase of the
     * surrogate's (cumulative) {@code time} output, at least 1 ms.
     */
    static LearningCurve curve(LcBenchTask task, Map<String, Object> params) {
        double[][] raw = task.learningCurve(params);
        double[] losses = new double[raw.length];
        double[] seconds = new double[raw.length];
        double previous = 0;
        for (int e = 0; e < raw.length; e++) {
            losses[e] = Direction.MAXIMIZE.toLoss(raw[e][1]);
            double time = raw[e][0];
            double cost = Double.isFinite(time) ? time - previous : Double.NaN;
            seconds[e] = Double.isFinite(cost) && cost > 1e-3 ? cost : 1e-3;
            if (Double.isFinite(time)) {
                previous = Math.max(previous, time);
            }
        }
        return new LearningCurve(losses, seconds);
    }

    /** Normalized regret curves per task and method: {@code [seed][gridPoint]}. */
    record Analysis(Map<String, Map<String, double[][]>> regret, int budget) {

        double[] at(String task, String method, double fraction) {
            double[][] runs = regret.get(task).get(method);
            int point = (int) Math.round(fraction * GRID) - 1;
            double[] values = new double[runs.length];
            for (int s = 0; s < runs.length; s++) {
                values[s] = runs[s][point];
            }
            return values;
        }

        String csv() {
            StringBuilder b = new StringBuilder("task,method,fraction,median,q25,q75\n");
            regret.forEach((task, byMethod) -> byMethod.forEach((method, runs) -> {
                for (int g = 0; g < GRID; g++) {
                    double[] v = new double[runs.length];
                    for (int s = 0; s < runs.length; s++) {
                        v[s] = runs[s][g];
                    }
                    b.append(String.format(Locale.ROOT, "%s,%s,%.3f,%.6g,%.6g,%.6g%n", task, method, (g + 1) / (double) GRID,
                            Quantiles.median(v), Quantiles.of(v, 0.25), Quantiles.of(v, 0.75)));
                }
            }));
            return b.toString();
        }

        String markdown(int seeds, int workers, int budget, List<String> tasks, List<String> methods, String command,
                        double wall, List<String> machine, String notes) {
            StringBuilder b = new StringBuilder();
            b.append("# Multi-fidelity benchmark: schedulers and BOHB vs Optuna pruners (YAHPO lcbench)\n\n");
            b.append("Generated by `io.tunestream.bench.MultiFidelityBenchmark` on ")
                    .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(". Reproduce with:\n\n```\n")
                    .append(command).append("\n```\n\n");
            b.append(String.format(Locale.ROOT, "Wall time of the whole run: %.0f s (%.1f min).%n%n", wall, wall / 60));
            for (String line : machine) {
                b.append("- ").append(line).append('\n');
            }
            b.append("\n## Setup\n\n");
            b.append(String.format(Locale.ROOT, """
                    - Problem: the YAHPO Gym lcbench surrogate (`../shared/data/yahpo-lcbench`), development tasks %s; \
                    objective val_accuracy (maximised; loss = −val_accuracy), epochs 1..%d.
                    - Budget: %d epochs per run, counted the YAHPO way: a trial costs the epochs it ran, stopped \
                    or not. The run ends at the epoch that spends the last of the budget.
                    - **%d seeds** (0..%d; the issue's protocol asks for 20). Every method uses the same seeds; \
                    the random-sampled methods draw the same configuration for the same trial number.
                    - %d parallel workers in virtual time (`io.tunestream.bench.run.VirtualTimeSimulator`): a free \
                    worker takes the next suggestion at once (trials still training are pending in the sampler's \
                    history); an epoch takes the increase of the surrogate's `time` output (at least 1 ms); every \
                    epoch's loss is reported to the scheduler, whose STOP or COMPLETE ends the trial at that epoch.
                    - Normalized regret (YAHPO): (y − min)/(max − min), where y is the best loss reported so far at \
                    any epoch of any trial of the run, and min/max are the best and worst loss of all evaluations \
                    (every epoch reported) of all methods and seeds on that task. Shown against the fraction of the \
                    budget spent: median and IQR [q25, q75] over seeds.
                    - η = 3 everywhere.

                    | method | sampler | scheduler / pruner |
                    |---|---|---|
                    | random | RandomSampler | none: every trial runs 52 epochs (about 126 trials per run) |
                    | hyperband | RandomSampler | `Hyperband.of(1, 52, 3)`: s_max = 3, rungs 2, 6, 17, 52 (R/27, R/9, R/3, R rounded). `Hyperband.of(2, 52, 3)` gives s_max = 2, i.e. rungs 6, 17, 52 only, so r = 1 is what yields the protocol's 2, 6, 17, 52 |
                    | asha | RandomSampler | `Asha.of(2, 52, 3)`: rungs 2, 6, 18 (geometric from r; ASHA has no R-anchored rounding) |
                    | bohb | `BohbSampler.create()` (defaults), fed a BudgetObservation for every PROMOTE and STOP at a rung and every COMPLETE | `Hyperband.of(1, 52, 3)` |
                    | tpe-asha | `StartupSampler.of(random, TpeSampler.create(), 10)` | `Asha.of(2, 52, 3)` |
                    | optuna-tpe-hyperband | Optuna 3.1 `TPESampler(seed)` | `HyperbandPruner(min_resource=2, max_resource=52, reduction_factor=3)`: Optuna's brackets have rungs 2, 6, 18 / 6, 18 / 18 |
                    | optuna-tpe-median | Optuna 3.1 `TPESampler(seed)` | `MedianPruner()` (defaults: 5 startup trials, no warm-up steps) |

                    Optuna runs in `bench/optuna_runner.py` (`MFSTUDY` mode) with the same %d workers emulated in \
                    virtual time through ask/tell with %d open trials: every epoch is `trial.report`ed and followed by \
                    `trial.should_prune()`; Java answers each asked configuration with its learning curve (the \
                    surrogate is evaluated once, in Java, for every method).

                    """, String.join(", ", tasks), MAX_EPOCHS, budget, seeds, seeds - 1, workers, workers, workers));
            b.append("## Results: normalized regret (median [q25, q75]) at 1/5, 1/2 and all of the budget\n\n");
            b.append("| task | method | 1/5 | 1/2 | 1 |\n|---|---|---|---|---|\n");
            for (String task : regret.keySet()) {
                for (String method : methods) {
                    b.append("| ").append(task).append(" | ").append(method);
                    for (double f : CHECKPOINTS) {
                        double[] v = at(task, method, f);
                        b.append(String.format(Locale.ROOT, " | %.3g [%.3g, %.3g]", Quantiles.median(v),
                                Quantiles.of(v, 0.25), Quantiles.of(v, 0.75)));
                    }
                    b.append(" |\n");
                }
            }
            b.append("\n![normalized regret vs fraction of budget](multifidelity.png)\n\n");
            b.append("## Targets\n\n");
            if (methods.contains("bohb") && methods.contains("random")) {
                int met = 0;
                StringBuilder rows = new StringBuilder();
                for (String task : regret.keySet()) {
                    double bohb = Quantiles.median(at(task, "bohb", 0.2));
                    double random = Quantiles.median(at(task, "random", 1.0));
                    boolean ok = bohb <= random;
                    met += ok ? 1 : 0;
                    rows.append(String.format(Locale.ROOT, "| %s | %.3g | %.3g | %s |%n", task, bohb, random, ok ? "yes" : "no"));
                }
                b.append(String.format(Locale.ROOT, "1. *BOHB reaches random search's final normalized regret with at most 1/5 of "
                        + "the budget on at least 4 of the 6 tasks* (median BOHB regret at 1/5 ≤ median random regret at 1): "
                        + "**%s** (%d of %d tasks).%n%n", met >= 4 ? "met" : "not met", met, regret.size()));
                b.append("| task | BOHB at 1/5 | random at 1 | reached |\n|---|---|---|---|\n").append(rows).append('\n');
            }
            if (methods.contains("bohb") && methods.contains("optuna-tpe-hyperband")) {
                int met = 0;
                StringBuilder rows = new StringBuilder();
                for (String task : regret.keySet()) {
                    double bohb = Quantiles.median(at(task, "bohb", 1.0));
                    double optuna = Quantiles.median(at(task, "optuna-tpe-hyperband", 1.0));
                    boolean ok = bohb < optuna;
                    met += ok ? 1 : 0;
                    rows.append(String.format(Locale.ROOT, "| %s | %.3g | %.3g | %s |%n", task, bohb, optuna, ok ? "yes" : "no"));
                }
                b.append(String.format(Locale.ROOT, "2. *BOHB's median normalized regret at full budget is better than Optuna TPE + "
                        + "HyperbandPruner's on at least 4 of 6 tasks*: **%s** (%d of %d tasks; ties count as not better).%n%n",
                        met >= 4 ? "met" : "not met", met, regret.size()));
                b.append("| task | BOHB at 1 | Optuna TPE + Hyperband at 1 | BOHB better |\n|---|---|---|---|\n")
                        .append(rows).append('\n');
            }
            if (!notes.isBlank()) {
                b.append("## Notes\n\n").append(notes.strip()).append('\n');
            }
            return b.toString();
        }
    }

    static Analysis analyse(Map<String, List<MultiFidelityResult>> results, List<String> methods, int budget) {
        Map<String, Map<String, double[][]>> regret = new LinkedHashMap<>();
        results.forEach((task, runs) -> {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (MultiFidelityResult r : runs) {
                min = Math.min(min, r.bestWithin(r.epochLosses().length));
                max = Math.max(max, r.worst());
            }
            double range = max > min ? max - min : 1;
            Map<String, double[][]> byMethod = new LinkedHashMap<>();
            for (String method : methods) {
                List<MultiFidelityResult> mine = new ArrayList<>(runs.stream().filter(r -> r.method().equals(method)).toList());
                mine.sort((a, b) -> Long.compare(a.seed(), b.seed()));
                double[][] curves = new double[mine.size()][GRID];
                for (int s = 0; s < mine.size(); s++) {
                    double[] losses = mine.get(s).epochLosses();
                    double best = Double.POSITIVE_INFINITY;
                    int k = 0;
                    for (int g = 0; g < GRID; g++) {
                        int upTo = (int) Math.round((g + 1) / (double) GRID * budget);
                        while (k < Math.min(upTo, losses.length)) {
                            best = Math.min(best, losses[k++]);
                        }
                        curves[s][g] = (best - min) / range;
                    }
                }
                byMethod.put(method, curves);
            }
            regret.put(task, byMethod);
        });
        return new Analysis(regret, budget);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("arguments must be --name value pairs, but had " + Arrays.toString(args));
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return Collections.unmodifiableMap(opts);
    }
}
