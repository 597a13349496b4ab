package io.tunestream.trainer.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Training programs of the {@code command} backend, by the name a study uses in
     * {@code trainer.settings.program}: {@code tunestream.trainer.programs."<name>".command=...}.
     */
    Map<String, Program> programs();

    /** GPU ids handed to programs as CUDA_VISIBLE_DEVICES, one per running trial (e.g. "0,1"). */
    Optional<List<String>> gpuDevices();

    /** How long a program gets between SIGTERM (STOP, timeout) and SIGKILL. */
    @WithDefault("PT10S")
    Duration stopGrace();

    /** One operator-registered training program. */
    interface Program {
        /** The command line; arguments may hold {param}, {maxEpochs}, {trialId}, {studyId}, {seed}. */
        List<String> command();

        /** Working directory; the trainer's own by default. */
        Optional<String> workingDir();

        /** Extra environment variables. */
        Map<String, String> env();

        /** The longest one trial may run before it is killed and reported FAILED. */
        @WithDefault("PT24H")
        Duration timeout();
    }

    /**
     * PyTorch intra-op threads of each slot for the {@code builtin} backend; when set, wins over a
     * study's {@code trainer.settings.threads} (the operator knows the node; slots x threads should not
     * exceed its cores).
     */
    Optional<Integer> builtinThreads();

    /** Where the {@code builtin} backend saves retrained models of studies that name no {@code finalize.modelDir}. */
    @WithDefault("models")
    String modelDir();

    /**
     * EPOCH reports of one trial that may await the broker's acknowledgement while the next epochs
     * train; 0 waits for each (final reports always wait for all). See docs/benchmarks/system.md.
     */
    @WithDefault("8")
    int epochReportsInFlight();

    /** Off in tests that only exercise the REST or messaging wiring. */
    @WithDefault("true")
    boolean workQueueEnabled();
}
