package io.tunestream.suggester.recovery;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.tunestream.contracts.Json;
import io.tunestream.kafka.support.TopicReplayReader;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.suggester.messaging.SuggesterMessaging;
import io.tunestream.suggester.study.StudyRecovery;
import io.tunestream.suggester.study.StudyRegistry;

/**
 * Rebuilds the suggester from Kafka when it starts. A background thread replays
 * {@code hpo.study.changed}, {@code hpo.trial.suggested} and {@code hpo.trial.decided} from their
 * beginning to the end offsets measured at start (retrying until the broker answers), restores every
 * study into the registry without sampling again, then publishes what resuming requires: suggestions
 * with the next trial numbers where a running study has free slots, completions where its budget is
 * spent. Only then is {@link RecoveryState} done.
 *
 * <p>Decisions that arrive later, or that the {@code suggester-service} consumer group reads again
 * because its committed offset is behind the replay, change nothing twice: a run ignores decisions
 * for trials that are already final. Were publishing the resumption to fail, the process exits: a
 * new start replays again, and only what reached the topics counts as suggested.
 */
@ApplicationScoped
public class StudyRecoverer {

    static final List<String> TOPICS = List.of(Topics.STUDY_CHANGED, Topics.TRIAL_SUGGESTED, Topics.TRIAL_DECIDED);
    private static final Logger LOG = Logger.getLogger(StudyRecoverer.class);

    private final StudyRegistry registry;
    private final SuggesterMessaging messaging;
    private final RecoveryState state;
    private final TopicReplayReader reader;
    private final Duration timeout;
    private final Duration retryBackoff;
    private volatile boolean stopping;
    private Thread worker;

    public StudyRecoverer(StudyRegistry registry, SuggesterMessaging messaging, RecoveryState state,
                          @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                          @ConfigProperty(name = "tunestream.suggester.recovery.timeout", defaultValue = "PT60S") Duration timeout,
                          @ConfigProperty(name = "tunestream.suggester.recovery.retry-backoff", defaultValue = "PT2S") Duration retryBackoff) {
        this.registry = registry;
        this.messaging = messaging;
        this.state = state;
        this.reader = new TopicReplayReader(kafkaConfig, "suggester-service-recovery");
        this.timeout = timeout;
        this.retryBackoff = retryBackoff;
    }

    void onStart(@Observes StartupEvent event) {
        worker = new Thread(this::recoverUntilDone, "suggester-recovery");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (worker != null) {
            worker.interrupt();
        }
    }

    private void recoverUntilDone() {
        StudyRecovery recovery = null;
        long records = 0;
        while (!stopping && recovery == null) {
            var candidate = new StudyRecovery();
            try {
                records = reader.readAll(TOPICS, record -> apply(candidate, record), timeout);
                recovery = candidate;
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.warnf("cannot read %s yet (%s); trying again in %s", TOPICS, e.getMessage(), retryBackoff);
                try {
                    Thread.sleep(retryBackoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (recovery == null) {
            return;
        }
        var outcome = recovery.restoreInto(registry);
        outcome.problems().forEach(problem -> LOG.error(problem));
        try {
            outcome.effects().forEach(messaging::publish);
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot publish the resumption of the recovered studies; exiting so that a restart replays again");
            Quarkus.asyncExit(1);
            return;
        }
        long suggestions = outcome.effects().stream().mapToLong(effects -> effects.suggestions().size()).sum();
        long completions = outcome.effects().stream().mapToLong(effects -> effects.studyChanges().size()).sum();
        String summary = String.format(java.util.Locale.ROOT,
                "replayed %d record(s): %d stud(ies), %d running, %d trial(s) already suggested; resumed with %d new suggestion(s), %d study change(s)",
                records, outcome.studies(), outcome.running(), outcome.trials(), suggestions, completions);
        LOG.info(summary);
        state.complete(summary);
    }

    private static void apply(StudyRecovery recovery, ConsumerRecord<String, String> record) {
        try {
            switch (record.topic()) {
                case Topics.STUDY_CHANGED -> {
                    if (record.value() == null) {
                        recovery.onStudyDeleted(record.key());
                    } else {
                        recovery.onStudyChanged(Json.read(record.value(), StudyChanged.class));
                    }
                }
                case Topics.TRIAL_SUGGESTED -> recovery.onTrialSuggested(Json.read(record.value(), TrialSuggested.class));
                case Topics.TRIAL_DECIDED -> recovery.onTrialDecided(Json.read(record.value(), TrialDecided.class));
                default -> { }
            }
        } catch (RuntimeException e) {
            // Not ours to dead-letter: the live consumers do that; an invalid record carries no state.
            LOG.warnf("skipping %s-%d@%d during recovery: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }
}
