package io.tunestream.bench.run;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The Python end of the Optuna bridges: {@code python -u script}, one message per line each way over
 * its standard input and output, its standard error on this JVM's. {@link #close()} says {@code QUIT}
 * and waits up to 10 s before it destroys the process.
 */
final class OptunaProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader in;
    private final BufferedWriter out;

    private OptunaProcess(Process process) {
        this.process = process;
        this.in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.out = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    }

    /** @throws UncheckedIOException when the interpreter cannot be started */
    static OptunaProcess start(Path python, Path script) {
        Objects.requireNonNull(python, "`python` must not be null");
        Objects.requireNonNull(script, "`script` must not be null");
        try {
            return new OptunaProcess(new ProcessBuilder(python.toString(), "-u", script.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + python + " " + script, e);
        }
    }

    void send(String line) throws IOException {
        out.write(line);
        out.newLine();
        out.flush();
    }

    /** The next line from the script; null when it has ended. */
    String receive() throws IOException {
        return in.readLine();
    }

    @Override
    public void close() {
        try {
            send("QUIT");
            out.close();
        } catch (IOException ignored) {
            // The process is gone already; nothing left to tell it.
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
    }
}
