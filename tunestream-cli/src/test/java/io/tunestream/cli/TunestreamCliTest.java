package io.tunestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tunestream.cli.local.Ports;

class TunestreamCliTest {

    static final String VALID_SPEC = """
            name: cli-test
            objective: {metric: val_loss, direction: minimize}
            searchSpace:
              x: {type: float, low: 0.0, high: 1.0}
            algorithm: {name: random}
            budget: {maxTrials: 2, maxParallel: 1, maxEpochs: 1}
            trainer: {backend: synthetic, settings: {epochMillis: 1}}
            """;

    @TempDir
    Path tmp;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = TunestreamCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheSubcommandsAndExitCodes() {
        var run = run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: tunestream", "demo", "--repo", "Exit codes:", "2   usage error");
    }

    @Test
    void demoHelpListsEveryOptionWithItsDefault() {
        var run = run("demo", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: tunestream demo", "--spec=FILE", "--output=FILE", "--trainers=N",
                "--slots=N", "--port-base=P", "--timeout=DURATION", "--bootstrap-servers=HOST:PORT", "--work-dir=DIR",
                "default: 18080", "default: 10m", "Exit codes:");
    }

    @Test
    void helpAcceptsTheRepoThatTheLauncherAppends() {
        assertThat(run("demo", "--help", "--repo", tmp.toString()).exitCode()).isZero();
        assertThat(run("--help", "--repo", tmp.toString()).exitCode()).isZero();
        assertThat(run("help", "demo").out()).contains("Usage: tunestream demo");
    }

    @Test
    void versionIsPrinted() {
        var run = run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("tunestream ");
    }

    @Test
    void aMissingSubcommandIsAUsageError() {
        var run = run();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing subcommand", "Usage: tunestream");
    }

    @Test
    void unknownOptionsAndSubcommandsAreUsageErrors() {
        var unknownOption = run("demo", "--trainer", "3");
        assertThat(unknownOption.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownOption.err()).contains("Unknown options: '--trainer', '3'", "Possible solutions: --trainers");

        var unknownCommand = run("demmo");
        assertThat(unknownCommand.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownCommand.err()).contains("demmo");
    }

    @Test
    void badValuesAreUsageErrorsThatNameTheOption() {
        var notANumber = run("demo", "--trainers", "two");
        assertThat(notANumber.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(notANumber.err()).contains("--trainers", "two");

        var zeroTrainers = run("demo", "--trainers", "0");
        assertThat(zeroTrainers.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(zeroTrainers.err()).contains("--trainers must be between 1 and 16, but was 0");

        var lowPort = run("demo", "--port-base", "80");
        assertThat(lowPort.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(lowPort.err()).contains("--port-base must be between 1024");

        var badTimeout = run("demo", "--timeout", "soon");
        assertThat(badTimeout.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badTimeout.err()).contains("'soon' is not a duration");

        var noValue = run("demo", "--spec");
        assertThat(noValue.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noValue.err()).contains("Missing required parameter for option '--spec'");
    }

    @Test
    void aMissingSpecFileIsAUsageError() {
        var run = run("demo", "--spec", tmp.resolve("nope.yaml").toString(), "--repo", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("nope.yaml does not exist");
    }

    @Test
    void theDefaultSpecIsLookedUpInTheRepository() {
        var run = run("demo", "--repo", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(tmp.resolve("examples/demo-study.yaml").toString());
    }

    @Test
    void anInvalidSpecIsRejectedWithEveryBrokenRuleBeforeAnythingStarts() throws IOException {
        var spec = Files.writeString(tmp.resolve("bad.yaml"), VALID_SPEC
                .replace("maxTrials: 2", "maxTrials: 0")
                .replace("direction: minimize", "direction: smallest"));
        var run = run("demo", "--spec", spec.toString(), "--repo", tmp.toString(), "--work-dir", tmp.resolve("work").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("is invalid", "budget.maxTrials", "objective.direction");
        assertThat(tmp.resolve("work")).doesNotExist();
    }

    @Test
    void aSpecWithAnUnknownFieldIsRejected() throws IOException {
        var spec = Files.writeString(tmp.resolve("typo.json"), "{\"name\": \"x\", \"budgett\": {}}");
        var run = run("demo", "--spec", spec.toString(), "--repo", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("budgett is not a known field");
    }

    @Test
    void aBusyPortIsNamedAndNothingStarts() throws IOException {
        var spec = Files.writeString(tmp.resolve("ok.yaml"), VALID_SPEC);
        int base = Ports.findFreeBlock(30000, 4);
        try (var busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(base + 1)); // results-service's port
            var run = run("demo", "--spec", spec.toString(), "--port-base", String.valueOf(base),
                    "--repo", tmp.toString(), "--work-dir", tmp.resolve("work").toString());
            assertThat(run.exitCode()).isEqualTo(ExitCodes.INFRASTRUCTURE);
            assertThat(run.err()).contains("port " + (base + 1) + " (for results-service) is already in use", "--port-base");
            assertThat(run.out()).doesNotContain("started ");
        }
        try (var busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(base + 3)); // the second trainer's port
            var run = run("demo", "--spec", spec.toString(), "--port-base", String.valueOf(base),
                    "--repo", tmp.toString(), "--work-dir", tmp.resolve("work").toString());
            assertThat(run.exitCode()).isEqualTo(ExitCodes.INFRASTRUCTURE);
            assertThat(run.err()).contains("port " + (base + 3) + " (for trainer-1)");
        }
    }

    @Test
    void missingJarsAreNamedWithTheBuildCommand() throws IOException {
        var spec = Files.writeString(tmp.resolve("ok.yaml"), VALID_SPEC);
        int base = Ports.findFreeBlock(31000, 4);
        var run = run("demo", "--spec", spec.toString(), "--port-base", String.valueOf(base),
                "--repo", tmp.toString(), "--work-dir", tmp.resolve("work").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(run.err()).contains("not built", "hpo-kafka-embedded", "results-service/target/quarkus-app/quarkus-run.jar",
                "trainer-service", "./mvnw -B -DskipTests package");
    }
}
