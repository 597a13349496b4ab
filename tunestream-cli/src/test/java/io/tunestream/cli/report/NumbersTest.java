package io.tunestream.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void valuesHaveSixSignificantDigitsWithoutTrailingZeros() {
        assertThat(Numbers.value(0.0123456789)).isEqualTo("0.0123457");
        assertThat(Numbers.value(1.5)).isEqualTo("1.5");
        assertThat(Numbers.value(42.0)).isEqualTo("42");
        assertThat(Numbers.value(-3.25)).isEqualTo("-3.25");
        assertThat(Numbers.value(0.0)).isEqualTo("0");
        assertThat(Numbers.value(123456789.0)).isEqualTo("1.23457e+08");
        assertThat(Numbers.value(0.0000123)).isEqualTo("1.23e-05");
        assertThat(Numbers.value(Double.NaN)).isEqualTo("NaN");
        assertThat(Numbers.value(null)).isEqualTo("-");
    }

    @Test
    void paramsKeepIntegersAndTextAndRoundReals() {
        assertThat(Numbers.param(64)).isEqualTo("64");
        assertThat(Numbers.param(64L)).isEqualTo("64");
        assertThat(Numbers.param(0.0098765)).isEqualTo("0.009877");
        assertThat(Numbers.param(0.9)).isEqualTo("0.9");
        assertThat(Numbers.param("relu")).isEqualTo("relu");
        assertThat(Numbers.param(true)).isEqualTo("true");
    }
}
