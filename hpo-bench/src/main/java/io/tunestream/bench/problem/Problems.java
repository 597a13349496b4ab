package io.tunestream.bench.problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The problems of a benchmark run, chosen by name, and the resources they hold (the ONNX session).
 *
 * <p>Names: {@code branin}, {@code hartmann6}, {@code rosenbrock4}, {@code levy6}, {@code ackley5},
 * {@code styblinski-tang4}, {@code nasbench201}, {@code lcbench} (the six development tasks) or
 * {@code lcbench-<OpenML task id>}, and {@code all} for everything in that order.
 */
public final class Problems implements AutoCloseable {

    /** Every name {@code all} stands for, in report order. */
    public static final List<String> ALL = List.of("branin", "hartmann6", "rosenbrock4", "levy6", "ackley5",
            "styblinski-tang4", "nasbench201", "lcbench");

    private final List<Problem> problems;
    private final Optional<LcBenchSurrogate> surrogate;

    private Problems(List<Problem> problems, Optional<LcBenchSurrogate> surrogate) {
        this.problems = List.copyOf(problems);
        this.surrogate = surrogate;
    }

    /**
     * Loads the problems named in {@code spec}, a comma-separated list; data files are read from
     * {@code dataDir} only when a problem needs them.
     *
     * @throws IllegalArgumentException naming the unknown problem
     */
    public static Problems load(String spec, Path dataDir) {
        Objects.requireNonNull(spec, "`spec` must not be null");
        Objects.requireNonNull(dataDir, "`dataDir` must not be null");
        List<String> names = new ArrayList<>();
        for (String token : spec.split(",")) {
            String name = token.strip();
            if (name.equals("all")) {
                names.addAll(ALL);
            } else if (!name.isEmpty()) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("`--problems` must name at least one problem, but was \"" + spec + "\"");
        }
        Map<String, AnalyticProblem> analytic = new LinkedHashMap<>();
        AnalyticProblem.all().forEach(p -> analytic.put(p.name(), p));
        LinkedHashMap<String, Problem> chosen = new LinkedHashMap<>();
        LcBenchSurrogate lcbench = null;
        try {
            for (String name : names) {
                if (analytic.containsKey(name)) {
                    chosen.putIfAbsent(name, analytic.get(name));
                } else if (name.equals("nasbench201")) {
                    if (!chosen.containsKey(name)) {
                        chosen.put(name, NasBench201.load(dataDir));
                    }
                } else if (name.equals("lcbench") || name.startsWith("lcbench-")) {
                    if (lcbench == null) {
                        lcbench = LcBenchSurrogate.load(dataDir);
                    }
                    List<String> tasks = name.equals("lcbench")
                            ? LcBenchSurrogate.DEVELOPMENT_TASKS
                            : List.of(name.substring("lcbench-".length()));
                    for (String task : tasks) {
                        LcBenchTask problem = lcbench.task(task);
                        chosen.putIfAbsent(problem.name(), problem);
                    }
                } else {
                    throw new IllegalArgumentException("`--problems` must only name " + ALL
                            + " or lcbench-<task>, but named `" + name + "`");
                }
            }
        } catch (RuntimeException e) {
            if (lcbench != null) {
                lcbench.close();
            }
            throw e;
        }
        return new Problems(new ArrayList<>(chosen.values()), Optional.ofNullable(lcbench));
    }

    public List<Problem> list() {
        return problems;
    }

    @Override
    public void close() {
        surrogate.ifPresent(LcBenchSurrogate::close);
    }
}
