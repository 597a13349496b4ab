package io.tunestream.optimizer.space;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Conversions between the boxed number types that configurations arrive with. */
final class Numbers {

    private static final double TWO_POW_63 = 0x1p63;

    private Numbers() {
    }

    /** The value as a finite double, or empty when it is not a number or not finite. */
    static OptionalDouble finiteDouble(Object value) {
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (Double.isFinite(d)) {
                return OptionalDouble.of(d);
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * The value as a long when it is an integral number that fits, whatever its boxed type.
     *
     * <p>Integral doubles such as {@code 3.0} are accepted because JSON and most client libraries do
     * not keep the distinction between 3 and 3.0.
     */
    static OptionalLong exactLong(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof AtomicLong || value instanceof AtomicInteger) {
            return OptionalLong.of(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < Long.SIZE ? OptionalLong.of(big.longValue()) : OptionalLong.empty();
        }
        if (value instanceof BigDecimal decimal) {
            try {
                return OptionalLong.of(decimal.longValueExact());
            } catch (ArithmeticException notIntegralOrTooLarge) {
                return OptionalLong.empty();
            }
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (Double.isFinite(d) && d == Math.rint(d) && d >= -TWO_POW_63 && d < TWO_POW_63) {
                return OptionalLong.of((long) d);
            }
        }
        return OptionalLong.empty();
    }

    /** Whether a categorical choice may be this number: immutable, standard and finite. */
    static boolean isSupportedChoiceNumber(Object value) {
        boolean standardType = value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof Double || value instanceof Float
                || value instanceof BigInteger || value instanceof BigDecimal;
        return standardType && finiteDouble(value).isPresent();
    }

    /**
     * Equality of two configuration values where numbers compare by value, so that a choice declared
     * as {@code Integer 3} matches a {@code Long 3} that came back from the wire.
     */
    static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            BigDecimal bx = exactDecimal(x);
            BigDecimal by = exactDecimal(y);
            if (bx != null && by != null) {
                return bx.compareTo(by) == 0;
            }
        }
        return a.equals(b);
    }

    // Null only inside this class, for numbers (NaN, infinities) that have no decimal value.
    private static BigDecimal exactDecimal(Number number) {
        OptionalLong integral = number instanceof Double || number instanceof Float
                ? OptionalLong.empty()
                : exactLong(number);
        if (integral.isPresent()) {
            return BigDecimal.valueOf(integral.getAsLong());
        }
        if (number instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        double d = number.doubleValue();
        return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
}
