package io.tunestream.trainer.backend.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;

import io.tunestream.contracts.Json;

/**
 * Reads the metric lines of a training program. Only lines that start with {@value #PREFIX} are
 * parsed, so that ordinary output (progress bars, warnings) is never mistaken for a metric. After the
 * prefix comes either {@code key=value} pairs separated by spaces or one JSON object:
 *
 * <pre>
 * TUNESTREAM epoch=3 val_loss=0.412 val_accuracy=0.91
 * TUNESTREAM {"epoch": 3, "val_loss": 0.412, "val_accuracy": 0.91}
 * </pre>
 *
 * {@code epoch} is optional (epochs are then counted); every other value must be a number (NaN allowed).
 */
public final class MetricLineParser {

    public static final String PREFIX = "TUNESTREAM ";

    /** One epoch's metrics as the program reported them. */
    public record MetricLine(OptionalInt epoch, Map<String, Double> metrics) {
    }

    private MetricLineParser() {
    }

    public static boolean isMetricLine(String line) {
        return line.startsWith(PREFIX);
    }

    /** Parses a prefixed line; an error message naming the problem when it is not valid. */
    public static ParseResult parse(String line) {
        String body = line.substring(PREFIX.length()).trim();
        if (body.isEmpty()) {
            return ParseResult.error("empty metric line");
        }
        return body.startsWith("{") ? parseJson(body) : parsePairs(body);
    }

    /** Either a metric line or why the line was refused. */
    public record ParseResult(Optional<MetricLine> line, String error) {
        static ParseResult ok(MetricLine line) {
            return new ParseResult(Optional.of(line), null);
        }

        static ParseResult error(String error) {
            return new ParseResult(Optional.empty(), error);
        }
    }

    private static ParseResult parsePairs(String body) {
        var metrics = new LinkedHashMap<String, Double>();
        OptionalInt epoch = OptionalInt.empty();
        for (String pair : body.split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                return ParseResult.error("expected key=value, but got \"" + abbreviate(pair) + "\"");
            }
            String key = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (key.equals("epoch")) {
                try {
                    epoch = OptionalInt.of(Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    return ParseResult.error("epoch must be an integer, but was \"" + abbreviate(value) + "\"");
                }
                continue;
            }
            try {
                metrics.put(key, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                return ParseResult.error(key + " must be a number, but was \"" + abbreviate(value) + "\"");
            }
        }
        return finish(epoch, metrics);
    }

    private static ParseResult parseJson(String body) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(body);
        } catch (Exception e) {
            return ParseResult.error("malformed JSON metric line");
        }
        if (!node.isObject()) {
            return ParseResult.error("a JSON metric line must be an object");
        }
        var metrics = new LinkedHashMap<String, Double>();
        OptionalInt epoch = OptionalInt.empty();
        for (var it = node.fields(); it.hasNext(); ) {
            var field = it.next();
            var value = field.getValue();
            if (field.getKey().equals("epoch")) {
                if (!value.canConvertToInt() || !value.isIntegralNumber()) {
                    return ParseResult.error("epoch must be an integer, but was " + abbreviate(value.toString()));
                }
                epoch = OptionalInt.of(value.intValue());
            } else if (value.isNumber()) {
                metrics.put(field.getKey(), value.doubleValue());
            } else if (value.isTextual() && value.textValue().equals("NaN")) {
                metrics.put(field.getKey(), Double.NaN);
            } else {
                return ParseResult.error(field.getKey() + " must be a number, but was " + abbreviate(value.toString()));
            }
        }
        return finish(epoch, metrics);
    }

    private static ParseResult finish(OptionalInt epoch, Map<String, Double> metrics) {
        if (metrics.isEmpty()) {
            return ParseResult.error("a metric line must hold at least one metric besides epoch");
        }
        for (var entry : metrics.entrySet()) {
            if (Double.isInfinite(entry.getValue())) {
                return ParseResult.error(entry.getKey() + " must be finite or NaN, but was " + entry.getValue());
            }
        }
        if (epoch.isPresent() && epoch.getAsInt() < 1) {
            return ParseResult.error("epoch must be >= 1, but was " + epoch.getAsInt());
        }
        return ParseResult.ok(new MetricLine(epoch, metrics));
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
