package io.tunestream.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void interpolatesLinearlyLikeNumpy() {
        double[] v = {4, 1, 3, 2};
        // numpy.quantile([1, 2, 3, 4], [0.25, 0.5, 0.75]) == [1.75, 2.5, 3.25]
        assertThat(Quantiles.of(v, 0.25)).isCloseTo(1.75, within(1e-12));
        assertThat(Quantiles.median(v)).isCloseTo(2.5, within(1e-12));
        assertThat(Quantiles.of(v, 0.75)).isCloseTo(3.25, within(1e-12));
        assertThat(Quantiles.of(v, 0)).isEqualTo(1);
        assertThat(Quantiles.of(v, 1)).isEqualTo(4);
        assertThat(v).containsExactly(4, 1, 3, 2);
    }

    @Test
    void rejectsEmptySamplesAndQuantilesOutsideTheUnitInterval() {
        assertThatThrownBy(() -> Quantiles.median(new double[0])).hasMessageContaining("`values` must not be empty");
        assertThatThrownBy(() -> Quantiles.of(new double[] {1}, 1.5)).hasMessageContaining("`q` must be in [0, 1]");
    }
}
