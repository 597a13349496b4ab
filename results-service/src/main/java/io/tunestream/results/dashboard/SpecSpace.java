package io.tunestream.results.dashboard;

import io.tunestream.contracts.spec.ParameterSpec;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.optimizer.space.Distribution;
import io.tunestream.optimizer.space.SearchSpace;

/**
 * A study spec's search space as the optimizer's {@link SearchSpace}, through the same
 * {@link Distribution#declared} as the suggester's, so that importances are computed on the cube the
 * samplers search.
 */
final class SpecSpace {

    private SpecSpace() {
    }

    static SearchSpace of(StudySpec spec) {
        var builder = SearchSpace.builder();
        spec.searchSpace().forEach((name, parameter) -> builder.add(name, distribution(parameter)));
        return builder.build();
    }

    private static Distribution distribution(ParameterSpec p) {
        return Distribution.declared(p.type(), p.low(), p.high(), p.isLog(), p.step(), p.choices());
    }
}
