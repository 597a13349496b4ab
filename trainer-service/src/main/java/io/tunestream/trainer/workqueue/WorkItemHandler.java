package io.tunestream.trainer.workqueue;

import io.tunestream.trainer.runner.TrialOutcome;

/**
 * What a slot does with a work item: parse it, run the trial or refuse the delivery. Runs on the
 * slot's trial thread; an interrupt asks it to abandon the trial.
 */
public interface WorkItemHandler {

    /** @param delivery the share group's delivery count of the item (a lock renewal may count too) */
    TrialOutcome handle(String key, String value, int delivery);

    /** Called for items whose value is not a valid trial: they go to the dead-letter topic. */
    void deadLetter(String key, String value, String reason);
}
