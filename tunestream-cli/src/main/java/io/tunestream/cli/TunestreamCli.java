package io.tunestream.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import io.tunestream.cli.client.ServiceUnavailableException;
import io.tunestream.cli.client.SpecRejectedException;
import io.tunestream.cli.local.LocalClusterException;
import io.tunestream.cli.study.StudyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code tunestream}: the top-level command. Subcommands do the work; this class owns the options
 * every subcommand shares and the mapping of failures to {@link ExitCodes}.
 */
@Command(name = "tunestream",
        mixinStandardHelpOptions = true,
        versionProvider = TunestreamCli.Version.class,
        description = "Event-driven hyperparameter optimization on Apache Kafka.",
        subcommands = {DemoCommand.class, StudyCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success (the study completed)",
                "1:the study failed or did not complete in time",
                "2:usage error: bad option or invalid study spec",
                "3:a service was unreachable, or a process or port failed",
                "4:study commands: no such study"})
public final class TunestreamCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".", scope = ScopeType.INHERIT,
            description = "The Tunestream checkout whose built jars to run (default: the current directory; ./tunestream passes its own).")
    Path repo;

    /** The repository root, absolute. */
    Path repo() {
        return repo.toAbsolutePath().normalize();
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing subcommand.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    public static void main(String[] args) {
        var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line and returns its exit code (never calls {@code System.exit}). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, System.getenv());
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)}, reading settings from {@code env}, not the process's. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        var commandLine = new CommandLine(new TunestreamCli());
        ((StudyCommand) commandLine.getSubcommands().get("study").getCommand()).withEnvironment(env);
        commandLine
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(TunestreamCli::handleFailure);
        return commandLine.execute(args);
    }

    /** One message (no stack trace) for the failures we expect; a stack trace for bugs. */
    private static int handleFailure(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        var err = commandLine.getErr();
        int code;
        if (failure instanceof CliException cli) {
            err.println("error: " + cli.getMessage());
            code = cli.exitCode();
        } else if (failure instanceof SpecRejectedException rejected) {
            err.println("error: the suggester rejected the study spec:");
            rejected.errors().forEach(error -> err.println("  - " + error.message()));
            code = ExitCodes.USAGE;
        } else if (failure instanceof LocalClusterException || failure instanceof ServiceUnavailableException) {
            err.println("error: " + failure.getMessage());
            if (failure.getCause() instanceof java.io.IOException && commandLine.getParent() != null
                    && "study".equals(commandLine.getParent().getCommandName())) {
                err.println("hint: is the service running? Its URL comes from --suggester-url / --results-url, else "
                        + "TUNESTREAM_SUGGESTER_URL / TUNESTREAM_RESULTS_URL, else the config file (tunestream study --help).");
            }
            code = ExitCodes.INFRASTRUCTURE;
        } else {
            err.println("internal error: " + failure);
            failure.printStackTrace(err);
            code = ExitCodes.INFRASTRUCTURE;
        }
        err.flush();
        return code;
    }

    /** The version from the jar's manifest (unknown when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var version = TunestreamCli.class.getPackage().getImplementationVersion();
            return new String[] {"tunestream " + (version == null ? "(development build)" : version)};
        }
    }
}
