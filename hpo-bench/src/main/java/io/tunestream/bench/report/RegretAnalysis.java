package io.tunestream.bench.report;

import io.tunestream.bench.problem.Problem;
import io.tunestream.bench.run.StudyResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Simple regret of every study, and its distribution over seeds per problem group and method.
 *
 * <p>The simple regret after {@code n} trials is the best loss of the first {@code n} trials minus the
 * reference loss: the problem's known optimum, or, when it has none (lcbench), the best loss that any
 * study of any method reached on it. In a group of several problems (the lcbench tasks), a seed's
 * regret is the mean over the group's problems of that seed's regret, so each seed counts once.
 */
public final class RegretAnalysis {

    private final Map<String, Double> referenceLoss;
    // group -> method -> seed -> mean regret curve over the group's problems
    private final Map<String, Map<String, Map<Long, double[]>>> curves;
    private final List<String> groups;
    private final List<String> methods;

    private RegretAnalysis(Map<String, Double> referenceLoss, Map<String, Map<String, Map<Long, double[]>>> curves,
                           List<String> groups, List<String> methods) {
        this.referenceLoss = referenceLoss;
        this.curves = curves;
        this.groups = groups;
        this.methods = methods;
    }

    /**
     * @param problems the problems, in report order
     * @param methods  the method labels, in report order
     * @param results  every study; studies of problems or methods not listed are ignored
     */
    public static RegretAnalysis of(List<Problem> problems, List<String> methods, Collection<StudyResult> results) {
        Objects.requireNonNull(results, "`results` must not be null");
        Map<String, Problem> byName = new LinkedHashMap<>();
        problems.forEach(p -> byName.put(p.name(), p));
        Map<String, Double> reference = new HashMap<>();
        for (Problem problem : problems) {
            double ref = problem.optimalLoss().orElse(Double.POSITIVE_INFINITY);
            if (problem.optimalLoss().isEmpty()) {
                for (StudyResult r : results) {
                    if (r.problem().equals(problem.name()) && methods.contains(r.method())) {
                        for (double loss : r.losses()) {
                            ref = Math.min(ref, loss);
                        }
                    }
                }
            }
            reference.put(problem.name(), ref);
        }
        // group -> method -> seed -> problem -> regret curve
        Map<String, Map<String, Map<Long, Map<String, double[]>>>> raw = new LinkedHashMap<>();
        LinkedHashSet<String> groups = new LinkedHashSet<>();
        problems.forEach(p -> groups.add(p.group()));
        for (StudyResult r : results) {
            Problem problem = byName.get(r.problem());
            if (problem == null || !methods.contains(r.method())) {
                continue;
            }
            double[] curve = r.incumbent();
            double ref = reference.get(problem.name());
            for (int i = 0; i < curve.length; i++) {
                curve[i] = Math.max(0.0, curve[i] - ref);
            }
            raw.computeIfAbsent(problem.group(), g -> new HashMap<>())
                    .computeIfAbsent(r.method(), m -> new TreeMap<>())
                    .computeIfAbsent(r.seed(), s -> new HashMap<>())
                    .put(problem.name(), curve);
        }
        Map<String, Integer> groupSize = new HashMap<>();
        problems.forEach(p -> groupSize.merge(p.group(), 1, Integer::sum));
        Map<String, Map<String, Map<Long, double[]>>> curves = new HashMap<>();
        raw.forEach((group, byMethod) -> byMethod.forEach((method, bySeed) -> bySeed.forEach((seed, byProblem) -> {
            if (byProblem.size() != groupSize.get(group)) {
                return; // a seed counts only once every problem of its group has run
            }
            int length = byProblem.values().stream().mapToInt(c -> c.length).min().orElseThrow();
            double[] mean = new double[length];
            for (double[] c : byProblem.values()) {
                for (int i = 0; i < length; i++) {
                    mean[i] += c[i] / byProblem.size();
                }
            }
            curves.computeIfAbsent(group, g -> new HashMap<>()).computeIfAbsent(method, m -> new TreeMap<>())
                    .put(seed, mean);
        })));
        return new RegretAnalysis(reference, curves, List.copyOf(groups), List.copyOf(methods));
    }

    public List<String> groups() {
        return groups;
    }

    public List<String> methods() {
        return methods;
    }

    /** The loss regret is measured from, per problem. */
    public double referenceLoss(String problem) {
        Double ref = referenceLoss.get(problem);
        if (ref == null) {
            throw new IllegalArgumentException("`problem` must be one of " + referenceLoss.keySet() + ", but was "
                    + problem);
        }
        return ref;
    }

    /**
     * Regret after {@code trials} trials over seeds; empty when the method did not run that many trials
     * on the group (GP runs 50 on lcbench) or did not run at all.
     */
    public Optional<Summary> at(String group, String method, int trials) {
        Map<Long, double[]> bySeed = curves.getOrDefault(group, Map.of()).getOrDefault(method, Map.of());
        List<Double> values = new ArrayList<>();
        for (double[] curve : bySeed.values()) {
            if (curve.length >= trials) {
                values.add(curve[trials - 1]);
            }
        }
        if (values.isEmpty() || values.size() < bySeed.size()) {
            return Optional.empty();
        }
        return Optional.of(Summary.of(values.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /** The shortest run of the method on the group over seeds, in trials; 0 when it did not run. */
    public int trials(String group, String method) {
        return curves.getOrDefault(group, Map.of()).getOrDefault(method, Map.of()).values().stream()
                .mapToInt(c -> c.length).min().orElse(0);
    }

    /**
     * Median, first and third quartile of regret after {@code 1 .. trials(group, method)} trials:
     * {@code [i][0..2]} is the summary after {@code i + 1} trials. Empty when the method did not run.
     */
    public double[][] curve(String group, String method) {
        int length = trials(group, method);
        double[][] curve = new double[length][];
        for (int i = 0; i < length; i++) {
            Summary s = at(group, method, i + 1).orElseThrow();
            curve[i] = new double[] {s.median(), s.q25(), s.q75()};
        }
        return curve;
    }
}
