package io.tunestream.optimizer.scheduler;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One decision of a {@link TrialScheduler} about one trial.
 *
 * @param trialNumber the trial the decision is about, {@code >= 0}
 * @param action      what the trial must do
 * @param epoch       the epoch the decision refers to, {@code >= 1}: the reported epoch, or for a
 *                    decision about another trial, the epoch at which that trial's rung loss was recorded
 * @param rung        the index of the rung the decision was taken at (0 = the first rung of the trial's
 *                    ladder or bracket), empty when the decision belongs to no rung
 * @param reason      why, in words for people (dashboards, logs); never blank
 */
public record TrialDecision(long trialNumber, SchedulerAction action, int epoch, OptionalInt rung, String reason) {

    public TrialDecision {
        if (trialNumber < 0) {
            throw new IllegalArgumentException("`trialNumber` must be >= 0, but was " + trialNumber);
        }
        Objects.requireNonNull(action, "`action` must not be null");
        if (epoch < 1) {
            throw new IllegalArgumentException("`epoch` must be >= 1, but was " + epoch);
        }
        Objects.requireNonNull(rung, "`rung` must not be null; use OptionalInt.empty() for no rung");
        if (rung.isPresent() && rung.getAsInt() < 0) {
            throw new IllegalArgumentException("`rung` must be >= 0 when present, but was " + rung.getAsInt());
        }
        Objects.requireNonNull(reason, "`reason` must not be null");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("`reason` must not be blank, but was \"" + reason + "\"");
        }
    }

    /** Keep training; no rung was decided. */
    public static TrialDecision continueTraining(long trialNumber, int epoch, String reason) {
        return new TrialDecision(trialNumber, SchedulerAction.CONTINUE, epoch, OptionalInt.empty(), reason);
    }

    /** The trial passed rung {@code rung}. */
    public static TrialDecision promote(long trialNumber, int epoch, int rung, String reason) {
        return new TrialDecision(trialNumber, SchedulerAction.PROMOTE, epoch, OptionalInt.of(rung), reason);
    }

    /** The trial is stopped early at rung {@code rung}. */
    public static TrialDecision stopAtRung(long trialNumber, int epoch, int rung, String reason) {
        return new TrialDecision(trialNumber, SchedulerAction.STOP, epoch, OptionalInt.of(rung), reason);
    }

    /** The trial is stopped early by a rule that has no rungs (the median rule). */
    public static TrialDecision stop(long trialNumber, int epoch, String reason) {
        return new TrialDecision(trialNumber, SchedulerAction.STOP, epoch, OptionalInt.empty(), reason);
    }

    /** The trial has had the maximum resource and is finished. */
    public static TrialDecision complete(long trialNumber, int epoch, String reason) {
        return new TrialDecision(trialNumber, SchedulerAction.COMPLETE, epoch, OptionalInt.empty(), reason);
    }

    /** Whether the trial must end: {@link SchedulerAction#STOP} or {@link SchedulerAction#COMPLETE}. */
    public boolean endsTrial() {
        return action == SchedulerAction.STOP || action == SchedulerAction.COMPLETE;
    }
}
