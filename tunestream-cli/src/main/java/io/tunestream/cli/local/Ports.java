package io.tunestream.cli.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/** Free-port checks, so that a busy port is reported by name before any process starts. */
public final class Ports {

    public static final int MIN_PORT = 1024;
    public static final int MAX_PORT = 65535;

    private Ports() {
    }

    /** True when a server could listen on {@code port} on every interface right now. */
    public static boolean isFree(int port) {
        if (port < 1 || port > MAX_PORT) {
            throw new IllegalArgumentException("`port` must be between 1 and " + MAX_PORT + ", but was " + port);
        }
        try (var socket = new ServerSocket()) {
            // Like the services' own listeners (Vert.x): SO_REUSEADDR, so that a port in TIME_WAIT
            // counts as free, but a listening socket does not.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Throws {@link PortInUseException} for the first busy port, in the map's order.
     *
     * @param owners each port and the process that will listen on it
     */
    public static void requireFree(Map<Integer, String> owners) {
        owners.forEach((port, owner) -> {
            if (!isFree(port)) {
                throw new PortInUseException(port, owner);
            }
        });
    }

    /**
     * The first port {@code p >= from} such that {@code p .. p+count-1} are all free now (tests use it
     * to pick a port base that no other run holds; a race with another process remains possible).
     */
    public static int findFreeBlock(int from, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("`count` must be >= 1, but was " + count);
        }
        outer:
        for (int base = Math.max(from, MIN_PORT); base + count - 1 <= MAX_PORT; base++) {
            for (int i = 0; i < count; i++) {
                if (!isFree(base + i)) {
                    base += i;
                    continue outer;
                }
            }
            return base;
        }
        throw new LocalClusterException("no " + count + " consecutive free ports from " + from);
    }
}
