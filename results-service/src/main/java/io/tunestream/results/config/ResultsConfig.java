package io.tunestream.results.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of results-service under {@code tunestream.results}. */
@ConfigMapping(prefix = "tunestream.results")
public interface ResultsConfig {

    /**
     * The start of the incoming channels' consumer group ids (see application.properties). It must be
     * new for every process start, so that each start replays the event topics from their beginning:
     * by default {@code results-service-${quarkus.uuid}}.
     */
    String groupPrefix();

    /** Rebuilding the state at start-up. */
    Replay replay();

    /** Finding trials the work queue gave up on (see {@code WorkQueueAuditor}). */
    WorkQueueAudit workQueueAudit();

    interface WorkQueueAudit {

        /** The trainers' share group ({@code tunestream.trainer.group-id} of trainer-service). */
        @WithDefault("tunestream-trainers")
        String groupId();

        /**
         * How often the share group's offsets are read. A trial given up on is retried or reported FAILED
         * after two rounds in a row, so within two intervals of the share group finishing with its item.
         */
        @WithDefault("PT30S")
        Duration interval();
    }

    interface Replay {

        /**
         * Read the decisions already published (by an earlier run) before replaying the event topics,
         * so that a restart does not publish them again. Turn off only to test the replay itself.
         */
        @WithDefault("true")
        boolean readPublishedDecisions();

        /** How long to wait before trying again when the broker cannot be read. */
        @WithDefault("PT2S")
        Duration retryBackoff();

        /** How long one attempt to read the decisions topic and measure the backlog may take. */
        @WithDefault("PT60S")
        Duration timeout();
    }
}
