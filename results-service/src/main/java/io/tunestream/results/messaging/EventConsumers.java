package io.tunestream.results.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.tunestream.contracts.Channels;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.results.aggregation.ResultsLedger;
import io.tunestream.results.metrics.ResultsMetrics;

/**
 * The three incoming channels. Each record waits until the replay is prepared, is read as JSON into its
 * event and applied to the ledger, and its decisions are published before the record is acknowledged.
 * A record that is not a valid event fails the returned {@link Uni}: SmallRye nacks it and
 * dead-letters it to {@code <topic>.dlq} with the reason in the {@code dead-letter-reason} header.
 * Methods return a {@link Uni}, so the records of a channel are processed one at a time, in order,
 * without blocking the event loop (the ledger's work is in memory and short).
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final ResultsLedger ledger;
    private final DecisionPublisher publisher;
    private final ReplayCoordinator replay;
    private final ResultsMetrics metrics;

    @Inject
    public EventConsumers(ResultsLedger ledger, DecisionPublisher publisher, ReplayCoordinator replay, ResultsMetrics metrics) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.replay = replay;
        this.metrics = metrics;
    }

    @Incoming(Channels.STUDY_CHANGED_IN)
    public Uni<Void> onStudyChanged(ConsumerRecord<String, String> record) {
        return handle(record, StudyChanged.class, ledger::onStudyChanged);
    }

    @Incoming(Channels.TRIAL_SUGGESTED_IN)
    public Uni<Void> onTrialSuggested(ConsumerRecord<String, String> record) {
        return handle(record, TrialSuggested.class, ledger::onTrialSuggested);
    }

    @Incoming(Channels.TRIAL_REPORTED_IN)
    public Uni<Void> onTrialReported(ConsumerRecord<String, String> record) {
        return handle(record, TrialReported.class, ledger::onTrialReported);
    }

    private <E> Uni<Void> handle(ConsumerRecord<String, String> record, Class<E> type, Function<E, List<TrialDecided>> apply) {
        return Uni.createFrom().completionStage(replay.ready()).chain(ready -> {
            var decisions = new ArrayList<TrialDecided>();
            RuntimeException invalid = null;
            E event = null;
            if (record.value() == null && Topics.STUDY_CHANGED.equals(record.topic())) {
                // A tombstone on the compacted study topic: studies are not deleted here.
                LOG.debugf("ignoring a tombstone of study %s", record.key());
            } else {
                try {
                    event = Json.read(record.value(), type);
                } catch (RuntimeException e) {
                    invalid = e;
                }
                if (event != null) {
                    metrics.observed(event);
                    decisions.addAll(apply.apply(event));
                }
            }
            int caused = decisions.size();
            decisions.addAll(replay.processed(record.topic(), record.partition(), record.offset()));
            Uni<Void> published = metrics.timeDecisions(event, decisions.subList(0, caused), publisher.publish(decisions));
            if (invalid == null) {
                return published;
            }
            metrics.deadLettered(record.topic());
            LOG.warnf("dead-lettering %s-%d@%d to %s: %s", record.topic(), record.partition(), record.offset(),
                    Topics.deadLetter(record.topic()), invalid.getMessage());
            RuntimeException failure = invalid;
            return published.chain(() -> Uni.createFrom().failure(failure));
        });
    }
}
