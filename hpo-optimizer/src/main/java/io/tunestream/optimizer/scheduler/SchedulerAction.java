package io.tunestream.optimizer.scheduler;

/** What a {@link TrialScheduler} decided about one trial. */
public enum SchedulerAction {
    /** Keep training: nothing was decided about the trial at this report. */
    CONTINUE,
    /**
     * The trial passed the rung named in {@link TrialDecision#rung()}: it is among the best there and
     * keeps training towards the next rung.
     */
    PROMOTE,
    /** End the trial now: it was stopped early, at the rung (if any) named in the decision. */
    STOP,
    /**
     * End the trial now: it has had the scheduler's maximum resource R. It finished; it was not stopped
     * early.
     */
    COMPLETE
}
