package io.tunestream.contracts.spec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.tunestream.contracts.Json;

/**
 * Turns a JSON or YAML document into a {@link StudySpec}. Unknown fields and values of the wrong type
 * are errors with the field's path ("budget.maxTrials must be an integer, but was \"ten\""); the
 * semantic rules are {@link StudySpecValidator}'s.
 */
public final class StudySpecParser {

    public enum Format { JSON, YAML }

    /**
     * YAML's not-a-number and infinity literals (YAML 1.1 and 1.2 core schema). Jackson's YAML parser
     * recognises them as floats but then fails to decode them, with a parse error that carries no field
     * path; a spec needs finite numbers everywhere, so they are reported as such, at their field.
     */
    private static final Pattern YAML_NON_FINITE = Pattern.compile("[-+]?\\.(?:inf|Inf|INF|nan|NaN|NAN)");

    private StudySpecParser() {
    }

    /** Parses and validates; throws {@link InvalidStudySpecException} listing every broken rule. */
    public static StudySpec parseAndValidate(String document, Format format) {
        return StudySpecValidator.requireValid(parse(document, format));
    }

    public static StudySpec parse(String document, Format format) {
        if (document == null || document.isBlank()) {
            throw new InvalidStudySpecException(List.of(new FieldError("", "the study spec is empty")));
        }
        ObjectMapper mapper = format == Format.YAML ? Json.strictYaml() : Json.strictJson();
        try {
            var spec = mapper.readValue(document, StudySpec.class);
            if (spec == null) {
                throw new InvalidStudySpecException(List.of(new FieldError("", "the study spec is empty")));
            }
            return spec;
        } catch (UnrecognizedPropertyException e) {
            String path = path(e);
            throw new InvalidStudySpecException(List.of(new FieldError(path, path + " is not a known field")));
        } catch (InvalidFormatException e) {
            String path = path(e);
            throw new InvalidStudySpecException(List.of(new FieldError(path,
                    path + " must be " + expected(e.getTargetType()) + ", but was " + quote(e.getValue()))));
        } catch (MismatchedInputException e) {
            String path = path(e);
            throw new InvalidStudySpecException(List.of(new FieldError(path,
                    path + " must be " + expected(e.getTargetType()) + ", but was " + found(e.getOriginalMessage()))));
        } catch (JsonProcessingException e) {
            var nonFinite = format == Format.YAML ? nonFinite(document, mapper) : Optional.<FieldError>empty();
            if (nonFinite.isPresent()) {
                throw new InvalidStudySpecException(List.of(nonFinite.get()));
            }
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new InvalidStudySpecException(List.of(new FieldError("", "the study spec is not valid " + format + where + ": " + e.getOriginalMessage())));
        }
    }

    /**
     * The first YAML {@code .nan}/{@code .inf}/{@code -.inf} of a document that failed to map. Jackson's
     * YAML parser reads them as numbers that it then cannot decode, and databind's error carries at best
     * the path of the enclosing bean ({@code trainer.settings} for a value inside that map) and no parser,
     * so the document is read again as a stream of tokens, whose context is the value's exact path.
     */
    private static Optional<FieldError> nonFinite(String document, ObjectMapper mapper) {
        try (JsonParser parser = mapper.getFactory().createParser(document)) {
            for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isNumeric() && YAML_NON_FINITE.matcher(parser.getText().trim()).matches()) {
                    String path = path(parser.getParsingContext());
                    return Optional.of(new FieldError(path, path + " must be a finite number, but was " + parser.getText().trim()));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // The document is broken elsewhere before any such number: the original error says where.
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The path of the value a parser stands on, in the same notation as {@link #path(JsonMappingException)}. */
    private static String path(JsonStreamContext context) {
        var steps = new ArrayList<String>();
        for (var c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                steps.add("." + c.getCurrentName());
            } else if (c.inArray()) {
                steps.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        Collections.reverse(steps);
        var path = String.join("", steps);
        return path.isEmpty() ? "(root)" : path.startsWith(".") ? path.substring(1) : path;
    }

    private static String path(JsonMappingException e) {
        var sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(root)" : sb.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a " + type.getSimpleName();
    }

    /** Jackson names the token it found only in its message. */
    private static String found(String message) {
        if (message.contains("START_ARRAY")) {
            return "a list";
        }
        if (message.contains("START_OBJECT")) {
            return "an object";
        }
        if (message.contains("VALUE_STRING")) {
            return "a string";
        }
        if (message.contains("VALUE_NUMBER")) {
            return "a number";
        }
        if (message.contains("VALUE_TRUE") || message.contains("VALUE_FALSE")) {
            return "a boolean";
        }
        return "a value of another type";
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
