package io.tunestream.cli.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One child process of the local cluster with its own log file (stdout and stderr together). Stopping
 * is SIGTERM, a grace period, then SIGKILL of the process and of anything it started; every stop waits
 * for the exit, so that no port or data directory is still held when it returns.
 */
public final class ManagedProcess {

    private static final int TAIL_BYTES = 64 * 1024;

    private final String name;
    private final Process process;
    private final Path log;
    private final long startedNanos;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.startedNanos = System.nanoTime();
    }

    /**
     * Starts {@code command} in {@code directory}; the log file is truncated first.
     *
     * @param environment added to (and overriding) this process's environment
     */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path directory, Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.deleteIfExists(log);
            var builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            return new ManagedProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new LocalClusterException("cannot start " + name + " (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process has ended. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** Time since the process was started. */
    public Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * SIGTERM, then SIGKILL after {@code grace}; returns once the process (and what it started) is gone.
     *
     * @return true when it ended within the grace period, false when it had to be killed
     */
    public boolean stop(Duration grace) {
        return !stopAll(List.of(this), grace).contains(this);
    }

    /**
     * Stops several processes at once: SIGTERM to each, one shared grace period, then SIGKILL to those
     * still running and to anything they started; returns once all are gone.
     *
     * @return the processes that had to be killed
     */
    public static List<ManagedProcess> stopAll(List<ManagedProcess> processes, Duration grace) {
        var descendants = new ArrayList<ProcessHandle>();
        var stopping = new ArrayList<ManagedProcess>();
        for (var process : processes) {
            if (process.process.isAlive()) {
                descendants.addAll(process.process.descendants().toList());
                process.process.destroy();
                stopping.add(process);
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        var killed = new ArrayList<ManagedProcess>();
        for (var process : stopping) {
            if (!waitFor(process.process.toHandle(), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                process.process.destroyForcibly();
                waitFor(process.process.toHandle(), Duration.ofSeconds(30));
                killed.add(process);
            }
        }
        killAll(descendants);
        return killed;
    }

    /** SIGKILL, as a crash would (fault tests); returns once the process is gone. */
    public void kill() {
        var descendants = process.descendants().toList();
        process.destroyForcibly();
        waitFor(process.toHandle(), Duration.ofSeconds(30));
        killAll(descendants);
    }

    /** The last {@code lines} lines of the log (fewer when the log is shorter). */
    public List<String> tail(int lines) {
        return tail(log, lines);
    }

    /** The last {@code lines} lines of a text file; empty when it cannot be read. */
    public static List<String> tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (var raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - TAIL_BYTES);
            var bytes = new byte[(int) (length - from)];
            raf.seek(from);
            raf.readFully(bytes);
            var all = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R")));
            if (from > 0 && !all.isEmpty()) {
                all.remove(0); // probably cut in the middle
            }
            while (!all.isEmpty() && all.get(all.size() - 1).isBlank()) {
                all.remove(all.size() - 1);
            }
            return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A description for error messages: name, pid, exit code, log file and its last lines. */
    public String describeFailure(String what, int lines) {
        var sb = new StringBuilder();
        sb.append(name).append(" (pid ").append(pid()).append(") ").append(what);
        exitCode().ifPresent(code -> sb.append(" (exit code ").append(code).append(')'));
        sb.append("; log: ").append(log);
        var tail = tail(lines);
        if (!tail.isEmpty()) {
            sb.append(System.lineSeparator()).append("---- last ").append(tail.size()).append(" lines of ").append(log.getFileName()).append(" ----");
            tail.forEach(line -> sb.append(System.lineSeparator()).append("  ").append(line));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return name + "(pid " + pid() + (isAlive() ? ", running)" : ", exited)");
    }

    private static void killAll(List<ProcessHandle> handles) {
        for (var handle : handles) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
                waitFor(handle, Duration.ofSeconds(10));
            }
        }
    }

    /** Waits even when interrupted (a stop must not leave a process behind), then restores the flag. */
    private static boolean waitFor(ProcessHandle handle, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return !handle.isAlive();
                }
                try {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                    return true;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (Exception e) {
                    return !handle.isAlive();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static java.io.File nullDevice() {
        return Optional.of(new java.io.File("/dev/null")).filter(java.io.File::exists).orElse(new java.io.File("NUL"));
    }
}
