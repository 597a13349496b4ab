package io.tunestream.cli.local;

/** A process of the local cluster could not be started, became unhealthy, or a port was taken. */
public class LocalClusterException extends RuntimeException {

    public LocalClusterException(String message) {
        super(message);
    }

    public LocalClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
