package io.tunestream.bench;

import io.tunestream.bench.problem.LcBenchTask;
import io.tunestream.bench.problem.Problem;
import io.tunestream.bench.problem.Problems;
import io.tunestream.bench.report.MarkdownReport;
import io.tunestream.bench.report.RegretAnalysis;
import io.tunestream.bench.report.RunInfo;
import io.tunestream.bench.report.SuggestLatency;
import io.tunestream.bench.run.Method;
import io.tunestream.bench.run.OptunaBridge;
import io.tunestream.bench.run.StudyLog;
import io.tunestream.bench.run.StudyResult;
import io.tunestream.bench.run.TunestreamRunner;
import io.tunestream.bench.run.TunestreamSamplers;
import io.tunestream.optimizer.sampler.Sampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs every method on every problem for every seed, measures suggestion latency, and writes
 * {@code search.md} with its plots. A plain main, run by {@code bench/search.sh}; never by the build.
 *
 * <pre>
 * --seeds 20  --trials 100  --problems all  --data ../shared/data  --out docs/benchmarks
 * --methods ts-random,ts-tpe,...,optuna-cmaes/b4   --workers 2   --gp-lcbench-trials 50
 * --python /usr/bin/python3  --optuna-runner bench/optuna_runner.py  --plot bench/plot_search.py
 * --raw hpo-bench/target/search-bench  --latency on|off|only  --resume  --report-only
 * --notes bench/search-notes.md
 * </pre>
 * With {@code --resume}, studies already in {@code <raw>/studies.tsv} are kept and not rerun; without
 * it the file is started afresh. The notes file, when it exists, is copied into the report after the
 * targets: the place for a human reading of the numbers, which the generated tables cannot give.
 */
public final class SearchBenchmark {

    static final List<String> DEFAULT_METHODS = List.of(
            "ts-random", "ts-tpe", "ts-tpe-uv", "ts-gp",
            "optuna-random", "optuna-tpe", "optuna-tpe-mv", "optuna-cmaes",
            "ts-random/b4", "ts-tpe/b4", "ts-gp/b4",
            "optuna-random/b4", "optuna-tpe/b4", "optuna-tpe-mv/b4", "optuna-cmaes/b4");
    static final int[] LATENCY_FINISHED = {100, 300, 1000};

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        int seeds = intOpt(opts, "seeds", 20, 1);
        int trials = intOpt(opts, "trials", 100, 1);
        int gpLcbenchTrials = intOpt(opts, "gp-lcbench-trials", 50, 1);
        int workers = intOpt(opts, "workers", 2, 1);
        Path data = Path.of(opts.getOrDefault("data", "../shared/data"));
        Path out = Path.of(opts.getOrDefault("out", "docs/benchmarks"));
        Path raw = Path.of(opts.getOrDefault("raw", "hpo-bench/target/search-bench"));
        Path python = Path.of(opts.getOrDefault("python", "/usr/bin/python3"));
        Path runner = Path.of(opts.getOrDefault("optuna-runner", "bench/optuna_runner.py"));
        Path plot = Path.of(opts.getOrDefault("plot", "bench/plot_search.py"));
        String latencyMode = opts.getOrDefault("latency", "on");
        if (!List.of("on", "off", "only").contains(latencyMode)) {
            throw new IllegalArgumentException("`--latency` must be on, off or only, but was " + latencyMode);
        }
        boolean reportOnly = opts.containsKey("report-only");
        boolean resume = opts.containsKey("resume") || reportOnly;
        List<Method> methods = new ArrayList<>();
        for (String label : opts.getOrDefault("methods", String.join(",", DEFAULT_METHODS)).split(",")) {
            Method method = Method.parse(label);
            if (method.engine() == Method.Engine.TUNESTREAM) {
                TunestreamSamplers.create(method.sampler()); // validate before any study runs
            }
            methods.add(method);
        }
        String command = opts.getOrDefault("command", "java -cp ... io.tunestream.bench.SearchBenchmark "
                + String.join(" ", args));
        Files.createDirectories(raw);
        Files.createDirectories(out);

        try (Problems problems = Problems.load(opts.getOrDefault("problems", "all"), data)) {
            Path studiesFile = raw.resolve("studies.tsv");
            Path latencyFile = raw.resolve("latency.tsv");
            Path runFile = raw.resolve("run.properties");
            double studySeconds;
            if (!reportOnly && !latencyMode.equals("only")) {
                if (!resume) {
                    Files.deleteIfExists(studiesFile);
                }
                studySeconds = runStudies(problems.list(), methods, seeds, trials, gpLcbenchTrials, workers, python,
                        runner, studiesFile);
                Properties props = new Properties();
                props.setProperty("studySeconds", Double.toString(studySeconds));
                try (var w = Files.newBufferedWriter(runFile, StandardCharsets.UTF_8)) {
                    props.store(w, "search benchmark run");
                }
            } else {
                studySeconds = readStudySeconds(runFile);
            }
            List<SuggestLatency.Cell> latency;
            if (!reportOnly && !latencyMode.equals("off")) {
                latency = measureLatency(problems.list(), methods, Double.parseDouble(opts.getOrDefault(
                        "latency-budget-s", "20")));
                writeLatency(latencyFile, latency);
            } else {
                latency = readLatency(latencyFile);
            }
            if (latencyMode.equals("only")) {
                latency.forEach(c -> System.out.println(c));
                return;
            }
            List<String> labels = methods.stream().map(Method::label).toList();
            List<StudyResult> results = StudyLog.read(studiesFile).stream()
                    .filter(r -> r.seed() < seeds).toList();
            RegretAnalysis analysis = RegretAnalysis.of(problems.list(), labels, results);
            Path curves = raw.resolve("curves.tsv");
            writeCurves(curves, analysis);
            List<String> images = plot(python, plot, curves, out);
            RunInfo info = new RunInfo(command, seeds, trials, gpLcbenchTrials,
                    problems.list().stream().map(Problem::name).toList(), labels, machine(python), studySeconds, workers,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            Path notes = Path.of(opts.getOrDefault("notes", "bench/search-notes.md"));
            String notesText = Files.exists(notes) ? Files.readString(notes, StandardCharsets.UTF_8) : "";
            String md = MarkdownReport.render(info, analysis, results, latency, images, notesText);
            Files.writeString(out.resolve("search.md"), md, StandardCharsets.UTF_8);
            System.err.println("wrote " + out.resolve("search.md"));
        }
    }

    /** Runs every (problem, method, seed) study not yet in {@code studiesFile}; returns the wall seconds spent. */
    static double runStudies(List<Problem> problems, List<Method> methods, int seeds, int trials, int gpLcbenchTrials,
                             int workers, Path python, Path runner, Path studiesFile) throws InterruptedException {
        Set<String> done = new HashSet<>();
        for (StudyResult r : StudyLog.read(studiesFile)) {
            done.add(r.problem() + "\t" + r.method() + "\t" + r.seed());
        }
        record Job(Problem problem, Method method, long seed, int trials) {
        }
        List<Job> jobs = new ArrayList<>();
        for (Method method : methods) {
            for (Problem problem : problems) {
                int n = method.sampler().equals("gp") && problem instanceof LcBenchTask
                        ? Math.min(trials, gpLcbenchTrials) : trials;
                for (long seed = 0; seed < seeds; seed++) {
                    if (!done.contains(problem.name() + "\t" + method.label() + "\t" + seed)) {
                        jobs.add(new Job(problem, method, seed, n));
                    }
                }
            }
        }
        // The slowest studies first, so that the last ones to finish are short.
        jobs.sort((a, b) -> Integer.compare(cost(b.method()), cost(a.method())));
        System.err.printf(Locale.ROOT, "%d studies to run (%d already done), %d workers%n", jobs.size(), done.size(),
                workers);
        long start = System.nanoTime();
        AtomicInteger finished = new AtomicInteger();
        List<OptunaBridge> bridges = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<OptunaBridge> bridge = ThreadLocal.withInitial(() -> {
            OptunaBridge b = OptunaBridge.start(python, runner);
            bridges.add(b);
            return b;
        });
        Map<String, Sampler> samplers = new LinkedHashMap<>();
        for (Method m : methods) {
            if (m.engine() == Method.Engine.TUNESTREAM) {
                samplers.put(m.sampler(), TunestreamSamplers.create(m.sampler()));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long[] lastLog = {start};
        try (StudyLog log = StudyLog.append(studiesFile)) {
            List<Future<?>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    Method m = job.method();
                    StudyResult result = m.engine() == Method.Engine.TUNESTREAM
                            ? TunestreamRunner.run(job.problem(), m.label(), samplers.get(m.sampler()), job.seed(),
                                    job.trials(), m.batch())
                            : bridge.get().run(job.problem(), m.label(), m.sampler(), job.seed(), job.trials(),
                                    m.batch());
                    log.write(result);
                    int n = finished.incrementAndGet();
                    long now = System.nanoTime();
                    synchronized (lastLog) {
                        if (now - lastLog[0] > 15e9 || n == jobs.size()) {
                            lastLog[0] = now;
                            double elapsed = (now - start) / 1e9;
                            System.err.printf(Locale.ROOT, "%d/%d studies, %.0f s elapsed, ~%.0f s left (last: %s %s"
                                            + " seed %d, %.2f s)%n", n, jobs.size(), elapsed,
                                    elapsed / n * (jobs.size() - n), m.label(), job.problem().name(), job.seed(),
                                    result.wallSeconds());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    throw new IllegalStateException("a study failed", e.getCause());
                }
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            bridges.forEach(OptunaBridge::close);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static int cost(Method m) {
        return switch (m.sampler()) {
            case "gp" -> 3;
            case "tpe", "tpe-mv", "tpe-uv" -> 2;
            case "cmaes" -> 1;
            default -> 0;
        };
    }

    static List<SuggestLatency.Cell> measureLatency(List<Problem> problems, List<Method> methods, double budgetSeconds) {
        List<Problem> spaces = new ArrayList<>();
        problems.stream().filter(p -> p.name().equals("hartmann6")).findFirst().ifPresent(spaces::add);
        problems.stream().filter(p -> p instanceof LcBenchTask).findFirst().ifPresent(spaces::add);
        if (spaces.isEmpty()) {
            spaces.add(problems.get(0));
        }
        List<String> samplers = methods.stream().filter(m -> m.engine() == Method.Engine.TUNESTREAM)
                .map(Method::sampler).distinct().toList();
        List<SuggestLatency.Cell> cells = new ArrayList<>();
        for (String name : samplers) {
            Sampler sampler = TunestreamSamplers.create(name);
            for (Problem problem : spaces) {
                for (int finished : LATENCY_FINISHED) {
                    boolean slow = name.equals("gp");
                    SuggestLatency.Cell cell = SuggestLatency.measure("ts-" + name, sampler, problem, finished,
                            slow ? 2 : 30, slow ? 100 : 500, budgetSeconds, 12345);
                    System.err.println(cell);
                    cells.add(cell);
                }
            }
        }
        return cells;
    }

    static void writeLatency(Path file, List<SuggestLatency.Cell> cells) throws IOException {
        List<String> lines = new ArrayList<>();
        for (SuggestLatency.Cell c : cells) {
            lines.add(String.join("\t", c.sampler(), c.problem(), Integer.toString(c.finished()),
                    Integer.toString(c.samples()), Double.toString(c.p50Ms()), Double.toString(c.p99Ms())));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static List<SuggestLatency.Cell> readLatency(Path file) throws IOException {
        List<SuggestLatency.Cell> cells = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                cells.add(new SuggestLatency.Cell(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            }
        }
        return cells;
    }

    private static double readStudySeconds(Path runFile) throws IOException {
        if (!Files.exists(runFile)) {
            return Double.NaN;
        }
        Properties props = new Properties();
        try (var r = Files.newBufferedReader(runFile, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return Double.parseDouble(props.getProperty("studySeconds", "NaN"));
    }

    /** {@code group  method  trial  median  q25  q75}, one line per trial count, for the plot script. */
    static void writeCurves(Path file, RegretAnalysis analysis) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("group\tmethod\ttrial\tmedian\tq25\tq75");
        for (String group : analysis.groups()) {
            for (String method : analysis.methods()) {
                double[][] curve = analysis.curve(group, method);
                for (int i = 0; i < curve.length; i++) {
                    lines.add(group + "\t" + method + "\t" + (i + 1) + "\t" + curve[i][0] + "\t" + curve[i][1] + "\t"
                            + curve[i][2]);
                }
            }
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Runs the matplotlib script; returns the PNG file names it wrote into {@code out}, or none when it failed. */
    static List<String> plot(Path python, Path script, Path curves, Path out) {
        List<String> images = List.of("search-regret.png", "search-regret-batch4.png");
        try {
            Process p = new ProcessBuilder(python.toString(), script.toString(), curves.toString(), out.toString())
                    .inheritIO().start();
            if (p.waitFor() == 0) {
                return images;
            }
            System.err.println("plot script failed with exit code " + p.exitValue() + "; the report has no plots");
        } catch (IOException e) {
            System.err.println("cannot run the plot script: " + e.getMessage() + "; the report has no plots");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of();
    }

    public static List<String> machine(Path python) {
        List<String> lines = new ArrayList<>();
        String cpu = "unknown CPU";
        String memory = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> l.replaceAll("\\s+", " ")).findFirst().orElse("");
        } catch (IOException | UncheckedIOException ignored) {
            // Not Linux: say less about the machine.
        }
        lines.add("Machine: " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " CPUs visible to the JVM"
                + (memory.isEmpty() ? "" : ", " + memory) + "; " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ". Shared with other builds during the run, so timings are noisy"
                + " upper bounds.");
        lines.add("Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + "; onnxruntime (Java) " + onnxVersion() + ".");
        try {
            Process p = new ProcessBuilder(python.toString(), "-c",
                    "import sys, optuna, numpy; print('Python %s, optuna %s, numpy %s' % (sys.version.split()[0],"
                            + " optuna.__version__, numpy.__version__))")
                    .redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() == 0) {
                lines.add(version + " (" + python + ").");
            }
        } catch (IOException e) {
            lines.add("Python: not runnable (" + e.getMessage() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lines;
    }

    private static String onnxVersion() {
        String v = ai.onnxruntime.OrtEnvironment.class.getPackage().getImplementationVersion();
        return v == null ? "(version not in the jar manifest)" : v;
    }

    static Map<String, String> parse(String[] args) {
        Set<String> flags = Set.of("resume", "report-only");
        Set<String> valued = Set.of("seeds", "trials", "gp-lcbench-trials", "workers", "data", "out", "raw", "python",
                "optuna-runner", "plot", "latency", "latency-budget-s", "methods", "problems", "command", "notes");
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("arguments must be --name [value], but got `" + args[i] + "`");
            }
            String name = args[i].substring(2);
            if (flags.contains(name)) {
                opts.put(name, "true");
            } else if (valued.contains(name)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("`--" + name + "` needs a value");
                }
                opts.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option `--" + name + "`; known: "
                        + flags.stream().sorted().collect(Collectors.joining(", ")) + ", "
                        + valued.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
        return opts;
    }

    private static int intOpt(Map<String, String> opts, String name, int defaultValue, int min) {
        String text = opts.get(name);
        if (text == null) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("`--" + name + "` must be an integer, but was " + text);
        }
        if (value < min) {
            throw new IllegalArgumentException("`--" + name + "` must be >= " + min + ", but was " + value);
        }
        return value;
    }
}
