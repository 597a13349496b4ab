package io.tunestream.bench.problem;

import io.tunestream.optimizer.space.SearchSpace;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One benchmark objective.
 *
 * <p>Implementations are immutable and thread-safe: the runner evaluates several studies at once.
 */
public interface Problem {

    /** A short, stable identifier, used on the command line and in reports ({@code branin}, {@code lcbench-3945}). */
    String name();

    /**
     * The row this problem is reported under. Problems of one group (the six lcbench tasks) are
     * averaged per seed before medians are taken; a standalone problem is its own group.
     */
    String group();

    SearchSpace space();

    /** The loss of a configuration of {@link #space()}; lower is better, never NaN. */
    double loss(Map<String, Object> params);

    /**
     * The lowest loss the problem can reach, when it is known. When empty, regret is measured against the
     * best loss that any compared method reached on the problem.
     */
    OptionalDouble optimalLoss();
}
