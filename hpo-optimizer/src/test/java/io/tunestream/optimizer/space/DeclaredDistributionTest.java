package io.tunestream.optimizer.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A study's parameter declaration becomes the distribution its samplers search: one mapping for every service. */
class DeclaredDistributionTest {

    @Test
    void floatsAreUniformLogUniformOrSteppedByTheDeclaration() {
        assertThat(Distribution.declared("float", 0.0, 1.0, false, null, null)).isEqualTo(FloatDistribution.uniform(0.0, 1.0));
        assertThat(Distribution.declared("float", 1e-4, 1e-1, true, null, null)).isEqualTo(FloatDistribution.logUniform(1e-4, 1e-1));
        assertThat(Distribution.declared("float", 0.0, 1.0, false, 0.25, null)).isEqualTo(FloatDistribution.stepped(0.0, 1.0, 0.25));
    }

    @Test
    void intsAreUniformLogUniformOrSteppedAndAStepOfOneIsPlain() {
        assertThat(Distribution.declared("int", 1.0, 8.0, false, null, null)).isEqualTo(IntDistribution.uniform(1, 8));
        assertThat(Distribution.declared("int", 1.0, 8.0, false, 1.0, null)).isEqualTo(IntDistribution.uniform(1, 8));
        assertThat(Distribution.declared("int", 16.0, 512.0, true, null, null)).isEqualTo(IntDistribution.logUniform(16, 512));
        assertThat(Distribution.declared("int", 0.0, 10.0, false, 2.0, null)).isEqualTo(IntDistribution.stepped(0, 10, 2));
    }

    @Test
    void categoricalsKeepTheirChoicesAndAnUnknownTypeNamesTheRule() {
        assertThat(Distribution.declared("categorical", null, null, false, null, List.of("relu", "tanh")))
                .isEqualTo(new CategoricalDistribution(List.of("relu", "tanh")));
        assertThatThrownBy(() -> Distribution.declared("bool", null, null, false, null, null))
                .hasMessage("type must be one of float, int, categorical, but was bool");
    }
}
