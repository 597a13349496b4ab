package io.tunestream.cli.client;

/** A service did not answer, or answered with an error that is not the caller's fault (5xx, garbage). */
public final class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message) {
        super(message);
    }

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
