package io.tunestream.optimizer.scheduler;

import java.util.Locale;

/** Argument checks and number formatting shared by the schedulers. */
final class Args {

    private Args() {
    }

    static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException("`" + name + "` must be >= " + min + ", but was " + value);
        }
        return value;
    }

    static void requireReport(long trialNumber, int epoch) {
        requireTrialNumber(trialNumber);
        if (epoch < 1) {
            throw new IllegalArgumentException("`epoch` must be >= 1, but was " + epoch);
        }
    }

    static void requireTrialNumber(long trialNumber) {
        if (trialNumber < 0) {
            throw new IllegalArgumentException("`trialNumber` must be >= 0, but was " + trialNumber);
        }
    }

    /** NaN is the worst loss. */
    static double loss(double reported) {
        return Double.isNaN(reported) ? Double.POSITIVE_INFINITY : reported;
    }

    /** A loss for a reason string: short, and the same on every machine. */
    static String format(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    /** {@code base^exponent}, or {@code Long.MAX_VALUE} when it does not fit. */
    static long pow(long base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            if (result > Long.MAX_VALUE / base) {
                return Long.MAX_VALUE;
            }
            result *= base;
        }
        return result;
    }
}
