package io.tunestream.results.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.tunestream.contracts.InvalidEventException;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.kafka.support.TopicReplayReader;

/**
 * Reads a decisions topic from its beginning up to the end it has when the read starts (no group, no
 * commits). Records that are not valid decisions are skipped: they are not ours to dead-letter.
 */
public final class DecisionLogReader {

    private static final Logger LOG = Logger.getLogger(DecisionLogReader.class);

    private final TopicReplayReader reader;
    private final String topic;

    /**
     * @param kafkaConfig connection settings (bootstrap servers, security); deserializers, group and
     *                    commit settings are the reader's own
     */
    public DecisionLogReader(Map<String, Object> kafkaConfig, String topic) {
        this.reader = new TopicReplayReader(kafkaConfig, "results-service-decision-log");
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    /**
     * Hands every valid decision now on the topic to {@code sink}, in partition order, and returns how
     * many there were. A topic that does not exist yet holds none.
     *
     * @throws org.apache.kafka.common.errors.TimeoutException when the topic cannot be read to its end
     *         within {@code timeout}
     */
    public long readAll(Consumer<TrialDecided> sink, Duration timeout) {
        long[] valid = {0};
        reader.readAll(List.of(topic), record -> {
            try {
                sink.accept(Json.read(record.value(), TrialDecided.class));
                valid[0]++;
            } catch (InvalidEventException e) {
                LOG.warnf("skipping %s-%d@%d, not a valid decision: %s", topic, record.partition(), record.offset(), e.getMessage());
            }
        }, timeout);
        return valid[0];
    }
}
