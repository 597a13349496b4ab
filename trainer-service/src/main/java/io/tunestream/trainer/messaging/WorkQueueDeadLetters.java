package io.tunestream.trainer.messaging;

/** The work queue is read with the plain share consumer, so its dead-lettering is ours, not SmallRye's. */
final class WorkQueueDeadLetters {

    static final String CHANNEL = "trial-suggested-dlq-out";

    private WorkQueueDeadLetters() {
    }
}
