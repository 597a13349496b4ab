package io.tunestream.trainer.backend;

/** A trial that cannot be trained; the message is reported as the trial's failure reason. */
public final class TrialFailedException extends Exception {

    public TrialFailedException(String message) {
        super(message);
    }

    public TrialFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
