package io.tunestream.trainer.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code tunestream.trainer.*} settings. */
@ConfigMapping(prefix = "tunestream.trainer")
public interface TrainerConfig {

    /** Trials this worker runs at once (one GPU per slot on GPU nodes). */
    @WithDefault("2")
    int slots();

    /** The share group all trainers join. */
    @WithDefault("tunestream-trainers")
    String groupId();

    /** Acquisition lock of a trial: how long a dead trainer keeps it from the others. */
    @WithDefault("PT60S")
    Duration lockDuration();

    /** How long a slot waits on its trial before renewing the lock. */
    @WithDefault("PT20S")
    Duration renewAfter();

    /** Deliveries of a trial before it is reported FAILED instead of run again. */
    @WithDefault("3")
    int maxAttempts();

    /** How long an idle slot waits for a trial per poll (also the shutdown latency). */
    @WithDefault("PT1S")
    Duration pollTimeout();

    /** Off in tests that only exercise the REST or messaging wiring. */
    @WithDefault("true")
    boolean workQueueEnabled();
}
