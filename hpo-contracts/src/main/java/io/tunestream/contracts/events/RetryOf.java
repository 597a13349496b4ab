package io.tunestream.contracts.events;

/**
 * What a copy of a trial's work item, published again, carries: the trial's attempts go on from
 * {@code afterAttempt} (a trainer reports attempt {@code afterAttempt + deliveryCount}, so every report
 * of the copy is newer than those of the earlier copies), and at most {@code attemptsLeft} deliveries of
 * the copy may run the trial.
 *
 * <p>Why copies: with Kafka 4.3 a lock renewal can count as a delivery, so a long trial whose trainer
 * dies can exhaust its work item's delivery limit after a single real attempt. results-service counts the
 * attempts that really started and, when the share group has finished with the item and attempts remain,
 * decides RETRY; the suggester then publishes the copy.
 */
public record RetryOf(int afterAttempt, int attemptsLeft) {

    public RetryOf {
        if (afterAttempt < 0) {
            throw new IllegalArgumentException("retry.afterAttempt must be >= 0, but was " + afterAttempt);
        }
        if (attemptsLeft < 1) {
            throw new IllegalArgumentException("retry.attemptsLeft must be >= 1, but was " + attemptsLeft);
        }
    }
}
