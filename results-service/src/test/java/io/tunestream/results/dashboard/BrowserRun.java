package io.tunestream.results.dashboard;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code src/test/browser/dashboard-test.mjs} with node and headless Chromium, and speaks its
 * stdout protocol: on {@code READY} the test publishes more trials and answers {@code PUBLISHED}.
 *
 * <p>Outside CI a missing node, Chromium or {@code node_modules} skips the test and says what to
 * install; under CI (environment variable {@code CI} set, or {@code -Dtunestream.ci=true}) it fails.
 */
final class BrowserRun {

    static final Path BROWSER_DIR = Path.of("src/test/browser").toAbsolutePath();
    static final Path SCREENSHOTS = Path.of("target/dashboard-screenshots").toAbsolutePath();
    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");

    /** What the script printed: its RESULT line (JSON) and every other line. */
    record Outcome(int exitCode, String result, List<String> output) {
    }

    private BrowserRun() {
    }

    static boolean underCi() {
        String ci = System.getenv("CI");
        return (ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci)) || Boolean.getBoolean("tunestream.ci");
    }

    /** Skips (outside CI) or fails (under CI) unless node, Chromium and playwright-core are there. */
    static void requirePrerequisites() {
        var missing = new ArrayList<String>();
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            missing.add("Chromium at " + CHROMIUM + " (apt-get install chromium)");
        }
        if (!onPath("node")) {
            missing.add("node on PATH (apt-get install nodejs npm)");
        }
        if (!Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core"))) {
            missing.add("playwright-core (npm ci --prefix " + BROWSER_DIR + ")");
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "the dashboard browser test needs " + String.join(", ", missing);
        if (underCi()) {
            fail(message + "; CI must install them (see .ci/run)");
        }
        Assumptions.abort(message + " (skipped outside CI)");
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the script in {@code mode} and calls {@code publish} when it is ready for live updates.
     */
    static Outcome run(String mode, String baseUrl, String studyId, int newTrials, Runnable publish)
            throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        var process = new ProcessBuilder("node", "dashboard-test.mjs", mode, baseUrl, studyId, SCREENSHOTS.toString(),
                Integer.toString(newTrials))
                .directory(BROWSER_DIR.toFile())
                .redirectErrorStream(true)
                .start();
        var output = new ArrayList<String>();
        String result = null;
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                System.out.println("[browser] " + line);
                if (line.startsWith("READY")) {
                    publish.run();
                    stdin.write("PUBLISHED\n");
                    stdin.flush();
                } else if (line.startsWith("RESULT ")) {
                    result = line.substring("RESULT ".length());
                }
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the browser script did not end: " + output);
        }
        return new Outcome(process.exitValue(), result, output);
    }
}
