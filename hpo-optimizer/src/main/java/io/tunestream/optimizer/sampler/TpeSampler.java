package io.tunestream.optimizer.sampler;

import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.history.TrialRecord;
import io.tunestream.optimizer.history.TrialState;
import io.tunestream.optimizer.space.CategoricalDistribution;
import io.tunestream.optimizer.space.Distribution;
import io.tunestream.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Tree-structured Parzen Estimator: Bergstra, Bardenet, Bengio and Kégl, "Algorithms for
 * Hyper-Parameter Optimization", NeurIPS 2011, with the modern defaults of Watanabe, "Tree-structured
 * Parzen Estimator: Understanding Its Algorithm Components and Their Roles for Better Empirical
 * Performance", 2023 (Optuna's {@code TPESampler(multivariate=True, constant_liar=True)}).
 *
 * <p>Symbols: the {@code n} trials with a loss are ranked; the best {@code min(ceil(γ n), 25)} form the
 * good density l(x), the rest the bad density g(x) ({@link ParzenEstimator}s on the unit cube, so
 * parameter types only matter to the categorical kernels). {@link TpeSettings#nEiCandidates()}
 * candidates are drawn from l(x), and the one with the largest log l(x) - log g(x), which orders
 * candidates as expected improvement does (paper, eq. 4), is suggested. The ratio is taken of
 * {@link ParzenEstimator#logScore}, which weighs each kernel by its bandwidth as Optuna 3.1 does (see
 * there). Univariate ({@code multivariate=false}): each parameter keeps its own best candidate value,
 * ranked by its own ratio l_j(x_j) / g_j(x_j), as Optuna's {@code sample_independent} does.
 *
 * <ul>
 *   <li>Ranking: completed trials by loss, then stopped trials (their loss belongs to a smaller budget)
 *       by epochs reached, descending, then loss, as Optuna ranks pruned trials. Infinite losses rank
 *       last among their kind. Failed trials are ignored.</li>
 *   <li>Constant liar: with {@link TpeSettings#constantLiar()}, running trials count towards {@code n}
 *       and join g(x) as if they had the worst loss, so parallel suggestions spread out.</li>
 *   <li>Weights: each group weights its last 25 trials (by trial number) 1, older ones on a ramp down to
 *       {@code 1/m} (Optuna's {@code default_weights}); the prior kernel has {@link TpeSettings#priorWeight()}.</li>
 *   <li>Candidates are snapped to the values the space can return ({@code toUnit(fromUnit(u))}) before
 *       they are scored, so ints and stepped floats are scored where observations lie.</li>
 * </ul>
 *
 * <p>Every random draw comes from {@link SuggestionContext#rng()}; the sampler keeps no state.
 */
public final class TpeSampler implements Sampler {

    private static final int FULL_WEIGHT_TRIALS = 25;

    private final TpeSettings settings;

    private TpeSampler(TpeSettings settings) {
        this.settings = settings;
    }

    /** TPE with {@link TpeSettings#defaults()}. */
    public static TpeSampler create() {
        return new TpeSampler(TpeSettings.defaults());
    }

    public static TpeSampler create(TpeSettings settings) {
        return new TpeSampler(Objects.requireNonNull(settings, "`settings` must not be null"));
    }

    public TpeSettings settings() {
        return settings;
    }

    @Override
    public Optional<Map<String, Object>> sample(SearchSpace space, StudyHistory history, SuggestionContext context) {
        return sample(space, history, context, settings::goodTrials);
    }

    /**
     * As {@link #sample}, with the size of the good group given as a function of {@code n} (capped at the
     * trials with a loss): the entry point for {@link BohbSampler}, whose good group follows BOHB's rule.
     */
    Optional<Map<String, Object>> sample(SearchSpace space, StudyHistory history, SuggestionContext context,
                                         java.util.function.IntUnaryOperator goodTrials) {
        Objects.requireNonNull(space, "`space` must not be null");
        Objects.requireNonNull(history, "`history` must not be null");
        Objects.requireNonNull(context, "`context` must not be null");
        SplittableRandom rng = context.rng();
        int[] choices = choices(space);

        List<TrialRecord> ranked = ranked(space, history);
        List<TrialRecord> pending = settings.constantLiar() ? usable(space, history.pending()) : List.of();
        int n = ranked.size() + pending.size();
        int good = Math.max(0, Math.min(goodTrials.applyAsInt(n), ranked.size()));
        List<TrialRecord> below = ranked.subList(0, good);
        List<TrialRecord> above = new ArrayList<>(ranked.subList(good, ranked.size()));
        above.addAll(pending);

        ParzenEstimator l = estimator(space, choices, below);
        ParzenEstimator g = estimator(space, choices, above);

        if (!settings.multivariate()) {
            return Optional.of(space.fromUnit(bestPerAxis(space, l, g, rng)));
        }
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < settings.nEiCandidates(); i++) {
            double[] candidate = space.toUnit(space.fromUnit(l.sample(rng)));
            double score = l.logScore(candidate) - g.logScore(candidate);
            if (best == null || score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return Optional.of(space.fromUnit(best));
    }

    /**
     * Univariate TPE as Optuna's {@code sample_independent} does it: each axis is its own optimisation
     * problem, so each axis keeps the candidate coordinate with the largest log l_j(x) - log g_j(x).
     * Ranking whole candidates by the sum of the per-axis ratios would discard a good coordinate on one
     * axis whenever the same draw is poor on another. Candidates are snapped as a whole first.
     */
    private double[] bestPerAxis(SearchSpace space, ParzenEstimator l, ParzenEstimator g, SplittableRandom rng) {
        int d = space.dimensions();
        double[] best = new double[d];
        double[] bestScore = new double[d];
        java.util.Arrays.fill(bestScore, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < settings.nEiCandidates(); i++) {
            double[] candidate = space.toUnit(space.fromUnit(l.sample(rng)));
            for (int j = 0; j < d; j++) {
                double score = l.logScore(j, candidate[j]) - g.logScore(j, candidate[j]);
                if (i == 0 || score > bestScore[j]) {
                    best[j] = candidate[j];
                    bestScore[j] = score;
                }
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "TpeSampler" + settings;
    }

    private ParzenEstimator estimator(SearchSpace space, int[] choices, List<TrialRecord> trials) {
        List<TrialRecord> byNumber = new ArrayList<>(trials);
        byNumber.sort(Comparator.comparingLong(TrialRecord::number));
        List<double[]> points = new ArrayList<>(byNumber.size());
        for (TrialRecord trial : byNumber) {
            points.add(space.toUnit(trial.params()));
        }
        return new ParzenEstimator(choices, points, weights(byNumber.size()), settings.priorWeight(),
                settings.multivariate());
    }

    /** Optuna's {@code default_weights}: the newest 25 weigh 1, older ones ramp from 1/m up to 1. */
    static double[] weights(int m) {
        double[] weights = new double[m];
        int ramp = m - FULL_WEIGHT_TRIALS;
        for (int i = 0; i < m; i++) {
            if (i >= ramp) {
                weights[i] = 1.0;
            } else {
                // numpy.linspace(1/m, 1, ramp)
                weights[i] = ramp == 1 ? 1.0 / m : 1.0 / m + (1.0 - 1.0 / m) * i / (ramp - 1);
            }
        }
        return weights;
    }

    /** Completed trials by loss, then stopped trials by epochs (descending) and loss; ties by number. */
    private static List<TrialRecord> ranked(SearchSpace space, StudyHistory history) {
        List<TrialRecord> completed = new ArrayList<>();
        List<TrialRecord> stopped = new ArrayList<>();
        for (TrialRecord trial : usable(space, history.trials())) {
            if (trial.loss().isEmpty()) {
                continue;
            }
            if (trial.state() == TrialState.COMPLETED) {
                completed.add(trial);
            } else if (trial.state() == TrialState.STOPPED) {
                stopped.add(trial);
            }
        }
        Comparator<TrialRecord> byLoss = Comparator.comparingDouble(t -> t.loss().getAsDouble());
        completed.sort(byLoss.thenComparingLong(TrialRecord::number));
        stopped.sort(Comparator.comparingInt(TrialRecord::epochs).reversed().thenComparing(byLoss)
                .thenComparingLong(TrialRecord::number));
        completed.addAll(stopped);
        return completed;
    }

    /** Trials whose configuration lies in {@code space}; a trial of another space carries no information. */
    private static List<TrialRecord> usable(SearchSpace space, List<TrialRecord> trials) {
        return trials.stream().filter(t -> space.contains(t.params())).toList();
    }

    /** Per axis: 0 for numeric, the number of choices for categorical (the one place types matter). */
    static int[] choices(SearchSpace space) {
        int[] choices = new int[space.dimensions()];
        for (int j = 0; j < choices.length; j++) {
            Distribution distribution = space.get(space.names().get(j));
            choices[j] = distribution instanceof CategoricalDistribution c ? c.choices().size() : 0;
        }
        return choices;
    }
}
