package io.tunestream.optimizer.sampler;

import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.space.SearchSpace;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Draws every coordinate uniformly from the unit cube and maps the point back with
 * {@link SearchSpace#fromUnit(double[])}: log parameters come out log-uniform and every discrete value
 * is equally likely. The history is ignored; the sampler never runs out.
 */
public final class RandomSampler implements Sampler {

    private static final RandomSampler INSTANCE = new RandomSampler();

    private RandomSampler() {
    }

    /** The random sampler; it is stateless, so one instance serves every study. */
    public static RandomSampler create() {
        return INSTANCE;
    }

    @Override
    public Optional<Map<String, Object>> sample(SearchSpace space, StudyHistory history, SuggestionContext context) {
        Objects.requireNonNull(space, "`space` must not be null");
        Objects.requireNonNull(history, "`history` must not be null");
        Objects.requireNonNull(context, "`context` must not be null");
        SplittableRandom rng = context.rng();
        double[] u = new double[space.dimensions()];
        for (int i = 0; i < u.length; i++) {
            u[i] = rng.nextDouble();
        }
        return Optional.of(space.fromUnit(u));
    }

    @Override
    public String toString() {
        return "RandomSampler";
    }
}
