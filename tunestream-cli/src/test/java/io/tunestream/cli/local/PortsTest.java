package io.tunestream.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aListeningPortIsBusyOnAnyInterface() throws IOException {
        try (var wildcard = new ServerSocket(0)) {
            assertThat(Ports.isFree(wildcard.getLocalPort())).isFalse();
        }
        try (var loopback = new ServerSocket()) {
            loopback.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            assertThat(Ports.isFree(loopback.getLocalPort())).isFalse();
        }
    }

    @Test
    void aClosedPortIsFreeAgain() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(Ports.isFree(port)).isTrue();
    }

    @Test
    void requireFreeNamesTheFirstBusyPortAndItsOwner() throws IOException {
        int base = Ports.findFreeBlock(32000, 3);
        try (var busy = new ServerSocket(base + 2)) {
            var owners = new LinkedHashMap<Integer, String>();
            owners.put(base, "suggester-service");
            owners.put(base + 1, "results-service");
            owners.put(base + 2, "trainer-0");
            assertThatThrownBy(() -> Ports.requireFree(owners))
                    .isInstanceOfSatisfying(PortInUseException.class, e -> assertThat(e.port()).isEqualTo(base + 2))
                    .hasMessageContaining("port " + (base + 2) + " (for trainer-0) is already in use");
            owners.remove(base + 2);
            Ports.requireFree(owners);
        }
    }

    @Test
    void findFreeBlockSkipsBusyPorts() throws IOException {
        int base = Ports.findFreeBlock(33000, 4);
        try (var busy = new ServerSocket(base + 1)) {
            int found = Ports.findFreeBlock(base, 4);
            assertThat(found).isGreaterThan(base + 1);
            for (int i = 0; i < 4; i++) {
                assertThat(Ports.isFree(found + i)).isTrue();
            }
        }
    }

    @Test
    void refusesImpossiblePorts() {
        assertThatThrownBy(() -> Ports.isFree(70000)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("`port`");
        assertThatThrownBy(() -> Ports.findFreeBlock(2000, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
