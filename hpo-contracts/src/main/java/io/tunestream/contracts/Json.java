package io.tunestream.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one JSON mapping of the wire model. Events are read leniently about unknown fields (a newer
 * producer may add some) but strictly about values: the records validate themselves, and any failure
 * becomes an {@link InvalidEventException} that names the event type and the rule.
 */
public final class Json {

    private static final ObjectMapper EVENTS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new JavaTimeModule())
            .build();

    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final ObjectMapper STRICT_YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Json() {
    }

    /** The mapper for events (lenient on unknown fields). */
    public static ObjectMapper mapper() {
        return EVENTS;
    }

    /** Mappers for user documents (study specs): an unknown field is a typo, never ignored. */
    public static ObjectMapper strictJson() {
        return STRICT_JSON;
    }

    public static ObjectMapper strictYaml() {
        return STRICT_YAML;
    }

    public static String write(Object value) {
        try {
            return EVENTS.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException(type.getSimpleName() + ": the record has no value");
        }
        try {
            return EVENTS.readValue(json, type);
        } catch (ValueInstantiationException e) {
            var cause = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
            throw new InvalidEventException(type.getSimpleName() + ": " + cause, e);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(type.getSimpleName() + ": malformed JSON: " + e.getOriginalMessage(), e);
        }
    }
}
