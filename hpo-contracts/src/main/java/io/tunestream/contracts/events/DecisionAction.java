package io.tunestream.contracts.events;

/** What results-service decided about a trial. */
public enum DecisionAction {
    /** An order to the trainer running the trial: end it at the next epoch boundary. */
    STOP,
    /**
     * The trial passed a rung of the study's scheduler and goes on; {@code value} is its objective at
     * that budget ({@code epoch}): the observation a budget-aware model learns from.
     */
    PROMOTED,
    /** Final: the trial ran its epochs; {@code value} is its objective. */
    COMPLETED,
    /** Final: the trial ended early on a STOP; {@code value} is its objective at the last epoch. */
    STOPPED,
    /** Final: the trial failed ({@code reason} says why); it has no value. */
    FAILED,
    /**
     * The work queue gave up on the trial's work item with no final report (its trainers died; lock
     * renewals may count as deliveries) while it still has attempts left: the suggester publishes the item
     * again ({@link RetryOf}). {@code attempt} is the newest attempt reported, which the copy's attempts
     * continue from; {@code attemptsLeft} says how many the copy may use.
     */
    RETRY;

    public boolean isFinal() {
        return this == COMPLETED || this == STOPPED || this == FAILED;
    }
}
