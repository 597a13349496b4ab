package io.tunestream.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @TempDir
    Path dir;

    private ManagedProcess start(String script) {
        return ManagedProcess.start("probe", List.of("bash", "-c", script), Map.of("GREETING", "hello"), dir, dir.resolve("probe.log"));
    }

    private static void awaitLog(ManagedProcess process, String line) throws InterruptedException {
        for (int i = 0; i < 100 && !process.tail(50).contains(line); i++) {
            Thread.sleep(50);
        }
        assertThat(process.tail(50)).contains(line);
    }

    @Test
    void logsStdoutAndStderrWithTheGivenEnvironmentAndStopsOnSigterm() throws InterruptedException {
        var process = start("echo \"$GREETING out\"; echo err >&2; echo ready; exec sleep 60");
        awaitLog(process, "ready");
        assertThat(process.tail(10)).containsExactly("hello out", "err", "ready");
        assertThat(process.isAlive()).isTrue();

        assertThat(process.stop(Duration.ofSeconds(10))).isTrue();
        assertThat(process.isAlive()).isFalse();
        assertThat(process.exitCode()).hasValue(143); // 128 + SIGTERM
    }

    @Test
    void aProcessThatIgnoresSigtermIsKilledWithWhatItStarted() throws InterruptedException {
        var process = start("trap '' TERM; sleep 120 & echo $! > child.pid; echo ready; while true; do sleep 0.1; done");
        awaitLog(process, "ready");
        long childPid = Long.parseLong(readQuietly(dir.resolve("child.pid")).trim());
        assertThat(ProcessHandle.of(childPid)).isPresent();

        assertThat(process.stop(Duration.ofMillis(300))).isFalse();
        assertThat(process.isAlive()).isFalse();
        assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    @Test
    void stopAllSharesOneGracePeriodAndKillsOnlyTheStubbornOnes() throws InterruptedException {
        var polite = ManagedProcess.start("polite", List.of("bash", "-c", "echo ready; exec sleep 60"), Map.of(), dir, dir.resolve("polite.log"));
        var stubborn = ManagedProcess.start("stubborn", List.of("bash", "-c", "trap '' TERM; echo ready; while true; do sleep 0.1; done"),
                Map.of(), dir, dir.resolve("stubborn.log"));
        awaitLog(polite, "ready");
        awaitLog(stubborn, "ready");

        long begin = System.nanoTime();
        var killed = ManagedProcess.stopAll(List.of(polite, stubborn), Duration.ofMillis(500));

        assertThat(killed).containsExactly(stubborn);
        assertThat(polite.isAlive()).isFalse();
        assertThat(stubborn.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void killEndsAtOnce() throws InterruptedException {
        var process = start("trap '' TERM; echo ready; exec sleep 120");
        awaitLog(process, "ready");
        process.kill();
        assertThat(process.exitCode()).hasValue(137); // 128 + SIGKILL
    }

    @Test
    void describesAFailureWithTheLastLogLines() throws InterruptedException {
        var process = start("for i in $(seq 1 40); do echo line $i; done; exit 7");
        for (int i = 0; i < 100 && process.isAlive(); i++) {
            Thread.sleep(50);
        }
        var description = process.describeFailure("exited before it was ready", 3);
        assertThat(description).contains("probe (pid " + process.pid() + ") exited before it was ready (exit code 7)",
                "last 3 lines", "line 38", "line 40").doesNotContain("line 37");
    }

    @Test
    void tailReadsTheEndOfLongFiles() throws IOException {
        var file = dir.resolve("long.log");
        Files.write(file, IntStream.rangeClosed(1, 20_000).mapToObj(i -> "line " + i).toList());
        assertThat(ManagedProcess.tail(file, 2)).containsExactly("line 19999", "line 20000");
        assertThat(ManagedProcess.tail(dir.resolve("absent.log"), 5)).isEmpty();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
