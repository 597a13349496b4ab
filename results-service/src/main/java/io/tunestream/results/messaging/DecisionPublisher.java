package io.tunestream.results.messaging;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.tunestream.contracts.Channels;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.results.metrics.ResultsMetrics;

/**
 * Publishes decisions on {@code hpo.trial.decided}, keyed by study id. The returned {@link Uni}
 * completes once the broker has every decision (acks=all): the incoming event is acknowledged after
 * its decisions are safe. A decision that still cannot be sent after the retries is logged and
 * counted, never dead-letters the event that caused it; the next start re-derives and publishes it,
 * since it is not on the topic.
 */
@ApplicationScoped
public class DecisionPublisher {

    private static final Logger LOG = Logger.getLogger(DecisionPublisher.class);
    private static final int MAX_IN_FLIGHT = 64;
    private static final int RETRIES = 5;

    private final MutinyEmitter<String> emitter;
    private final ResultsMetrics metrics;

    @Inject
    public DecisionPublisher(@Channel(Channels.TRIAL_DECIDED_OUT) MutinyEmitter<String> emitter, ResultsMetrics metrics) {
        this.emitter = emitter;
        this.metrics = metrics;
    }

    public Uni<Void> publish(List<TrialDecided> decisions) {
        if (decisions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(decisions)
                .onItem().transformToUni(this::send).merge(MAX_IN_FLIGHT)
                .collect().asList()
                .replaceWithVoid();
    }

    private Uni<TrialDecided> send(TrialDecided decision) {
        String json = Json.write(decision);
        return Uni.createFrom().deferred(() -> emitter.sendMessage(KafkaRecord.of(decision.studyId(), json)))
                .onFailure().invoke(e -> LOG.warnf("sending %s of %s failed (%s); retrying", decision.action(), decision.trialId(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).atMost(RETRIES)
                .invoke(() -> metrics.decisionPublished(decision))
                .onFailure().recoverWithUni(e -> {
                    LOG.errorf(e, "gave up sending %s of %s; it will be published again at the next start", decision.action(), decision.trialId());
                    metrics.decisionUnpublished(decision);
                    return Uni.createFrom().voidItem();
                })
                .replaceWith(decision);
    }
}
