package io.tunestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.tunestream.cli.local.LocalCluster;
import io.tunestream.cli.local.ModuleJars;
import io.tunestream.cli.local.Ports;

/**
 * {@code tunestream study ...} against the real services (broker, suggester, results, two trainers; each
 * its own JVM from the reactor's jars) with the demo's spec: create from a spec file, watch to the end, best, export,
 * list, and stop of an ended study. When Chromium and playwright-core are there, it also takes the
 * dashboard screenshot of the finished study (target/dashboard-screenshots/real-study.png; the README's
 * docs/dashboard.png is one of these).
 */
class StudyCommandsIT {

    static final Path REPO = EndToEndIT.REPO;
    /** TPE with ASHA over the synthetic backend, 24 trials (the README's CLI session). */
    static final Path SPEC = REPO.resolve("examples/synthetic-study.yaml");
    static final int TRIALS = 24;

    static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        assertThat(ModuleJars.in(REPO).missing())
                .as("jars this test runs, under " + REPO + " (build them first: ./mvnw -B package -DskipTests)")
                .isEmpty();
        cluster = LocalCluster.builder(REPO)
                .workDir(REPO.resolve("tunestream-cli/target/study-commands"))
                .slotsPerTrainer(2)
                .trainers(2)
                .portBase(Ports.findFreeBlock(19380, 4))
                .listener(message -> System.out.println("[study-it] " + message))
                .start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var env = Map.of("TUNESTREAM_SUGGESTER_URL", cluster.suggesterUrl().toString(),
                "TUNESTREAM_RESULTS_URL", cluster.resultsUrl().toString(),
                "TUNESTREAM_API_TOKEN", cluster.apiToken());
        int code = TunestreamCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
        System.out.println("[study-it] tunestream " + String.join(" ", args) + " -> " + code + "\n" + out + err);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void createWatchBestExportListAndStop() throws Exception {
        var dryRun = cli("study", "create", "--dry-run", "-f", SPEC.toString());
        assertThat(dryRun.code()).isZero();
        assertThat(dryRun.out()).contains("is a valid study spec");

        var created = cli("study", "create", "-q", "-f", SPEC.toString());
        assertThat(created.code()).as(created.err()).isZero();
        String studyId = created.out().trim();
        assertThat(studyId).isNotBlank().doesNotContain(" ");

        var watched = cli("study", "watch", studyId, "--interval", "500ms", "--timeout", "4m");
        assertThat(watched.code()).as(watched.err()).isEqualTo(ExitCodes.OK);
        assertThat(watched.out()).contains("100%").contains("study " + studyId + " COMPLETED").contains("best: trial ");

        var bestText = cli("study", "best", studyId);
        assertThat(bestText.code()).isZero();
        assertThat(bestText.out()).contains("best trial of " + studyId).contains("val_loss = ").contains("learning_rate = ");

        var best = cli("study", "best", studyId, "--json");
        assertThat(best.code()).isZero();
        assertThat(best.out()).contains("\"state\" : \"COMPLETED\"").contains("learning_rate");

        var csv = cli("study", "export", studyId, "--format", "csv");
        assertThat(csv.code()).isZero();
        var lines = csv.out().split("\r\n");
        assertThat(lines[0]).startsWith("trialNumber,trialId,state,value").contains("param.learning_rate");
        assertThat(lines).hasSize(1 + TRIALS);

        var list = cli("study", "list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains(studyId).contains("COMPLETED").contains(TRIALS + "/" + TRIALS);

        var stop = cli("study", "stop", studyId);
        assertThat(stop.code()).isEqualTo(ExitCodes.STUDY_FAILED);
        assertThat(stop.err()).contains("has already ended (COMPLETED)");

        screenshot(studyId);
    }

    /** The README's screenshot, from this real study, when a browser is at hand (an artifact, not a check). */
    private static void screenshot(String studyId) throws IOException, InterruptedException {
        Path browserDir = REPO.resolve("results-service/src/test/browser");
        if (!Files.isExecutable(Path.of("/usr/bin/chromium")) || !Files.isDirectory(browserDir.resolve("node_modules/playwright-core"))) {
            System.out.println("[study-it] no Chromium or playwright-core here: no dashboard screenshot of the real study");
            return;
        }
        Path out = Files.createDirectories(REPO.resolve("tunestream-cli/target/dashboard-screenshots")).resolve("real-study.png");
        var process = new ProcessBuilder("node", "screenshot.mjs", cluster.resultsUrl() + "/dashboard/#/study/" + studyId, out.toString())
                .directory(browserDir.toFile()).inheritIO().start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
    }
}
