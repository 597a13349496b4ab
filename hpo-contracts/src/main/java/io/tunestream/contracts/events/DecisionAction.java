package io.tunestream.contracts.events;

/** What results-service decided about a trial. */
public enum DecisionAction {
    /** An order to the trainer running the trial: end it at the next epoch boundary. */
    STOP,
    /** Final: the trial ran its epochs; {@code value} is its objective. */
    COMPLETED,
    /** Final: the trial ended early on a STOP; {@code value} is its objective at the last epoch. */
    STOPPED,
    /** Final: the trial failed ({@code reason} says why); it has no value. */
    FAILED;

    public boolean isFinal() {
        return this != STOP;
    }
}
