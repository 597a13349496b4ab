package io.tunestream.contracts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Argument checks for the compact constructors of the events; messages name the field and the rule. */
public final class Checks {

    private Checks() {
    }

    public static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > 200) {
            throw new IllegalArgumentException(field + " must be at most 200 characters, but was " + value.length());
        }
        return value;
    }

    public static <T> T requireNonNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    public static long requireAtLeast(long value, long min, String field) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", but was " + value);
        }
        return value;
    }

    public static void requireSchemaVersion(int version, String event) {
        if (version != SchemaVersion.CURRENT) {
            throw new IllegalArgumentException("schemaVersion of " + event + " must be " + SchemaVersion.CURRENT + ", but was " + version);
        }
    }

    /** An unmodifiable, order-preserving copy; null becomes empty. */
    public static <K, V> Map<K, V> copy(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
