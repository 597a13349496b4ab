package io.tunestream.cli;

/**
 * A failure that a command reports with one message (no stack trace) and a given exit code.
 */
public final class CliException extends RuntimeException {

    private final int exitCode;

    private CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The user asked for something impossible (missing file, invalid spec): exit code 2. */
    public static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message, null);
    }

    /** Processes, ports or services failed: exit code 3. */
    public static CliException infrastructure(String message, Throwable cause) {
        return new CliException(ExitCodes.INFRASTRUCTURE, message, cause);
    }

    /** The study asked for does not exist: exit code 4. */
    public static CliException notFound(String message) {
        return new CliException(ExitCodes.NOT_FOUND, message, null);
    }

    /** The command ran but the outcome is not a success (e.g. the study was stopped): exit code 1. */
    public static CliException unsuccessful(String message) {
        return new CliException(ExitCodes.STUDY_FAILED, message, null);
    }

    public int exitCode() {
        return exitCode;
    }
}
