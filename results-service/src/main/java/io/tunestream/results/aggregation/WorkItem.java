package io.tunestream.results.aggregation;

import java.util.Map;

/**
 * Where a trial's work item lies on {@code hpo.trial.suggested}, and what the work-queue audit
 * ({@link ResultsLedger#givenUpByWorkQueue}) has found about it. Not thread-safe: the ledger guards it.
 *
 * <p>The share group finishes with a record when it is acknowledged by a trainer, or archived by the
 * broker once its delivery count reached the group's limit; the audit learns below which offset of a
 * partition every record is finished. A trial whose work item lies below it and that has no final report
 * will never be run or reported by a trainer again: the trainer of its last delivery died. Kafka 4.3 counts every lock
 * renewal as a delivery, so a long trial whose trainer dies can reach that limit without a trainer ever
 * seeing the delivery where it would have reported the trial FAILED.
 */
final class WorkItem {

    private int partition = -1;
    private long offset = -1;
    /** The attempt at which the previous audit found the item given up on; 0 when it did not. */
    private int suspectedAt;
    /** The attempt for which a FAILED report was last sent; 0 before any. */
    private int reportedAt;

    /** Places the item; a suggestion published again places it at the later copy, the last to be finished. */
    void place(int partition, long offset) {
        if (offset > this.offset) {
            this.partition = partition;
            this.offset = offset;
        }
    }

    boolean isPlaced() {
        return offset >= 0;
    }

    /**
     * One round of the audit for an unfinished trial at {@code attempt}: true when the item lies below
     * its partition's finished offset ({@code finishedBelow}) in this round and in the previous one, and no report was sent for
     * this attempt yet. Two rounds, because between a trainer's final report and its acknowledgement
     * being counted as finished, this service may not have read the report yet.
     */
    boolean confirmGivenUp(Map<Integer, Long> finishedBelow, int attempt) {
        Long finished = finishedBelow.get(partition);
        boolean givenUp = isPlaced() && finished != null && offset < finished;
        if (!givenUp || reportedAt >= attempt) {
            suspectedAt = 0;
            return false;
        }
        if (suspectedAt != attempt) {
            suspectedAt = attempt;
            return false;
        }
        suspectedAt = 0;
        reportedAt = attempt;
        return true;
    }
}
