package io.tunestream.trainer.backend.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.tunestream.trainer.backend.TrainingSession;
import io.tunestream.trainer.backend.TrialFailedException;

/**
 * One running training program. A reader thread turns its stdout into events (metric lines, invalid
 * metric lines, the exit); {@link #trainEpoch} waits for the next one within the trial's timeout.
 * Output is bounded: lines longer than {@value #MAX_LINE_CHARS} characters are cut, at most
 * {@value #MAX_LOGGED_LINES} ordinary lines are logged per trial, and only the last
 * {@value #STDERR_TAIL_LINES} lines of stderr are kept to explain a failure.
 */
final class CommandSession implements TrainingSession {

    private static final Logger LOG = Logger.getLogger(CommandSession.class);
    static final int MAX_LINE_CHARS = 64 * 1024;
    static final int MAX_LOGGED_LINES = 200;
    static final int STDERR_TAIL_LINES = 20;

    private sealed interface Event permits Metrics, Invalid, Exited {
    }

    private record Metrics(MetricLineParser.MetricLine line) implements Event {
    }

    private record Invalid(String line, String error) implements Event {
    }

    private record Exited(int code) implements Event {
    }

    private final ProgramSpec program;
    private final Process process;
    private final Duration stopGrace;
    private final Runnable onClose;
    private final long deadlineNanos;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private boolean closed;

    CommandSession(ProgramSpec program, Process process, Duration stopGrace, Runnable onClose) {
        this.program = program;
        this.process = process;
        this.stopGrace = stopGrace;
        this.onClose = onClose;
        this.deadlineNanos = System.nanoTime() + program.timeout().toNanos();
        this.stdoutReader = daemon(this::readStdout, "cmd-" + program.name() + "-stdout");
        this.stderrReader = daemon(this::readStderr, "cmd-" + program.name() + "-stderr");
    }

    @Override
    public Optional<Map<String, Double>> trainEpoch(int epoch) throws TrialFailedException, InterruptedException {
        long remaining = deadlineNanos - System.nanoTime();
        Event event = remaining > 0 ? events.poll(remaining, TimeUnit.NANOSECONDS) : null;
        if (event == null) {
            terminate();
            throw new TrialFailedException("program " + program.name() + " exceeded its timeout of " + program.timeout() + " and was killed");
        }
        if (event instanceof Metrics metrics) {
            var line = metrics.line();
            if (line.epoch().isPresent() && line.epoch().getAsInt() != epoch) {
                terminate();
                throw new TrialFailedException("program " + program.name() + " reported epoch " + line.epoch().getAsInt()
                        + " where epoch " + epoch + " was expected");
            }
            return Optional.of(line.metrics());
        }
        if (event instanceof Invalid invalid) {
            terminate();
            throw new TrialFailedException("program " + program.name() + " printed an invalid metric line (" + invalid.error() + "): "
                    + MetricLineParser.abbreviate(invalid.line()));
        }
        int code = ((Exited) event).code();
        if (code != 0) {
            throw new TrialFailedException("program " + program.name() + " exited with code " + code + stderrSummary());
        }
        if (epoch == 1) {
            throw new TrialFailedException("program " + program.name() + " exited with code 0 without printing a metric line"
                    + " (metric lines start with '" + MetricLineParser.PREFIX.trim() + " ')");
        }
        return Optional.empty();
    }

    private String stderrSummary() {
        awaitReader(stderrReader);
        synchronized (stderrTail) {
            return stderrTail.isEmpty() ? " and printed nothing on stderr" : "; last lines of stderr:\n" + String.join("\n", stderrTail);
        }
    }

    private void readStdout() {
        int logged = 0;
        try (var reader = boundedReader(process.getInputStream())) {
            String line;
            while ((line = readLine(reader)) != null) {
                if (MetricLineParser.isMetricLine(line)) {
                    var parsed = MetricLineParser.parse(line);
                    events.add(parsed.line().isPresent() ? new Metrics(parsed.line().get()) : new Invalid(line, parsed.error()));
                } else if (logged < MAX_LOGGED_LINES) {
                    LOG.debugf("[%s] %s", program.name(), line);
                    if (++logged == MAX_LOGGED_LINES) {
                        LOG.debugf("[%s] further output is not logged", program.name());
                    }
                }
            }
        } catch (IOException e) {
            LOG.debugf("[%s] stdout closed: %s", program.name(), e.getMessage());
        }
        try {
            events.add(new Exited(process.waitFor()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readStderr() {
        try (var reader = boundedReader(process.getErrorStream())) {
            String line;
            while ((line = readLine(reader)) != null) {
                synchronized (stderrTail) {
                    stderrTail.addLast(MetricLineParser.abbreviate(line.length() > 500 ? line.substring(0, 500) : line));
                    if (stderrTail.size() > STDERR_TAIL_LINES) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            LOG.debugf("[%s] stderr closed: %s", program.name(), e.getMessage());
        }
    }

    private static Thread daemon(Runnable body, String name) {
        var thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static BufferedReader boundedReader(InputStream stream) {
        return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 8192);
    }

    /** A line of at most MAX_LINE_CHARS characters; the rest of a longer line is skipped. */
    private static String readLine(BufferedReader reader) throws IOException {
        var line = new StringBuilder();
        int c;
        while ((c = reader.read()) != -1) {
            if (c == '\n') {
                return line.toString();
            }
            if (line.length() < MAX_LINE_CHARS) {
                line.append((char) c);
            }
        }
        return line.isEmpty() ? null : line.toString();
    }

    /** SIGTERM to the program and everything it started, SIGKILL after the grace period. */
    private void terminate() {
        if (!process.isAlive()) {
            return;
        }
        var descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("program %s did not stop within %s after SIGTERM: killing it", program.name(), stopGrace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void awaitReader(Thread reader) {
        try {
            reader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        terminate();
        awaitReader(stdoutReader);
        awaitReader(stderrReader);
        onClose.run();
    }
}
