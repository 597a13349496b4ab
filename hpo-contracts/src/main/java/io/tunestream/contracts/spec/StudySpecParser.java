package io.tunestream.contracts.spec;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
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
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new InvalidStudySpecException(List.of(new FieldError("", "the study spec is not valid " + format + where + ": " + e.getOriginalMessage())));
        }
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
