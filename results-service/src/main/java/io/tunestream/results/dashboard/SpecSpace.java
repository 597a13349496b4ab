package io.tunestream.results.dashboard;

import io.tunestream.contracts.spec.ParameterSpec;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.optimizer.space.CategoricalDistribution;
import io.tunestream.optimizer.space.Distribution;
import io.tunestream.optimizer.space.FloatDistribution;
import io.tunestream.optimizer.space.IntDistribution;
import io.tunestream.optimizer.space.SearchSpace;

/**
 * A study spec's search space as the optimizer's {@link SearchSpace}, the same mapping as the
 * suggester's (its {@code SamplerFactory}), so that importances are computed on the cube the
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
        return switch (p.type()) {
            case "float" -> p.step() != null
                    ? FloatDistribution.stepped(p.low(), p.high(), p.step())
                    : p.isLog() ? FloatDistribution.logUniform(p.low(), p.high()) : FloatDistribution.uniform(p.low(), p.high());
            case "int" -> p.step() != null && p.step() != 1
                    ? IntDistribution.stepped(p.low().longValue(), p.high().longValue(), p.step().longValue())
                    : p.isLog() ? IntDistribution.logUniform(p.low().longValue(), p.high().longValue())
                    : IntDistribution.uniform(p.low().longValue(), p.high().longValue());
            case "categorical" -> new CategoricalDistribution(p.choices());
            default -> throw new IllegalArgumentException("type must be one of float, int, categorical, but was " + p.type());
        };
    }
}
