package io.tunestream.trainer.workqueue;

import java.time.Duration;
import java.util.Map;

/**
 * How a trainer consumes the work queue.
 *
 * @param kafka        client settings (bootstrap servers, security) shared by all slots
 * @param groupId      the share group every trainer joins
 * @param slots        trials this worker runs at once
 * @param lockDuration the share group's acquisition lock: how long a dead trainer holds a trial
 * @param renewAfter   how long a slot waits for its trial before renewing the lock (RENEW)
 * @param maxAttempts  deliveries of a trial before it is reported FAILED instead of run again
 * @param pollTimeout  how long an idle slot waits for a trial per poll
 */
public record WorkQueueSettings(Map<String, Object> kafka, String groupId, int slots, Duration lockDuration,
                                Duration renewAfter, int maxAttempts, Duration pollTimeout) {

    public WorkQueueSettings {
        kafka = Map.copyOf(kafka);
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("groupId must not be blank");
        }
        if (slots < 1 || slots > 256) {
            throw new IllegalArgumentException("slots must be between 1 and 256, but was " + slots);
        }
        if (lockDuration.toMillis() < 1000) {
            throw new IllegalArgumentException("lockDuration must be >= 1s, but was " + lockDuration);
        }
        if (renewAfter.isNegative() || renewAfter.isZero() || renewAfter.compareTo(lockDuration) >= 0) {
            throw new IllegalArgumentException("renewAfter must be > 0 and < lockDuration (" + lockDuration + "), but was " + renewAfter);
        }
        if (maxAttempts < 1 || maxAttempts > 9) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 9, but was " + maxAttempts);
        }
    }
}
