package io.tunestream.cli.local;

/** A port the local cluster needs is taken; the message names the port and its intended owner. */
public final class PortInUseException extends LocalClusterException {

    private final int port;

    public PortInUseException(int port, String owner) {
        super("port " + port + " (for " + owner + ") is already in use: stop whatever listens there or choose another --port-base");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
