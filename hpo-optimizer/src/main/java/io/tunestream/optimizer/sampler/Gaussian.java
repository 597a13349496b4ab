package io.tunestream.optimizer.sampler;

/**
 * The standard normal distribution's density and distribution function, accurate in the tails, for
 * the truncated kernels of {@link TpeSampler} and the expected improvement of {@link GpSampler}.
 */
final class Gaussian {

    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    private Gaussian() {
    }

    /** φ(z). */
    static double pdf(double z) {
        return Math.exp(-0.5 * z * z) / SQRT_2PI;
    }

    /** log φ(z). */
    static double logPdf(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    /**
     * Φ(z), with a relative error near 1e-14 in the lower tail down to z = -37 (below that it
     * underflows to 0): Hart's double-precision algorithm as given by G. West, "Better approximations
     * to cumulative normal functions", Wilmott Magazine, 2005.
     */
    static double cdf(double z) {
        double x = Math.abs(z);
        double tail;
        if (x > 37) {
            tail = 0.0;
        } else {
            double e = Math.exp(-0.5 * x * x);
            if (x < 7.07106781186547) {
                double num = 3.52624965998911e-02 * x + 0.700383064443688;
                num = num * x + 6.37396220353165;
                num = num * x + 33.912866078383;
                num = num * x + 112.079291497871;
                num = num * x + 221.213596169931;
                num = num * x + 220.206867912376;
                double den = 8.83883476483184e-02 * x + 1.75566716318264;
                den = den * x + 16.064177579207;
                den = den * x + 86.7807322029461;
                den = den * x + 296.564248779674;
                den = den * x + 637.333633378831;
                den = den * x + 793.826512519948;
                den = den * x + 440.413735824752;
                tail = e * num / den;
            } else {
                double cf = x + 0.65;
                cf = x + 4 / cf;
                cf = x + 3 / cf;
                cf = x + 2 / cf;
                cf = x + 1 / cf;
                tail = e / cf / SQRT_2PI;
            }
        }
        return z > 0 ? 1 - tail : tail;
    }

    /** log Φ(z), finite for every finite z (the asymptotic series takes over where Φ underflows). */
    static double logCdf(double z) {
        if (z > -30) {
            return Math.log(cdf(z));
        }
        // Φ(z) = φ(z)/|z| (1 - 1/z² + 3/z⁴ - ...), z << 0.
        double inv2 = 1 / (z * z);
        return logPdf(z) - Math.log(-z) + Math.log1p(-inv2 * (1 - 3 * inv2 * (1 - 5 * inv2)));
    }

    /**
     * log h(z) where h(z) = φ(z) + z Φ(z) is the expected improvement of a unit normal over the
     * threshold -z. Direct evaluation loses only about log10(z²) digits to cancellation down to z = -30;
     * below that the asymptotic series h(z) = φ(z)/z² (1 - 3/z² + 15/z⁴ - ...) is exact to double
     * precision. So log EI stays finite and smooth far from the incumbent, where plain EI is 0 and gives
     * a local search nothing to climb (Ament et al., "Unexpected improvements to expected improvement
     * for Bayesian optimization", NeurIPS 2023).
     */
    static double logH(double z) {
        if (z > -30) {
            double h = pdf(z) + z * cdf(z);
            if (h > 0) {
                return Math.log(h);
            }
        }
        double inv2 = 1 / (z * z);
        double series = 1 - 3 * inv2 * (1 - 5 * inv2 * (1 - 7 * inv2));
        return logPdf(z) + Math.log(inv2) + Math.log(series);
    }

    /** Φ(z) / h(z), the derivative of log h; close to |z| far in the lower tail. */
    static double cdfOverH(double z) {
        return Math.exp(logCdf(z) - logH(z));
    }
}
