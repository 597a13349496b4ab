package io.tunestream.cli.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tunestream.cli.CliException;
import io.tunestream.cli.DurationConverter;
import io.tunestream.cli.ExitCodes;
import io.tunestream.cli.client.LeaderboardRow;
import io.tunestream.cli.client.ResultsClient;
import io.tunestream.cli.client.ResultsSummary;
import io.tunestream.cli.client.StudyStatus;
import io.tunestream.cli.client.StudyWatch;
import io.tunestream.cli.client.SuggesterClient;
import io.tunestream.cli.client.SuggesterClient.SpecFormat;
import io.tunestream.cli.report.LeaderboardTable;
import io.tunestream.cli.report.Numbers;
import io.tunestream.cli.report.ProgressLine;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.spec.FieldError;
import io.tunestream.contracts.spec.InvalidStudySpecException;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.contracts.spec.StudySpecParser;
import io.tunestream.contracts.spec.StudySpecValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code tunestream study}: studies on running services. The options here are inherited by every
 * subcommand; {@link Endpoints} says where each setting may come from.
 */
@Command(name = "study",
        mixinStandardHelpOptions = true,
        header = "Create, list, watch, stop and export studies on running Tunestream services.",
        description = {
                "Talks to suggester-service and results-service over REST. Service URLs and the API token come from "
                        + "the flags, else the environment (TUNESTREAM_SUGGESTER_URL, TUNESTREAM_RESULTS_URL, "
                        + "TUNESTREAM_API_TOKEN), else the config file (keys suggester.url, results.url, token), "
                        + "else http://localhost:8081 and http://localhost:8082 without a token.",
                ""},
        subcommands = {
                StudyCommand.Create.class, StudyCommand.ListStudies.class, StudyCommand.Watch.class,
                StudyCommand.Best.class, StudyCommand.Stop.class, StudyCommand.Export.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:the study ended without completing (watch), has no completed trial (best), or is already final (stop)",
                "2:usage error: bad option, missing file or invalid study spec",
                "3:a service was unreachable, refused the token, or answered with an error",
                "4:no such study"})
public final class StudyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--suggester-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "suggester-service (env TUNESTREAM_SUGGESTER_URL, config suggester.url; default " + Endpoints.DEFAULT_SUGGESTER + ").")
    String suggesterUrl;

    @Option(names = "--results-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "results-service (env TUNESTREAM_RESULTS_URL, config results.url; default " + Endpoints.DEFAULT_RESULTS + ").")
    String resultsUrl;

    @Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT,
            description = "API token, sent as 'Authorization: Bearer TOKEN' (env TUNESTREAM_API_TOKEN, config token).")
    String token;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Config file (Java properties; env TUNESTREAM_CONFIG; default ~/.config/tunestream/config.properties when it exists).")
    Path config;

    /** The environment the settings are read from; tests replace it. */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing subcommand: create, list, watch, best, stop or export.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Sets the environment (for tests); production uses {@code System.getenv()}. */
    public StudyCommand withEnvironment(Map<String, String> environment) {
        this.env = Map.copyOf(environment);
        return this;
    }

    Endpoints endpoints() {
        return Endpoints.resolve(new Endpoints.Flags(suggesterUrl, resultsUrl, token, config), env,
                Path.of(System.getProperty("user.home", ".")));
    }

    SuggesterClient suggester() {
        Endpoints endpoints = endpoints();
        return new SuggesterClient(endpoints.suggester(), endpoints.token());
    }

    ResultsClient results() {
        Endpoints endpoints = endpoints();
        return new ResultsClient(endpoints.results(), endpoints.token());
    }

    /** The results-service summary of a study; exit 4 when results-service does not know it. */
    ResultsSummary requireSummary(ResultsClient results, String studyId) {
        return results.summary(studyId).orElseThrow(() -> CliException.notFound(
                "results-service at " + results.baseUrl() + " knows no study '" + studyId + "' (tunestream study list shows the studies)"));
    }

    // ---------------------------------------------------------------------------------------------

    @Command(name = "create", mixinStandardHelpOptions = true,
            header = "Validate a study spec here, then submit it to suggester-service.",
            description = {"Checks the spec with the same parser and validator as the suggester and prints every broken "
                    + "rule by field before anything is sent. Prints the new study's id.", ""},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:created (or valid, with --dry-run)", "2:missing file or invalid spec (errors by field on stderr)",
                    "3:suggester-service unreachable or failing"})
    static final class Create implements Callable<Integer> {

        @ParentCommand
        StudyCommand parent;

        @Option(names = {"-f", "--file"}, required = true, paramLabel = "SPEC",
                description = "The study spec: YAML, or JSON for a *.json file.")
        Path file;

        @Option(names = "--dry-run", description = "Only validate; submit nothing.")
        boolean dryRun;

        @Option(names = {"-q", "--quiet"}, description = "Print only the study id (for scripts: ID=$(tunestream study create -q -f s.yaml)).")
        boolean quiet;

        @Override
        public Integer call() {
            var out = parent.spec.commandLine().getOut();
            var err = parent.spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                throw CliException.usage("spec file " + file + " does not exist");
            }
            String document;
            try {
                document = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliException.usage("cannot read spec file " + file + ": " + e.getMessage());
            }
            SpecFormat format = SpecFormat.ofFileName(file.getFileName().toString());
            List<FieldError> errors;
            StudySpec parsed = null;
            try {
                parsed = StudySpecParser.parse(document, format == SpecFormat.JSON ? StudySpecParser.Format.JSON : StudySpecParser.Format.YAML);
                errors = StudySpecValidator.validate(parsed);
            } catch (InvalidStudySpecException e) {
                errors = e.errors();
            }
            if (!errors.isEmpty()) {
                err.println("error: " + file + " is not a valid study spec (" + errors.size() + (errors.size() == 1 ? " error" : " errors") + "):");
                errors.forEach(error -> err.println("  " + (error.field().isBlank() ? "(document)" : error.field()) + ": " + error.message()));
                err.flush();
                return ExitCodes.USAGE;
            }
            if (dryRun) {
                out.println(file + " is a valid study spec: " + parsed.name() + ", " + parsed.searchSpace().size() + " parameters, algorithm "
                        + parsed.algorithm().name() + ", scheduler " + parsed.schedulerName());
                return ExitCodes.OK;
            }
            StudyStatus created = parent.suggester().submit(document, format);
            if (quiet) {
                out.println(created.studyId());
            } else {
                var endpoints = parent.endpoints();
                out.println("created study " + created.studyId() + " (" + parsed.name() + ")");
                out.println("  watch:     tunestream study watch " + created.studyId());
                out.println("  dashboard: " + endpoints.results() + "/dashboard/#/study/" + created.studyId());
            }
            return ExitCodes.OK;
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Command(name = "list", mixinStandardHelpOptions = true,
            header = "List the studies: state, trials, best value, epochs used.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:listed (also when there is none)", "3:a service unreachable or failing"})
    static final class ListStudies implements Callable<Integer> {

        @ParentCommand
        StudyCommand parent;

        @Option(names = "--json", description = "Print JSON: [{studyId, name, state, trialsSuggested, trials, bestValue, metric, epochsUsed}].")
        boolean json;

        @Override
        public Integer call() throws Exception {
            var out = parent.spec.commandLine().getOut();
            List<StudyStatus> studies = parent.suggester().studies();
            Map<String, ResultsSummary> results = parent.results().studies().stream()
                    .collect(Collectors.toMap(ResultsSummary::studyId, Function.identity(), (a, b) -> a));
            var rows = new ArrayList<Map<String, Object>>();
            for (StudyStatus study : studies.stream().sorted(Comparator.comparing(StudyStatus::studyId)).toList()) {
                var summary = Optional.ofNullable(results.get(study.studyId()));
                var row = new LinkedHashMap<String, Object>();
                row.put("studyId", study.studyId());
                row.put("name", summary.map(ResultsSummary::name).orElse(null));
                row.put("state", study.state());
                row.put("trialsSuggested", study.trialsSuggested());
                row.put("trials", summary.map(ResultsSummary::trials).orElse(null));
                row.put("maxTrials", summary.map(ResultsSummary::maxTrials).orElse(null));
                row.put("metric", summary.map(ResultsSummary::metric).orElse(null));
                row.put("bestValue", summary.map(ResultsSummary::bestValue).orElse(null));
                row.put("epochsUsed", summary.map(ResultsSummary::epochsUsed).orElse(null));
                rows.add(row);
            }
            if (json) {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
                return ExitCodes.OK;
            }
            if (rows.isEmpty()) {
                out.println("(no studies)");
                return ExitCodes.OK;
            }
            var table = new ArrayList<List<String>>();
            table.add(List.of("STUDY", "NAME", "STATE", "DONE", "RUNNING", "BEST", "EPOCHS"));
            for (var row : rows) {
                var summary = Optional.ofNullable(results.get((String) row.get("studyId")));
                String done = summary.map(s -> s.trials().finished() + "/" + (s.maxTrials() == null ? s.trials().total() : s.maxTrials())).orElse("-");
                String running = summary.map(s -> Integer.toString(s.trials().running())).orElse("-");
                String best = summary.filter(s -> s.bestValue() != null)
                        .map(s -> (s.metric() == null ? "" : s.metric() + "=") + Numbers.value(s.bestValue())).orElse("-");
                table.add(List.of((String) row.get("studyId"), Optional.ofNullable((String) row.get("name")).orElse("-"),
                        (String) row.get("state"), done, running, best, summary.map(s -> Long.toString(s.epochsUsed())).orElse("-")));
            }
            out.print(Tables.align(table));
            return ExitCodes.OK;
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Command(name = "watch", mixinStandardHelpOptions = true,
            header = "Follow a study: a progress bar and the live leaderboard, until the study ends.",
            description = {"Polls both services; prints a progress bar with the trial counts and the best value, and the "
                    + "leaderboard's top rows whenever they change. Returns when the study has ended and every trial is final.", ""},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the study completed", "1:the study was stopped, or --timeout passed first",
                    "3:a service unreachable for longer than --unreachable-limit", "4:no such study"})
    static final class Watch implements Callable<Integer> {

        @ParentCommand
        StudyCommand parent;

        @Parameters(index = "0", paramLabel = "STUDY_ID", description = "The study (tunestream study list shows the ids).")
        String studyId;

        @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
                description = "Poll this often (default: ${DEFAULT-VALUE}).")
        Duration interval;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "24h", converter = DurationConverter.class,
                description = "Stop watching after this long (default: ${DEFAULT-VALUE}); exit code 1.")
        Duration timeout;

        @Option(names = "--unreachable-limit", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
                description = "Give up when a service stays unreachable this long (default: ${DEFAULT-VALUE}).")
        Duration unreachableLimit;

        @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "Leaderboard rows (default: ${DEFAULT-VALUE}).")
        int top;

        @Option(names = "--no-redraw",
                description = "Append progress lines instead of redrawing the screen (the default when the output is not a terminal).")
        boolean noRedraw;

        @Override
        public Integer call() {
            if (top < 1) {
                throw CliException.usage("--top must be >= 1, but was " + top);
            }
            var out = parent.spec.commandLine().getOut();
            var suggester = parent.suggester();
            var results = parent.results();
            if (suggester.study(studyId).isEmpty()) {
                throw CliException.notFound("suggester-service at " + suggester.baseUrl() + " knows no study '" + studyId + "'");
            }
            var watch = new StudyWatch(suggester, results, interval, unreachableLimit);
            boolean redraw = !noRedraw && System.console() != null && !"dumb".equals(System.getenv("TERM"));
            var printer = new WatchPrinter(out, results, studyId, top, redraw);
            var result = watch.await(studyId, timeout, printer::print, () -> { });
            var last = result.last();
            if (result.outcome() == StudyWatch.Outcome.TIMED_OUT) {
                out.println("stopped watching after " + DurationConverter.format(timeout) + "; the study is still "
                        + last.map(s -> s.study().state()).orElse("unknown"));
                return ExitCodes.STUDY_FAILED;
            }
            printer.leaderboard();
            var status = last.map(StudyWatch.Snapshot::study).orElseThrow();
            out.println("study " + studyId + " " + status.state() + (status.reason() == null ? "" : ": " + status.reason()));
            results.best(studyId).ifPresent(best -> out.println("best: trial " + best.trialNumber() + "  "
                    + Numbers.value(best.value()) + "  " + LeaderboardTable.params(best.params())));
            return "COMPLETED".equals(status.state()) ? ExitCodes.OK : ExitCodes.STUDY_FAILED;
        }
    }

    /** Prints a snapshot's progress bar when it changed, and the leaderboard when its top changed. */
    static final class WatchPrinter {
        private static final int BAR = 30;
        private final PrintWriter out;
        private final ResultsClient results;
        private final String studyId;
        private final int top;
        private String lastBody = "";
        private String lastBoard = "";
        private final boolean redraw;
        private Optional<String> metric = Optional.empty();

        /** @param redraw clear the terminal and draw bar and leaderboard in place (ANSI), else append */
        WatchPrinter(PrintWriter out, ResultsClient results, String studyId, int top, boolean redraw) {
            this.out = out;
            this.results = results;
            this.studyId = studyId;
            this.top = top;
            this.redraw = redraw;
        }

        void print(StudyWatch.Snapshot snapshot) {
            String body = ProgressLine.body(snapshot);
            if (!body.equals(lastBody)) {
                lastBody = body;
                if (redraw) {
                    out.print("\u001b[H\u001b[2J");
                    lastBoard = "";
                }
                out.println(bar(snapshot) + " " + ProgressLine.line(snapshot));
                metric = snapshot.results().map(ResultsSummary::metric);
                leaderboard();
            }
            out.flush();
        }

        /** Prints the leaderboard's top rows when they changed since the last print. */
        void leaderboard() {
            List<LeaderboardRow> rows = results.leaderboard(studyId);
            String board = LeaderboardTable.format(rows, top, metric);
            if (!board.equals(lastBoard) && !rows.isEmpty()) {
                lastBoard = board;
                out.print(board.lines().map(line -> "    " + line).collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator())));
            }
        }

        static String bar(StudyWatch.Snapshot snapshot) {
            int planned = snapshot.results().map(r -> r.maxTrials() != null ? r.maxTrials() : r.trials().total()).orElse(0);
            int done = snapshot.results().map(r -> r.trials().finished()).orElse(0);
            int filled = planned == 0 ? 0 : Math.min(BAR, (int) Math.round((double) BAR * done / planned));
            int percent = planned == 0 ? 0 : (int) Math.floor(100.0 * done / planned);
            return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + String.format(Locale.ROOT, "%3d%%", percent);
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Command(name = "best", mixinStandardHelpOptions = true,
            header = "Print the best completed trial of a study: value, params, epochs.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:printed", "1:no trial has completed yet", "3:results-service unreachable or failing", "4:no such study"})
    static final class Best implements Callable<Integer> {

        @ParentCommand
        StudyCommand parent;

        @Parameters(index = "0", paramLabel = "STUDY_ID")
        String studyId;

        @Option(names = "--json", description = "Print the trial as JSON (trialId, trialNumber, state, value, params, epochs, attempt, workerId).")
        boolean json;

        @Override
        public Integer call() throws Exception {
            var out = parent.spec.commandLine().getOut();
            var results = parent.results();
            ResultsSummary summary = parent.requireSummary(results, studyId);
            var best = results.best(studyId)
                    .orElseThrow(() -> CliException.unsuccessful("study '" + studyId + "' has no completed trial yet"));
            if (json) {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(best));
                return ExitCodes.OK;
            }
            String metric = summary.metric() == null ? "value" : summary.metric();
            out.println("best trial of " + studyId + ": #" + best.trialNumber() + " (" + best.trialId() + ")");
            out.println("  " + metric + " = " + Numbers.value(best.value())
                    + (summary.direction() == null ? "" : " (" + summary.direction() + ")"));
            out.println("  epochs = " + best.epochs() + ", attempt " + best.attempt()
                    + (best.workerId() == null ? "" : ", worker " + best.workerId()));
            best.params().forEach((name, value) -> out.println("  " + name + " = " + Numbers.param(value)));
            return ExitCodes.OK;
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Command(name = "stop", mixinStandardHelpOptions = true,
            header = "Stop a study: no new trials; running trials are stopped within one epoch.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:stop requested", "1:the study had already ended", "3:suggester-service unreachable or failing",
                    "4:no such study"})
    static final class Stop implements Callable<Integer> {

        @ParentCommand
        StudyCommand parent;

        @Parameters(index = "0", paramLabel = "STUDY_ID")
        String studyId;

        @Override
        public Integer call() {
            var out = parent.spec.commandLine().getOut();
            var suggester = parent.suggester();
            if (suggester.stop(studyId)) {
                out.println("stop requested for study " + studyId + "; running trials stop within one epoch");
                return ExitCodes.OK;
            }
            var status = suggester.study(studyId)
                    .orElseThrow(() -> CliException.notFound("suggester-service at " + suggester.baseUrl() + " knows no study '" + studyId + "'"));
            throw CliException.unsuccessful("study " + studyId + " has already ended (" + status.state() + ")");
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Command(name = "export", mixinStandardHelpOptions = true,
            header = "Export every trial of a study as CSV or JSON.",
            description = {"CSV: one row per trial (trialNumber, trialId, state, value, epochs, attempt, workerId, reason, "
                    + "then a param.<name> column per parameter). JSON: {\"study\": summary, \"trials\": [...]}.", ""},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:exported", "2:bad option or unwritable output", "3:results-service unreachable or failing",
                    "4:no such study"})
    static final class Export implements Callable<Integer> {

        @ParentCommand
        StudyCommand parent;

        @Parameters(index = "0", paramLabel = "STUDY_ID")
        String studyId;

        @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv",
                description = "csv or json (default: ${DEFAULT-VALUE}).")
        TrialExport.Format format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of stdout.")
        Path output;

        @Override
        public Integer call() {
            var results = parent.results();
            var trials = results.trialsByNumber(studyId)
                    .orElseThrow(() -> CliException.notFound("results-service at " + results.baseUrl() + " knows no study '" + studyId + "'"));
            String text = format == TrialExport.Format.CSV ? TrialExport.csv(trials) : TrialExport.json(results.summary(studyId), trials);
            if (output == null) {
                var out = parent.spec.commandLine().getOut();
                out.print(text);
                out.flush();
                return ExitCodes.OK;
            }
            try {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliException.usage("cannot write " + output + ": " + e.getMessage());
            }
            parent.spec.commandLine().getErr().println("wrote " + trials.size() + " trials to " + output);
            return ExitCodes.OK;
        }
    }
}
