package io.tunestream.suggester.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.tunestream.contracts.Channels;
import io.tunestream.contracts.InvalidEventException;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.suggester.metrics.SuggesterMetrics;
import io.tunestream.suggester.recovery.RecoveryState;
import io.tunestream.suggester.study.StudyRegistry;
import io.tunestream.suggester.study.StudyRun;

/**
 * Publishes what the study core decides and feeds it the decisions of results-service. Sends wait
 * for the broker's acknowledgement (acks=all): a suggestion is never considered made before it is
 * durable, and effects of one change are published in order.
 */
@ApplicationScoped
public class SuggesterMessaging {

    private static final Logger LOG = Logger.getLogger(SuggesterMessaging.class);

    private final MutinyEmitter<String> studyChanged;
    private final MutinyEmitter<String> trialSuggested;
    private final StudyRegistry registry;
    private final SuggesterMetrics metrics;
    private final RecoveryState recovery;

    public SuggesterMessaging(@Channel(Channels.STUDY_CHANGED_OUT) MutinyEmitter<String> studyChanged,
                              @Channel(Channels.TRIAL_SUGGESTED_OUT) MutinyEmitter<String> trialSuggested,
                              StudyRegistry registry, SuggesterMetrics metrics, RecoveryState recovery) {
        this.studyChanged = studyChanged;
        this.trialSuggested = trialSuggested;
        this.registry = registry;
        this.metrics = metrics;
        this.recovery = recovery;
    }

    /**
     * A decision from results-service. Invalid records, and decisions for a study or trial this
     * suggester never created, throw, which nacks them into the channel's dead-letter topic (reason in
     * the {@code dead-letter-reason} header) and counts them; the service goes on with the next record. Waits until the
     * studies are rebuilt from Kafka: before, every decision would be for an unknown study.
     */
    @Incoming(Channels.TRIAL_DECIDED_IN)
    @Blocking
    public void onDecision(String value) {
        while (!recovery.await(java.time.Duration.ofSeconds(30))) {
            if (Thread.currentThread().isInterrupted()) {
                // Shutting down: the next start replays every decision from the topic anyway.
                return;
            }
            LOG.info("a decision waits for the recovery of the studies");
        }
        TrialDecided decision;
        try {
            decision = Json.read(value, TrialDecided.class);
        } catch (RuntimeException e) {
            metrics.deadLettered(Topics.TRIAL_DECIDED);
            throw e;
        }
        var unknown = registry.unknownTarget(decision);
        if (unknown.isPresent()) {
            metrics.deadLettered(Topics.TRIAL_DECIDED);
            throw new InvalidEventException("TrialDecided: " + unknown.get());
        }
        publishPipelined(registry.onDecision(decision));
    }

    /**
     * Like {@link #publish}, but the next decision need not wait for these suggestions' acknowledgement
     * (up to {@link #MAX_OUTSTANDING} of them; beyond that it waits for all). Waiting for each one capped
     * the suggester at one new trial per broker round trip: with ASHA stopping most trials after an epoch
     * or two, that rate, not the slots, bounded the trainers' utilization (docs/benchmarks/system.md).
     * The emitter keeps them in order; a suggestion that cannot be sent is logged.
     */
    void publishPipelined(StudyRun.Effects effects) {
        outstanding.addAll(send(effects));
        outstanding.removeIf(CompletableFuture::isDone);
        if (outstanding.size() > MAX_OUTSTANDING) {
            outstanding.forEach(f -> f.exceptionally(e -> null).join());
            outstanding.clear();
        }
    }

    private static final int MAX_OUTSTANDING = 256;
    /** Suggestions sent by {@link #publishPipelined} and not yet acknowledged; touched by the one decision thread only. */
    private final List<CompletableFuture<Void>> outstanding = new ArrayList<>();

    /**
     * Publishes a change's effects and returns once the broker has all of them. The suggestions are sent
     * together and then awaited together (one key, one partition, an idempotent producer: their order
     * holds): awaiting each in turn made a study's start cost maxParallel round trips, and timed out
     * the REST call at 64 under load (docs/benchmarks/system.md).
     */
    public void publish(StudyRun.Effects effects) {
        send(effects).forEach(CompletableFuture::join);
    }

    /**
     * Publishes the study changes (each awaited: a study's state must be durable before its trials run)
     * and sends the suggestions without waiting; each returned stage completes once its suggestion is
     * durable, when it is also counted (the final evaluation and a retried copy of a work item are not
     * suggestions of the sampler).
     */
    private List<CompletableFuture<Void>> send(StudyRun.Effects effects) {
        for (var change : effects.studyChanges()) {
            studyChanged.sendMessageAndAwait(KafkaRecord.of(change.studyId(), Json.write(change)));
            LOG.infof("study %s is %s (%d trials suggested)", change.studyId(), change.state(), change.trialsSuggested());
        }
        var sent = new ArrayList<CompletableFuture<Void>>();
        for (var trial : effects.suggestions()) {
            var stage = trialSuggested.sendMessage(KafkaRecord.of(trial.studyId(), Json.write(trial))).subscribeAsCompletionStage();
            sent.add(stage.whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.errorf(failure, "suggestion %s could not be published", trial.trialId());
                } else if (!trial.isFinalize() && trial.retryOf().isEmpty()) {
                    metrics.suggested(algorithmOf(trial.studyId()));
                }
            }));
        }
        return sent;
    }

    private String algorithmOf(String studyId) {
        return registry.view(studyId).map(v -> v.spec().algorithm().name()).orElse("unknown");
    }
}
