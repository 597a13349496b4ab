package io.tunestream.optimizer.sampler;

import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.history.TrialRecord;
import io.tunestream.optimizer.history.TrialState;
import io.tunestream.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Bayesian optimisation with a Gaussian process and log expected improvement (Jones, Schonlau and
 * Welch, "Efficient Global Optimization of Expensive Black-Box Functions", 1998; Snoek, Larochelle and
 * Adams, "Practical Bayesian Optimization of Machine Learning Algorithms", NeurIPS 2012; log EI from
 * Ament et al., NeurIPS 2023).
 *
 * <p>Per suggestion, from scratch (the sampler keeps no state):
 * <ol>
 *   <li>Observations: completed trials with their loss; stopped trials with their loss but never better
 *       than the worst completed one (a stopped trial's loss is from a smaller budget, and it was
 *       stopped for being bad). Infinite losses become the worst finite one. Losses are standardised to
 *       mean 0 and variance 1 (y).</li>
 *   <li>Features: the unit cube, categoricals one-hot ({@link OneHotEncoding}); ints and stepped floats
 *       are modelled as continuous and rounded by {@link SearchSpace#fromUnit(double[])}.</li>
 *   <li>{@link GaussianProcess}: Matérn 5/2 ARD; ℓ, σ², σ_n² by maximum marginal likelihood
 *       ({@link GpSettings#nRestarts()} conjugate-gradient starts, Hipparchus).</li>
 *   <li>Running trials become fantasies at the posterior mean (kriging believer), so parallel
 *       suggestions avoid each other.</li>
 *   <li>log EI(x) = log σ(x) + log h((y* - μ(x)) / σ(x)), y* the lowest y (fantasies included), is evaluated at
 *       {@link GpSettings#nCandidates()} uniform points plus perturbations of the best trials; the best
 *       {@value #LOCAL_SEARCHES} are refined by projected gradient ascent on the numeric axes and an
 *       exhaustive sweep of each categorical; the winner is snapped to a value of the space.</li>
 * </ol>
 *
 * <p>Cost caps, so that a suggestion stays well under a second at any history size: the process is
 * conditioned on at most {@value #MAX_TRAINING_POINTS} trials and its hyperparameters are fitted on at
 * most {@value #MAX_FIT_POINTS}; past these the subset is the best fifth of the trials plus a random
 * draw of the others (from the suggestion's seeded generator, so still deterministic). Without any
 * observation the sampler draws uniformly, like {@link RandomSampler}.
 */
public final class GpSampler implements Sampler {

    static final int MAX_TRAINING_POINTS = 500;
    static final int MAX_FIT_POINTS = 100;
    static final int LOCAL_SEARCHES = 4;
    private static final int LOCAL_ITERATIONS = 25;
    private static final int PERTURBED_BEST = 5;
    private static final double PERTURBATION = 0.05;

    private final GpSettings settings;

    private GpSampler(GpSettings settings) {
        this.settings = settings;
    }

    /** GP-EI with {@link GpSettings#defaults()}. */
    public static GpSampler create() {
        return new GpSampler(GpSettings.defaults());
    }

    public static GpSampler create(GpSettings settings) {
        return new GpSampler(Objects.requireNonNull(settings, "`settings` must not be null"));
    }

    public GpSettings settings() {
        return settings;
    }

    @Override
    public Optional<Map<String, Object>> sample(SearchSpace space, StudyHistory history, SuggestionContext context) {
        Objects.requireNonNull(space, "`space` must not be null");
        Objects.requireNonNull(history, "`history` must not be null");
        Objects.requireNonNull(context, "`context` must not be null");
        SplittableRandom rng = context.rng();
        List<Observation> observations = observations(space, history);
        if (observations.isEmpty()) {
            return Optional.of(space.fromUnit(uniform(space.dimensions(), rng)));
        }
        OneHotEncoding encoding = new OneHotEncoding(space);
        List<Observation> training = subset(observations, MAX_TRAINING_POINTS, rng);
        double[] y = standardised(training);
        double[][] x = new double[training.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = encoding.encode(training.get(i).u());
        }

        GaussianProcess.Hyperparameters hyperparameters = fit(training, x, y, rng);
        List<double[]> pending = new ArrayList<>();
        for (TrialRecord trial : history.pending()) {
            if (space.contains(trial.params())) {
                pending.add(encoding.encode(space.toUnit(trial.params())));
            }
        }
        GaussianProcess gp = GaussianProcess.condition(x, y, hyperparameters).withFantasies(pending);
        // The incumbent includes the fantasies: a pending point predicted to improve then has z = 0 and
        // almost no variance, so its expected improvement vanishes instead of staying at y* - μ.
        Acquisition acquisition = new Acquisition(gp, encoding, gp.minTarget());

        List<double[]> pool = new ArrayList<>(settings.nCandidates() + PERTURBED_BEST);
        for (int c = 0; c < settings.nCandidates(); c++) {
            pool.add(uniform(space.dimensions(), rng));
        }
        training.stream().sorted(Comparator.comparingDouble(Observation::loss)).limit(PERTURBED_BEST)
                .forEach(best -> pool.add(perturbed(best.u(), encoding, rng)));
        double[] scores = new double[pool.size()];
        for (int c = 0; c < pool.size(); c++) {
            scores[c] = acquisition.value(pool.get(c), null);
        }
        Integer[] order = new Integer[pool.size()];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));

        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int rank = 0; rank < Math.min(LOCAL_SEARCHES, order.length); rank++) {
            double[] start = pool.get(order[rank]);
            for (double[] candidate : List.of(start, acquisition.refine(start))) {
                double[] snapped = space.toUnit(space.fromUnit(candidate));
                double score = acquisition.value(snapped, null);
                if (best == null || score > bestScore) {
                    best = snapped;
                    bestScore = score;
                }
            }
        }
        return Optional.of(space.fromUnit(best));
    }

    @Override
    public String toString() {
        return "GpSampler" + settings;
    }

    private GaussianProcess.Hyperparameters fit(List<Observation> training, double[][] x, double[] y,
                                                SplittableRandom rng) {
        if (training.size() <= MAX_FIT_POINTS) {
            return GaussianProcess.fit(x, y, settings.nRestarts(), rng);
        }
        List<Integer> indexes = subsetIndexes(training, MAX_FIT_POINTS, rng);
        double[][] xs = new double[indexes.size()][];
        double[] ys = new double[indexes.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = x[indexes.get(i)];
            ys[i] = y[indexes.get(i)];
        }
        return GaussianProcess.fit(xs, ys, settings.nRestarts(), rng);
    }

    /** A trial with a loss, as a point of the unit cube. */
    record Observation(long number, double[] u, double loss) {
    }

    /**
     * Completed trials, then stopped trials with a loss no better than the worst completed one; every
     * infinite loss replaced by the worst (or best) finite one. By trial number.
     */
    static List<Observation> observations(SearchSpace space, StudyHistory history) {
        double worstCompleted = Double.NEGATIVE_INFINITY;
        double worstFinite = Double.NEGATIVE_INFINITY;
        double bestFinite = Double.POSITIVE_INFINITY;
        List<TrialRecord> usable = new ArrayList<>();
        for (TrialRecord trial : history.trials()) {
            boolean finished = trial.state() == TrialState.COMPLETED || trial.state() == TrialState.STOPPED;
            if (!finished || trial.loss().isEmpty() || !space.contains(trial.params())) {
                continue;
            }
            usable.add(trial);
            double loss = trial.loss().getAsDouble();
            if (Double.isFinite(loss)) {
                worstFinite = Math.max(worstFinite, loss);
                bestFinite = Math.min(bestFinite, loss);
                if (trial.state() == TrialState.COMPLETED) {
                    worstCompleted = Math.max(worstCompleted, loss);
                }
            }
        }
        List<Observation> observations = new ArrayList<>(usable.size());
        for (TrialRecord trial : usable) {
            double loss = trial.loss().getAsDouble();
            if (trial.state() == TrialState.STOPPED && Double.isFinite(loss)) {
                loss = Math.max(loss, worstCompleted);
            }
            if (loss == Double.POSITIVE_INFINITY) {
                loss = worstFinite == Double.NEGATIVE_INFINITY ? 0 : worstFinite;
            } else if (loss == Double.NEGATIVE_INFINITY) {
                loss = bestFinite == Double.POSITIVE_INFINITY ? 0 : bestFinite;
            }
            observations.add(new Observation(trial.number(), space.toUnit(trial.params()), loss));
        }
        return observations;
    }

    /** All observations when they fit, else the best fifth plus a seeded random draw of the others. */
    private static List<Observation> subset(List<Observation> observations, int limit, SplittableRandom rng) {
        if (observations.size() <= limit) {
            return observations;
        }
        return subsetIndexes(observations, limit, rng).stream().map(observations::get).toList();
    }

    private static List<Integer> subsetIndexes(List<Observation> observations, int limit, SplittableRandom rng) {
        List<Integer> byLoss = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            byLoss.add(i);
        }
        byLoss.sort(Comparator.comparingDouble((Integer i) -> observations.get(i).loss()).thenComparingInt(i -> i));
        int best = limit / 5;
        List<Integer> chosen = new ArrayList<>(byLoss.subList(0, best));
        List<Integer> rest = new ArrayList<>(byLoss.subList(best, byLoss.size()));
        rest.sort(Comparator.naturalOrder());
        // Partial Fisher-Yates shuffle: the first (limit - best) of rest become a uniform draw.
        for (int i = 0; i < limit - best; i++) {
            int j = i + rng.nextInt(rest.size() - i);
            Integer swap = rest.get(i);
            rest.set(i, rest.get(j));
            rest.set(j, swap);
        }
        chosen.addAll(rest.subList(0, limit - best));
        chosen.sort(Comparator.naturalOrder());
        return chosen;
    }

    private static double[] standardised(List<Observation> observations) {
        int n = observations.size();
        double mean = 0;
        for (Observation o : observations) {
            mean += o.loss();
        }
        mean /= n;
        double variance = 0;
        for (Observation o : observations) {
            variance += (o.loss() - mean) * (o.loss() - mean);
        }
        double std = Math.sqrt(variance / n);
        if (!(std > 1e-12) || !Double.isFinite(std)) {
            std = 1;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (observations.get(i).loss() - mean) / std;
        }
        return y;
    }

    private static double[] uniform(int dimensions, SplittableRandom rng) {
        double[] u = new double[dimensions];
        for (int j = 0; j < u.length; j++) {
            u[j] = rng.nextDouble();
        }
        return u;
    }

    private static double[] perturbed(double[] u, OneHotEncoding encoding, SplittableRandom rng) {
        double[] p = u.clone();
        for (int j = 0; j < p.length; j++) {
            if (encoding.choices(j) == 0) {
                p[j] = clamp(p[j] + PERTURBATION * rng.nextGaussian());
            }
        }
        return p;
    }

    private static double clamp(double v) {
        return Math.min(1, Math.max(0, v));
    }

    /** log EI on the unit cube, with its local maximiser. */
    private static final class Acquisition {
        private final GaussianProcess gp;
        private final OneHotEncoding encoding;
        private final double incumbent;
        private final double[] moments = new double[2];
        private final double[] meanGradient;
        private final double[] varianceGradient;

        Acquisition(GaussianProcess gp, OneHotEncoding encoding, double incumbent) {
            this.gp = gp;
            this.encoding = encoding;
            this.incumbent = incumbent;
            this.meanGradient = new double[encoding.features()];
            this.varianceGradient = new double[encoding.features()];
        }

        /** log EI at unit point {@code u}; when {@code gradient} is not null, its gradient per numeric axis. */
        double value(double[] u, double[] gradient) {
            double[] features = encoding.encode(u);
            gp.predict(features, moments, gradient == null ? null : meanGradient,
                    gradient == null ? null : varianceGradient);
            double sigma = Math.sqrt(moments[1]);
            double z = (incumbent - moments[0]) / sigma;
            double value = Math.log(sigma) + Gaussian.logH(z);
            if (gradient != null) {
                double ratio = Gaussian.cdfOverH(z);
                for (int j = 0; j < u.length; j++) {
                    if (encoding.choices(j) != 0) {
                        gradient[j] = 0;
                        continue;
                    }
                    int f = encoding.offset(j);
                    double dSigma = varianceGradient[f] / (2 * sigma);
                    double dz = (-meanGradient[f] - z * dSigma) / sigma;
                    gradient[j] = dSigma / sigma + ratio * dz;
                }
            }
            return value;
        }

        /**
         * Projected gradient ascent on the numeric axes with an adaptive step (grown on success, cut on
         * failure), then the best choice of each categorical axis in turn.
         */
        double[] refine(double[] start) {
            double[] u = start.clone();
            double[] gradient = new double[u.length];
            double[] trialGradient = new double[u.length];
            double[] trial = new double[u.length];
            double value = value(u, gradient);
            double step = 0.05;
            for (int iteration = 0; iteration < LOCAL_ITERATIONS && step > 1e-4; iteration++) {
                double scale = 0;
                for (double g : gradient) {
                    scale = Math.max(scale, Math.abs(g));
                }
                if (!(scale > 0) || !Double.isFinite(scale)) {
                    break;
                }
                for (int j = 0; j < u.length; j++) {
                    trial[j] = clamp(u[j] + step * gradient[j] / scale);
                }
                double trialValue = value(trial, trialGradient);
                if (trialValue > value) {
                    System.arraycopy(trial, 0, u, 0, u.length);
                    System.arraycopy(trialGradient, 0, gradient, 0, u.length);
                    value = trialValue;
                    step = Math.min(0.25, step * 2);
                } else {
                    step *= 0.25;
                }
            }
            for (int j = 0; j < u.length; j++) {
                int count = encoding.choices(j);
                if (count == 0) {
                    continue;
                }
                double kept = u[j];
                for (int c = 0; c < count; c++) {
                    u[j] = (c + 0.5) / count;
                    double v = value(u, null);
                    if (v > value) {
                        value = v;
                        kept = u[j];
                    }
                }
                u[j] = kept;
            }
            return u;
        }
    }
}
