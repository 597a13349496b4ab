package io.tunestream.contracts;

/** A record that cannot be turned into a valid event: it belongs in the dead-letter topic. */
public final class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidEventException(String message) {
        super(message);
    }
}
