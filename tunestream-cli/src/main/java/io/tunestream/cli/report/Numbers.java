package io.tunestream.cli.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Compact, locale-independent number formatting for tables and progress lines. */
public final class Numbers {

    /** Significant digits of objective values. */
    public static final int VALUE_DIGITS = 6;
    /** Significant digits of real-valued parameters. */
    public static final int PARAM_DIGITS = 4;

    private Numbers() {
    }

    /** An objective value: {@code -} when absent, {@code NaN} for a diverged trial. */
    public static String value(Double value) {
        return value == null ? "-" : significant(value, VALUE_DIGITS);
    }

    /** A parameter value: integers as they are, reals with {@link #PARAM_DIGITS} digits, text as is. */
    public static String param(Object value) {
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return significant(((Number) value).doubleValue(), PARAM_DIGITS);
        }
        return String.valueOf(value);
    }

    /**
     * {@code digits} significant digits without trailing zeros; plain notation from 1e-4 to 1e7,
     * scientific outside.
     */
    public static String significant(double value, int digits) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0.0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e7) {
            return BigDecimal.valueOf(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%." + (digits - 1) + "e", value).replaceAll("\\.?0+e", "e");
    }
}
