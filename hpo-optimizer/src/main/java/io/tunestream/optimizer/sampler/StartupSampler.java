package io.tunestream.optimizer.sampler;

import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.history.TrialRecord;
import io.tunestream.optimizer.history.TrialState;
import io.tunestream.optimizer.space.SearchSpace;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks a startup sampler (usually {@link RandomSampler}) until {@code nStartupTrials} trials have a
 * loss, and a model-based sampler after that.
 *
 * <p>A decorator rather than a flag in every model: TPE and GP stay pure models, and any pair composes
 * ({@code StartupSampler.of(GridSampler..., TpeSampler...)} works too). Trials count once they are
 * {@link TrialState#COMPLETED} or {@link TrialState#STOPPED}; running and failed trials do not, so
 * with {@code maxParallel} trials in flight the model takes over as soon as enough have finished, not
 * when enough were suggested. Whichever sampler answers gets the same {@link SuggestionContext}, so a
 * replay asks the same sampler with the same seed.
 */
public final class StartupSampler implements Sampler {

    private final Sampler startup;
    private final Sampler model;
    private final int nStartupTrials;

    private StartupSampler(Sampler startup, Sampler model, int nStartupTrials) {
        this.startup = startup;
        this.model = model;
        this.nStartupTrials = nStartupTrials;
    }

    /**
     * @param startup        the sampler for the first trials
     * @param model          the sampler once {@code nStartupTrials} trials have a loss
     * @param nStartupTrials how many trials must have a loss before the model is asked, {@code >= 0}
     * @throws IllegalArgumentException when {@code nStartupTrials < 0}
     */
    public static StartupSampler of(Sampler startup, Sampler model, int nStartupTrials) {
        Objects.requireNonNull(startup, "`startup` must not be null");
        Objects.requireNonNull(model, "`model` must not be null");
        if (nStartupTrials < 0) {
            throw new IllegalArgumentException("`nStartupTrials` must be >= 0, but was " + nStartupTrials);
        }
        return new StartupSampler(startup, model, nStartupTrials);
    }

    @Override
    public Optional<Map<String, Object>> sample(SearchSpace space, StudyHistory history, SuggestionContext context) {
        Objects.requireNonNull(history, "`history` must not be null");
        return (finishedWithLoss(history) < nStartupTrials ? startup : model).sample(space, history, context);
    }

    public int nStartupTrials() {
        return nStartupTrials;
    }

    @Override
    public String toString() {
        return "StartupSampler[startup=" + startup + ", model=" + model + ", nStartupTrials=" + nStartupTrials + "]";
    }

    private static long finishedWithLoss(StudyHistory history) {
        return history.trials().stream().filter(StartupSampler::hasLoss).count();
    }

    private static boolean hasLoss(TrialRecord trial) {
        return (trial.state() == TrialState.COMPLETED || trial.state() == TrialState.STOPPED) && trial.loss().isPresent();
    }
}
