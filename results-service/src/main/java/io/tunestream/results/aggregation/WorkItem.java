package io.tunestream.results.aggregation;

import java.util.Map;

/**
 * Where a trial's work item lies on {@code hpo.trial.suggested} (its newest copy, when it was published
 * again), and what the work-queue audit ({@link ResultsLedger#auditWorkQueue}) has found about it. Not
 * thread-safe: the ledger guards it.
 *
 * <p>The share group finishes with a record when it is acknowledged by a trainer, rejected by one (its
 * attempts were used up), or archived by the broker once its delivery count reached the group's limit;
 * the audit learns below which offset of a partition every record is finished. A trial whose newest copy
 * lies below it and that has no final report will never be run or reported by a trainer again.
 */
final class WorkItem {

    /** What one audit round makes of the item. */
    enum Finding {
        /** Still queued or running, or not yet confirmed (see {@link #audit}). */
        NONE,
        /** Given up on, confirmed: decide now (retry or FAILED). */
        GIVEN_UP,
        /** Given up on and already decided; waiting for that decision to take effect. */
        DECIDED
    }

    private int partition = -1;
    private long offset = -1;
    private int copies;
    private int afterAttempt;
    /** The previous round found the item given up on (at {@link #suspectedAttempt}). */
    private boolean suspected;
    private int suspectedAttempt;
    /** The offset and attempt at which the audit last decided; -1 before any decision. */
    private long decidedOffset = -1;
    private int decidedAttempt;
    private int roundsSinceDecision;
    /** The last decision was a RETRY: a new copy of the item is due. */
    private boolean awaitingCopy;

    /**
     * Places a copy of the item. A later copy (a retry, or the same suggestion published twice) is the
     * one that counts: the earlier ones are finished before it.
     *
     * @param afterAttempt the attempt the copy's attempts continue from (0 for the first copy)
     */
    void place(int partition, long offset, int afterAttempt) {
        if (offset > this.offset) {
            this.partition = partition;
            this.offset = offset;
            this.afterAttempt = afterAttempt;
            copies++;
            suspected = false;
            awaitingCopy = false;
        }
    }

    boolean isPlaced() {
        return offset >= 0;
    }

    /** Copies placed so far: 1 for a trial never retried. */
    int copies() {
        return copies;
    }

    /** The attempt the newest copy's attempts continue from. */
    int afterAttempt() {
        return afterAttempt;
    }

    /** Rounds since the last decision while the item stayed given up on (the decision had no effect yet). */
    int roundsSinceDecision() {
        return roundsSinceDecision;
    }

    /**
     * One round of the audit for an unfinished trial whose newest attempt is {@code attempt}. The item
     * must lie below its partition's finished offset ({@code finishedBelow}) in two rounds in a row,
     * because between a trainer's final report and its acknowledgement being counted as finished this
     * service may not have read the report yet. After a decision, the item is {@link Finding#DECIDED}
     * until a newer copy is placed or a newer attempt reports (the decision was a report made stale by
     * one).
     */
    Finding audit(Map<Integer, Long> finishedBelow, int attempt) {
        Long finished = finishedBelow.get(partition);
        if (!isPlaced() || finished == null || offset >= finished) {
            suspected = false;
            return Finding.NONE;
        }
        if (decidedOffset == offset && decidedAttempt >= attempt) {
            roundsSinceDecision++;
            return Finding.DECIDED;
        }
        if (!suspected || suspectedAttempt != attempt) {
            suspected = true;
            suspectedAttempt = attempt;
            return Finding.NONE;
        }
        suspected = false;
        decidedOffset = offset;
        decidedAttempt = attempt;
        roundsSinceDecision = 0;
        awaitingCopy = false;
        return Finding.GIVEN_UP;
    }

    /** The decision taken at {@link Finding#GIVEN_UP} was a RETRY: until a new copy is placed, one is due. */
    void awaitCopy() {
        awaitingCopy = true;
    }

    /** A RETRY was decided for this copy and no newer copy has come. */
    boolean awaitsCopy() {
        return awaitingCopy;
    }

    /** The decision taken at {@link Finding#GIVEN_UP} had no effect after waiting: it is replaced by a FAILED report. */
    void decideAgain() {
        roundsSinceDecision = 0;
        awaitingCopy = false;
    }
}
