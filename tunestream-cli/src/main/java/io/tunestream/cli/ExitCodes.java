package io.tunestream.cli;

/** The exit codes of every {@code tunestream} command. */
public final class ExitCodes {

    /** The command did what it was asked; for a study: it completed. */
    public static final int OK = 0;
    /** The study ended without completing (stopped, timed out, or no trial completed). */
    public static final int STUDY_FAILED = 1;
    /** Bad arguments or an invalid study spec; nothing was started. */
    public static final int USAGE = 2;
    /** A service was unreachable or a process or port failed us (also internal errors). */
    public static final int INFRASTRUCTURE = 3;
    /** {@code tunestream study ...}: the study (or its best trial) does not exist. */
    public static final int NOT_FOUND = 4;

    private ExitCodes() {
    }
}
