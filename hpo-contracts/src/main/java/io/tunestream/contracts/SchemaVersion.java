package io.tunestream.contracts;

/**
 * The version of every event's JSON schema. A consumer refuses (dead-letters) an event of another
 * version instead of guessing at its meaning; additive fields do not change the version.
 */
public final class SchemaVersion {

    public static final int CURRENT = 1;

    private SchemaVersion() {
    }
}
