package io.tunestream.optimizer.sampler;

import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.space.SearchSpace;
import java.util.Map;
import java.util.Optional;

/**
 * Suggests the configuration of one trial.
 *
 * <p>Implementations are pure: they draw randomness only from {@link SuggestionContext#rng()}, never
 * mutate the history, and keep no state between calls, so the same arguments always give the same
 * suggestion.
 */
@FunctionalInterface
public interface Sampler {

    /**
     * @return a configuration that {@code space} contains, or empty when the sampler has nothing left to
     *         suggest (only a finite sampler such as a grid ever runs out)
     */
    Optional<Map<String, Object>> sample(SearchSpace space, StudyHistory history, SuggestionContext context);
}
