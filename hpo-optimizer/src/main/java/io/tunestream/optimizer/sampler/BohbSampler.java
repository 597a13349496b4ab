package io.tunestream.optimizer.sampler;

import io.tunestream.optimizer.history.BudgetObservation;
import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.history.TrialRecord;
import io.tunestream.optimizer.history.TrialState;
import io.tunestream.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The sampler half of BOHB: Falkner, Klein and Hutter, "BOHB: Robust and Efficient Hyperparameter
 * Optimization at Scale", ICML 2018 (Algorithm 2). The other half, the budgets, is the study's
 * {@code Hyperband} scheduler; the two meet only through the history, so BOHB is a composition of a
 * scheduler and this sampler, not a subclass of either.
 *
 * <p>Symbols: ρ = {@link BohbSettings#randomFraction()}, N_min = {@link BohbSettings#minPoints()}, b a
 * budget in epochs, D_b the observations at b. For each suggestion:
 * <ol>
 *   <li>with probability ρ the configuration is drawn uniformly at random ({@link RandomSampler});</li>
 *   <li>otherwise the model is fitted on the largest b with {@code |D_b| >= N_min}: a {@link TpeSampler}
 *       is applied to a history holding D_b as completed trials (their loss at b) plus the study's
 *       running trials that have no observation at b (pending: the constant liar counts them as bad).
 *       The good density l(x) takes the best {@code max(N_min, min(ceil(γ n), 25))} of them, as the
 *       reference implementation (HpBandSter's {@code n_good = max(min_points_in_model, top_n_percent·n)})
 *       does: the trials that reach a large budget are already the survivors of smaller ones, and a good
 *       group of one or two of them would make the bad density, made of the other survivors, push the
 *       search away from the region they share;</li>
 *   <li>when no budget has N_min observations yet, the configuration is random.</li>
 * </ol>
 *
 * <p>D_b comes from {@link StudyHistory#observations()} (a trial's loss at each rung it was promoted
 * past) and from every completed or stopped trial's own loss at the epoch it ended; a recorded
 * observation wins over the trial's own at the same budget. Failed trials and configurations outside
 * the space teach nothing.
 *
 * <p>The random-or-model coin is drawn from a generator split off {@link SuggestionContext#rng()}, so a
 * replay takes the same branch, and the branch's own draws stay independent of the coin.
 */
public final class BohbSampler implements Sampler {

    private final BohbSettings settings;
    private final TpeSampler tpe;

    private BohbSampler(BohbSettings settings) {
        this.settings = settings;
        this.tpe = TpeSampler.create(settings.tpe());
    }

    /** BOHB with {@link BohbSettings#defaults()}. */
    public static BohbSampler create() {
        return new BohbSampler(BohbSettings.defaults());
    }

    public static BohbSampler create(BohbSettings settings) {
        return new BohbSampler(Objects.requireNonNull(settings, "`settings` must not be null"));
    }

    public BohbSettings settings() {
        return settings;
    }

    @Override
    public Optional<Map<String, Object>> sample(SearchSpace space, StudyHistory history, SuggestionContext context) {
        Objects.requireNonNull(space, "`space` must not be null");
        Objects.requireNonNull(history, "`history` must not be null");
        Objects.requireNonNull(context, "`context` must not be null");
        if (randomDraw(context)) {
            return RandomSampler.create().sample(space, history, context);
        }
        OptionalInt budget = modelBudget(space, history);
        if (budget.isEmpty()) {
            return RandomSampler.create().sample(space, history, context);
        }
        int minPoints = settings.minPointsFor(space.dimensions());
        return tpe.sample(space, atBudget(space, history, budget.getAsInt()), context,
                n -> Math.max(minPoints, settings.tpe().goodTrials(n)));
    }

    /** Whether this trial's suggestion is one of the random fraction ρ; a function of the context alone. */
    boolean randomDraw(SuggestionContext context) {
        return context.rng().split().nextDouble() < settings.randomFraction();
    }

    /** The largest budget with at least N_min observations, or empty when none has that many yet. */
    OptionalInt modelBudget(SearchSpace space, StudyHistory history) {
        int minPoints = settings.minPointsFor(space.dimensions());
        TreeMap<Integer, Map<Long, Double>> byBudget = observations(space, history);
        for (Map.Entry<Integer, Map<Long, Double>> entry : byBudget.descendingMap().entrySet()) {
            if (entry.getValue().size() >= minPoints) {
                return OptionalInt.of(entry.getKey());
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public String toString() {
        return "BohbSampler" + settings;
    }

    /** D_b as completed trials at b, plus the running trials that have not reached b as pending ones. */
    private static StudyHistory atBudget(SearchSpace space, StudyHistory history, int budget) {
        Map<Long, Double> observed = observations(space, history).get(budget);
        List<TrialRecord> trials = new ArrayList<>();
        for (TrialRecord trial : history.trials()) {
            Double loss = observed.get(trial.number());
            if (loss != null) {
                trials.add(TrialRecord.completed(trial.number(), trial.params(), loss, budget));
            } else if (trial.state() == TrialState.RUNNING) {
                trials.add(trial);
            }
        }
        return StudyHistory.of(trials);
    }

    /** Budget → (trial number → loss), for usable trials: recorded observations first, then final losses. */
    private static TreeMap<Integer, Map<Long, Double>> observations(SearchSpace space, StudyHistory history) {
        Map<Long, TrialRecord> usable = new HashMap<>();
        for (TrialRecord trial : history.trials()) {
            if (trial.state() != TrialState.FAILED && space.contains(trial.params())) {
                usable.put(trial.number(), trial);
            }
        }
        TreeMap<Integer, Map<Long, Double>> byBudget = new TreeMap<>();
        for (BudgetObservation observation : history.observations()) {
            if (usable.containsKey(observation.trialNumber())) {
                byBudget.computeIfAbsent(observation.epochs(), b -> new HashMap<>())
                        .put(observation.trialNumber(), observation.loss());
            }
        }
        for (TrialRecord trial : usable.values()) {
            boolean ended = trial.state() == TrialState.COMPLETED || trial.state() == TrialState.STOPPED;
            if (ended && trial.loss().isPresent() && trial.epochs() >= 1) {
                byBudget.computeIfAbsent(trial.epochs(), b -> new HashMap<>())
                        .putIfAbsent(trial.number(), trial.loss().getAsDouble());
            }
        }
        return byBudget;
    }
}
