package io.tunestream.results.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
 * event and applied to the ledger, and its decisions are handed to the publisher in order; the next
 * record does not wait for their acknowledgement unless many are outstanding ({@link #pipelined}).
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
    /** Records whose decisions are being published; see {@link #pipelined}. */
    private final AtomicInteger publishing = new AtomicInteger();
    private static final int MAX_PUBLISHING = 256;

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
        // Where the work item lies: the work-queue audit compares it with the trainers' share group.
        return handle(record, TrialSuggested.class, event -> ledger.onTrialSuggested(event, record.partition(), record.offset()));
    }

    @Incoming(Channels.TRIAL_REPORTED_IN)
    public Uni<Void> onTrialReported(ConsumerRecord<String, String> record) {
        return handle(record, TrialReported.class, ledger::onTrialReported);
    }

    /**
     * Lets the next record be processed while this one's decisions are still on their way to the broker,
     * up to {@link #MAX_PUBLISHING} records at a time; beyond that the record waits for its own (back
     * pressure). Waiting for every acknowledgement before the next record capped the referee at one
     * decision per broker round trip, and the STOPs queued behind each other (docs/benchmarks/system.md).
     * Nothing depends on the wait: offsets are not committed (state is replayed at start), the publisher
     * retries and counts what it cannot send, and the emitter keeps the records in order.
     */
    private Uni<Void> pipelined(Uni<Void> published) {
        if (publishing.incrementAndGet() > MAX_PUBLISHING) {
            return published.eventually(publishing::decrementAndGet);
        }
        published.subscribe().with(ok -> publishing.decrementAndGet(), failure -> {
            publishing.decrementAndGet();
            LOG.warnf("publishing decisions failed: %s", failure.getMessage());
        });
        return Uni.createFrom().voidItem();
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
                return pipelined(published);
            }
            metrics.deadLettered(record.topic());
            LOG.warnf("dead-lettering %s-%d@%d to %s: %s", record.topic(), record.partition(), record.offset(),
                    Topics.deadLetter(record.topic()), invalid.getMessage());
            RuntimeException failure = invalid;
            return published.chain(() -> Uni.createFrom().failure(failure));
        });
    }
}
