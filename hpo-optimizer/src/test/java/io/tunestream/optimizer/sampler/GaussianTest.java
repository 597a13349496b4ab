package io.tunestream.optimizer.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianTest {

    @Test
    void theDistributionFunctionMatchesReferenceValuesInBothTails() {
        // Reference values: scipy.stats.norm.cdf / mpmath.
        assertThat(Gaussian.cdf(0)).isCloseTo(0.5, within(1e-15));
        assertThat(Gaussian.cdf(-1)).isCloseTo(0.15865525393145707, within(1e-14));
        assertThat(Gaussian.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-14));
        assertThat(Gaussian.cdf(-3) / 0.0013498980316300946).isCloseTo(1.0, within(1e-12));
        assertThat(Gaussian.cdf(-8) / 6.22096057427178e-16).isCloseTo(1.0, within(1e-8));
        assertThat(Gaussian.cdf(-20) / 2.7536241186062337e-89).isCloseTo(1.0, within(1e-8));
    }

    @Test
    void logExpectedImprovementIsFiniteSmoothAndIncreasingFarIntoTheTail() {
        // h(0) = φ(0); h(z) → z for large z.
        assertThat(Gaussian.logH(0)).isCloseTo(Math.log(Gaussian.pdf(0)), within(1e-14));
        assertThat(Gaussian.logH(30)).isCloseTo(Math.log(30), within(1e-12));
        double previous = Gaussian.logH(-200);
        assertThat(previous).isFinite();
        for (double z = -199.5; z <= 10; z += 0.5) {
            double value = Gaussian.logH(z);
            assertThat(value).as("z=%s", z).isGreaterThan(previous);
            previous = value;
        }
        // Both branches agree where they meet.
        assertThat(Gaussian.logH(-30 + 1e-9)).isCloseTo(Gaussian.logH(-30 - 1e-9), within(1e-6));
        assertThat(Gaussian.logCdf(-30 + 1e-9)).isCloseTo(Gaussian.logCdf(-30 - 1e-9), within(1e-6));
    }

    @Test
    void theRatioOfDistributionToImprovementIsTheDerivativeOfLogH() {
        for (double z : new double[] {-40, -12, -3, -0.5, 0, 2, 9}) {
            double h = 1e-5;
            double numeric = (Gaussian.logH(z + h) - Gaussian.logH(z - h)) / (2 * h);

            assertThat(Gaussian.cdfOverH(z)).as("z=%s", z).isCloseTo(numeric, within(1e-4 * (1 + Math.abs(numeric))));
        }
    }
}
