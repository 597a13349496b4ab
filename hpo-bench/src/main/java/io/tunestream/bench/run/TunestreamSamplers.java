package io.tunestream.bench.run;

import io.tunestream.optimizer.sampler.GpSampler;
import io.tunestream.optimizer.sampler.RandomSampler;
import io.tunestream.optimizer.sampler.Sampler;
import io.tunestream.optimizer.sampler.StartupSampler;
import io.tunestream.optimizer.sampler.TpeSampler;
import io.tunestream.optimizer.sampler.TpeSettings;
import java.util.List;

/**
 * Tunestream's samplers as the benchmark configures them: the defaults a user gets from the suggester,
 * plus {@code tpe-uv}, our TPE with independent (univariate) kernels like Optuna's default TPESampler,
 * to tell the kernel choice apart from the rest of the implementation.
 */
public final class TunestreamSamplers {

    /** The sampler names {@link #create(String)} accepts. */
    public static final List<String> NAMES = List.of("random", "tpe", "tpe-uv", "gp");
    /** Random trials before a model takes over, as in Optuna's TPE (and its GP sampler). */
    public static final int STARTUP_TRIALS = 10;

    private TunestreamSamplers() {
    }

    /**
     * @throws IllegalArgumentException naming the accepted samplers when {@code name} is not one of them
     */
    public static Sampler create(String name) {
        return switch (name) {
            case "random" -> RandomSampler.create();
            case "tpe" -> StartupSampler.of(RandomSampler.create(), TpeSampler.create(), STARTUP_TRIALS);
            case "tpe-uv" -> StartupSampler.of(RandomSampler.create(), TpeSampler.create(univariate()), STARTUP_TRIALS);
            case "gp" -> StartupSampler.of(RandomSampler.create(), GpSampler.create(), STARTUP_TRIALS);
            default -> throw new IllegalArgumentException("Tunestream sampler must be one of " + NAMES + ", but was "
                    + name);
        };
    }

    private static TpeSettings univariate() {
        TpeSettings d = TpeSettings.defaults();
        return new TpeSettings(d.gamma(), d.nEiCandidates(), d.priorWeight(), false, d.constantLiar());
    }
}
