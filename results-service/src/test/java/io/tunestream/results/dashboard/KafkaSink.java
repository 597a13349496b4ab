package io.tunestream.results.dashboard;

import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.tunestream.contracts.Json;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;

/** Publishes events to their topics, keyed by study id, as the suggester and the trainers do. */
final class KafkaSink implements Consumer<Object>, AutoCloseable {

    private final KafkaProducer<String, String> producer;

    KafkaSink(String bootstrapServers) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    @Override
    public void accept(Object event) {
        if (event instanceof StudyChanged e) {
            producer.send(new ProducerRecord<>(Topics.STUDY_CHANGED, e.studyId(), Json.write(e)));
        } else if (event instanceof TrialSuggested e) {
            producer.send(new ProducerRecord<>(Topics.TRIAL_SUGGESTED, e.studyId(), Json.write(e)));
        } else if (event instanceof TrialReported e) {
            producer.send(new ProducerRecord<>(Topics.TRIAL_REPORTED, e.studyId(), Json.write(e)));
        } else {
            throw new IllegalArgumentException("not an event: " + event);
        }
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
