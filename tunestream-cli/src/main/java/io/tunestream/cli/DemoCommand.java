package io.tunestream.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.tunestream.cli.client.LeaderboardRow;
import io.tunestream.cli.client.ResultsClient;
import io.tunestream.cli.client.StudyStatus;
import io.tunestream.cli.client.StudyWatch;
import io.tunestream.cli.client.SuggesterClient;
import io.tunestream.cli.client.SuggesterClient.SpecFormat;
import io.tunestream.cli.local.LocalCluster;
import io.tunestream.cli.local.Ports;
import io.tunestream.cli.report.LeaderboardTable;
import io.tunestream.cli.report.ProgressLine;
import io.tunestream.cli.report.StudyReport;
import io.tunestream.contracts.spec.InvalidStudySpecException;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.contracts.spec.StudySpecParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tunestream demo}: one whole study on this machine. Starts the local cluster (broker unless
 * bootstrap servers are given, results, suggester, trainers), submits the spec, prints progress until
 * the study settles, prints the leaderboard and the best configuration, and stops every process again.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Run a whole study on this machine and print its leaderboard.",
        description = {
                "Runs a study end to end on this machine: starts Kafka (unless --bootstrap-servers is given), "
                        + "results-service, suggester-service and N trainer-services, each its own JVM; submits the "
                        + "spec; prints progress every second; prints the leaderboard and the best configuration; "
                        + "stops everything it started (also on Ctrl-C, failure or timeout).",
                ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the study completed",
                "1:the study was stopped, timed out, or no trial completed",
                "2:usage error: bad option, missing or invalid spec",
                "3:a port was busy, a jar missing, a process failed or a service was unreachable"})
final class DemoCommand implements Callable<Integer> {

    static final int MAX_TRAINERS = 16;
    static final int MAX_SLOTS = 16;
    static final String DEFAULT_SPEC = "examples/demo-study.yaml";
    /** Print a progress line at least this often even when nothing changed. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);

    @ParentCommand
    TunestreamCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "The study spec: YAML, or JSON for a *.json file. Default: " + DEFAULT_SPEC + " in the repository.")
    Path specFile;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Also write the outcome as JSON: studyId, state, trials, best {trialId, params, value}, epochsUsed, elapsedSeconds, finalEvaluation (builtin studies: the test metrics).")
    Path output;

    @Option(names = "--trainers", paramLabel = "N", defaultValue = "2", description = "Trainer processes (default: ${DEFAULT-VALUE}).")
    int trainers;

    @Option(names = "--slots", paramLabel = "N", defaultValue = "2", description = "Trials each trainer runs at once (default: ${DEFAULT-VALUE}).")
    int slots;

    @Option(names = "--port-base", paramLabel = "P", defaultValue = "18080",
            description = "HTTP ports: suggester P, results P+1, trainers P+2.. (default: ${DEFAULT-VALUE}).")
    int portBase;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "Give up after this long, start-up included: 90s, 10m, 1h30m, PT10M (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS}",
            description = "Use this Kafka (default: $KAFKA_BOOTSTRAP_SERVERS); when absent, an embedded broker is started as its own process.")
    String bootstrapServers;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Logs of every process (one file each) and the broker's data, fresh per run. Default: target/tunestream-demo in the repository.")
    Path workDir;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Leaderboard rows to print (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    public Integer call() {
        validateOptions();
        var out = spec.commandLine().getOut();
        var repo = parent.repo();
        var specPath = specFile != null ? specFile.toAbsolutePath().normalize() : repo.resolve(DEFAULT_SPEC);
        var format = SpecFormat.ofFileName(specPath.getFileName().toString());
        var document = readSpec(specPath);
        var studySpec = validateSpec(document, format, specPath);
        long begin = System.nanoTime();

        var cluster = LocalCluster.builder(repo)
                .workDir(workDir != null ? workDir : repo.resolve("target").resolve("tunestream-demo"))
                .trainers(trainers)
                .slotsPerTrainer(slots)
                .portBase(portBase)
                .bootstrapServers(bootstrapServers)
                .startupTimeout(min(timeout, Duration.ofSeconds(120)))
                .listener(message -> out.println("-- " + message))
                .build();
        out.println("-- starting the local cluster in " + cluster.workDir());
        try (cluster) {
            cluster.start();
            double startupSeconds = seconds(System.nanoTime() - begin);
            var token = Optional.of(cluster.apiToken());
            var suggester = new SuggesterClient(cluster.suggesterUrl(), token);
            var results = new ResultsClient(cluster.resultsUrl(), token);
            var submitted = suggester.submit(document, format);
            long submittedAt = System.nanoTime();
            out.println("-- study " + submitted.studyId() + " (" + studySpec.name() + ") submitted: "
                    + describe(studySpec) + "; live dashboard at " + cluster.resultsUrl() + "/dashboard/#/study/" + submitted.studyId());

            var remaining = timeout.minus(Duration.ofNanos(submittedAt - begin));
            var watch = new StudyWatch(suggester, results, Duration.ofSeconds(1), Duration.ofSeconds(15));
            var printer = new ProgressPrinter(out);
            var result = remaining.isNegative() || remaining.isZero()
                    ? new StudyWatch.Result(StudyWatch.Outcome.TIMED_OUT, Optional.empty())
                    : watch.await(submitted.studyId(), remaining, printer::print, cluster::checkHealthy);
            double elapsedSeconds = seconds(System.nanoTime() - submittedAt);

            var last = result.last();
            StudyStatus status = last.map(StudyWatch.Snapshot::study).orElse(submitted);
            List<LeaderboardRow> leaderboard = results.leaderboard(submitted.studyId());
            Optional<LeaderboardRow> best = results.best(submitted.studyId());
            var summary = last.flatMap(StudyWatch.Snapshot::results).or(() -> results.summary(submitted.studyId()));
            var metric = summary.map(s -> s.metric()).or(() -> Optional.ofNullable(studySpec.objective().metric()));

            out.println();
            out.println("Leaderboard of " + submitted.studyId() + " (" + leaderboard.size() + " trials, best first):");
            out.print(LeaderboardTable.format(leaderboard, top, metric));
            out.println();
            best.ifPresentOrElse(row -> out.print(LeaderboardTable.bestConfig(row, metric)),
                    () -> out.println("No trial completed, so there is no best configuration."));
            // The final evaluation is stored before the decision that completes the study: read it fresh.
            var finalEvaluation = results.summary(submitted.studyId()).map(s -> s.finalEvaluation());
            if (finalEvaluation.isPresent()) {
                summary = summary.map(s -> new io.tunestream.cli.client.ResultsSummary(s.studyId(), s.name(), s.state(), s.metric(),
                        s.direction(), s.trials(), s.bestValue(), s.bestTrialId(), s.epochsUsed(), s.maxTrials(), finalEvaluation.get()));
                out.println();
                out.print(LeaderboardTable.finalEvaluation(finalEvaluation.get()));
            }

            var report = StudyReport.of(status, summary, best, elapsedSeconds, startupSeconds);
            if (output != null) {
                writeReport(report, output);
                out.println("-- wrote " + output);
            }
            int code = exitCode(result.outcome(), status, best, out);
            out.flush();
            return code;
        } finally {
            if (!cluster.processes().isEmpty()) {
                out.println("-- all processes stopped (" + String.format(java.util.Locale.ROOT, "%.1f", seconds(System.nanoTime() - begin)) + " s in all)");
            }
            out.flush();
        }
    }

    private int exitCode(StudyWatch.Outcome outcome, StudyStatus status, Optional<LeaderboardRow> best, PrintWriter out) {
        if (outcome == StudyWatch.Outcome.TIMED_OUT) {
            out.println("Timed out after " + DurationConverter.format(timeout) + ": the study is still " + status.state() + ".");
            return ExitCodes.STUDY_FAILED;
        }
        if (!"COMPLETED".equals(status.state())) {
            out.println("The study ended " + status.state() + (status.reason() == null ? "" : ": " + status.reason()) + ".");
            return ExitCodes.STUDY_FAILED;
        }
        if (best.isEmpty()) {
            out.println("The study completed, but none of its trials did.");
            return ExitCodes.STUDY_FAILED;
        }
        out.println("Study " + status.studyId() + " COMPLETED.");
        return ExitCodes.OK;
    }

    private void validateOptions() {
        requireBetween(trainers, 1, MAX_TRAINERS, "--trainers");
        requireBetween(slots, 1, MAX_SLOTS, "--slots");
        requireBetween(portBase, Ports.MIN_PORT, Ports.MAX_PORT - 1 - MAX_TRAINERS - 1, "--port-base");
        requireBetween(top, 1, 10_000, "--top");
        if (portBase + 1 + trainers > Ports.MAX_PORT) {
            throw new ParameterException(spec.commandLine(), "--port-base " + portBase + " leaves no room for " + trainers + " trainers");
        }
    }

    private void requireBetween(int value, int min, int max, String option) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " must be between " + min + " and " + max + ", but was " + value);
        }
    }

    private static String readSpec(Path specPath) {
        if (!Files.isRegularFile(specPath)) {
            throw CliException.usage("the study spec " + specPath + " does not exist (pass --spec FILE)");
        }
        try {
            return Files.readString(specPath);
        } catch (IOException e) {
            throw CliException.usage("cannot read the study spec " + specPath + ": " + e.getMessage());
        }
    }

    /** The same rules the suggester applies, checked before any process starts. */
    private static StudySpec validateSpec(String document, SpecFormat format, Path specPath) {
        try {
            return StudySpecParser.parseAndValidate(document, format == SpecFormat.JSON ? StudySpecParser.Format.JSON : StudySpecParser.Format.YAML);
        } catch (InvalidStudySpecException e) {
            var message = new StringBuilder("the study spec " + specPath + " is invalid:");
            e.errors().forEach(error -> message.append(System.lineSeparator()).append("  - ").append(error.message()));
            throw CliException.usage(message.toString());
        }
    }

    private static String describe(StudySpec spec) {
        var budget = spec.budget();
        return spec.algorithm().name() + " search over " + spec.searchSpace().size() + " parameters, "
                + budget.maxTrials() + " trials, " + budget.maxParallel() + " at a time, up to " + budget.maxEpochs() + " epochs each";
    }

    private static void writeReport(StudyReport report, Path file) {
        try {
            report.writeTo(file);
        } catch (IOException e) {
            throw CliException.infrastructure("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Prints a snapshot when its content changed, and at least every {@link #HEARTBEAT}. */
    private static final class ProgressPrinter {
        private final PrintWriter out;
        private String lastBody = "";
        private long lastPrinted;

        ProgressPrinter(PrintWriter out) {
            this.out = out;
        }

        void print(StudyWatch.Snapshot snapshot) {
            var body = ProgressLine.body(snapshot);
            long now = System.nanoTime();
            if (!body.equals(lastBody) || now - lastPrinted >= HEARTBEAT.toNanos()) {
                out.println(ProgressLine.line(snapshot));
                out.flush();
                lastBody = body;
                lastPrinted = now;
            }
        }
    }
}
