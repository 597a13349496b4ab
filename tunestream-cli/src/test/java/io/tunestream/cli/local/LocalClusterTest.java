package io.tunestream.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link LocalCluster} checks before it starts anything (the real start is EndToEndIT's). */
class LocalClusterTest {

    @TempDir
    Path repo;

    @Test
    void aBusyPortFailsTheStartBeforeAnyProcessExists() throws IOException {
        int base = Ports.findFreeBlock(34000, 3);
        try (var busy = new ServerSocket(base)) {
            var messages = new ArrayList<String>();
            var cluster = LocalCluster.builder(repo).portBase(base).trainers(1).listener(messages::add).build();
            assertThatThrownBy(cluster::start).isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("port " + base + " (for suggester-service)");
            assertThat(cluster.processes()).isEmpty();
            assertThat(messages).isEmpty();
        }
    }

    @Test
    void missingJarsFailTheStart() {
        int base = Ports.findFreeBlock(34100, 3);
        var cluster = LocalCluster.builder(repo).portBase(base).trainers(1).build();
        assertThatThrownBy(cluster::start).isInstanceOf(LocalClusterException.class)
                .hasMessageContaining("trainer-service/target/quarkus-app/quarkus-run.jar");
        assertThat(cluster.processes()).isEmpty();
        cluster.close(); // idempotent, nothing to stop
    }

    @Test
    void urlsFollowThePortBase() {
        var cluster = LocalCluster.builder(repo).portBase(20000).trainers(3).build();
        assertThat(cluster.suggesterUrl()).hasToString("http://127.0.0.1:20000");
        assertThat(cluster.resultsUrl()).hasToString("http://127.0.0.1:20001");
        assertThat(cluster.trainerUrl(2)).hasToString("http://127.0.0.1:20004");
        assertThat(cluster.workDir()).isEqualTo(repo.toAbsolutePath().normalize().resolve("target/tunestream-local"));
        assertThat(cluster.logFile("trainer-1")).isEqualTo(cluster.workDir().resolve("trainer-1.log"));
        assertThatThrownBy(() -> cluster.trainerUrl(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("`index` must be between 0 and 2, but was 3");
    }

    @Test
    void theBuilderRefusesImpossibleSettings() {
        var builder = LocalCluster.builder(repo);
        assertThatThrownBy(() -> builder.trainers(0)).hasMessageContaining("`trainers` must be between 1 and 64, but was 0");
        assertThatThrownBy(() -> builder.portBase(80)).hasMessageContaining("`portBase`");
        assertThatThrownBy(() -> builder.serviceHeap("lots")).hasMessageContaining("`serviceHeap` must look like 384m");
        assertThatThrownBy(() -> builder.stopGrace(Duration.ZERO)).hasMessageContaining("`stopGrace`");
        assertThatThrownBy(() -> builder.brokers(0)).hasMessageContaining("`brokers` must be between 1 and 9, but was 0");
        assertThatThrownBy(() -> builder.apiToken("short-token"))
                .hasMessage("`apiToken` must have at least 16 characters, but has 11");
    }

    @Test
    void eachClusterDrawsItsOwnApiTokenUnlessOneIsGiven() {
        var first = LocalCluster.builder(repo).build();
        var second = LocalCluster.builder(repo).build();
        assertThat(first.apiToken()).matches("[0-9a-f]{64}").isNotEqualTo(second.apiToken());
        assertThat(LocalCluster.builder(repo).apiToken(" given-token-0123456789 ").build().apiToken()).isEqualTo("given-token-0123456789");
        assertThat(first.apiTokenFile()).isEqualTo(first.workDir().resolve("api-token"));
    }
}
