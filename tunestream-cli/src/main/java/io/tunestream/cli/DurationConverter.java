package io.tunestream.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration as people write it: {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 500ms}, a bare
 * number of seconds, or ISO-8601 ({@code PT10M}). Zero and negative durations are refused.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");
    private static final Pattern HUMAN = Pattern.compile("(\\d+(ms|h|m|s))+");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        var text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        if (text.matches("\\d+")) {
            duration = Duration.ofSeconds(Long.parseLong(text));
        } else if (text.startsWith("pt") || text.startsWith("p")) {
            try {
                duration = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(value);
            }
        } else if (HUMAN.matcher(text).matches()) {
            duration = Duration.ZERO;
            var parts = PART.matcher(text);
            while (parts.find()) {
                long amount = Long.parseLong(parts.group(1));
                duration = duration.plus(switch (parts.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                });
            }
        } else {
            throw invalid(value);
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new TypeConversionException("a duration must be positive, but was '" + value + "'");
        }
        return duration;
    }

    /** {@code 1m30s}, {@code 45s}, {@code 2.5s}: short and readable. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = Math.round(millis / 1000.0);
        if (seconds < 60) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        long rest = seconds % 60;
        if (minutes < 60) {
            return rest == 0 ? minutes + "m" : minutes + "m" + rest + "s";
        }
        return (minutes / 60) + "h" + (minutes % 60) + "m";
    }

    private static TypeConversionException invalid(String value) {
        return new TypeConversionException("'" + value + "' is not a duration (examples: 90s, 10m, 1h30m, PT10M)");
    }
}
