package io.tunestream.optimizer.scheduler;

import java.util.List;

/**
 * Decides, epoch by epoch, which trials keep training (Ray Tune's trial scheduler, Optuna's pruner).
 *
 * <p>A scheduler is fed the events of one study in the order the study saw them and answers each with
 * explicit decisions; it performs no I/O and reads no clock. Its state is a function of the events it
 * was given, so replaying the same sequence of calls into a fresh instance gives the same decisions:
 * that is how a service rebuilds a scheduler after a restart (no snapshot is needed).
 *
 * <p>Losses are losses: the study's direction was applied at the boundary. NaN is the worst loss and
 * is treated as {@code +Infinity}.
 *
 * <p>Events may be repeated: a report for an epoch the trial already reported changes nothing and is
 * answered with the decision the first one got, so a re-delivered event re-emits an identical decision.
 * Implementations are not thread-safe; a study has one owner.
 */
public interface TrialScheduler {

    /**
     * A trial reported its loss after {@code epoch} epochs.
     *
     * @param trialNumber the trial, {@code >= 0}
     * @param epoch       epochs trained so far, {@code >= 1}
     * @param loss        the loss at that epoch; NaN counts as {@code +Infinity}
     * @return the decisions this report caused, in the order they were made; never empty: at least one
     *         is about the reporting trial ({@link SchedulerAction#CONTINUE} when nothing was decided
     *         about it). Decisions about other trials appear only in synchronous schedulers, when this
     *         report completes a rung they were waiting at.
     * @throws IllegalArgumentException when {@code trialNumber < 0} or {@code epoch < 1}
     */
    List<TrialDecision> onReport(long trialNumber, int epoch, double loss);

    /**
     * The trial ended, whatever the cause (completed, stopped, failed): it will report no more.
     *
     * @return decisions about other trials that this ending unblocked (synchronous schedulers only);
     *         never one about the ended trial; usually empty
     * @throws IllegalArgumentException when {@code trialNumber < 0}
     */
    List<TrialDecision> onTrialEnded(long trialNumber);
}
