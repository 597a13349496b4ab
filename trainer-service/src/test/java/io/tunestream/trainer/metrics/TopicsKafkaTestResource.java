package io.tunestream.trainer.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tunestream.contracts.Topics;
import io.tunestream.kafka.embedded.KafkaTestResource;

/**
 * {@link KafkaTestResource}'s real broker, with Tunestream's topics created before the trainer starts
 * (in production the suggester or Strimzi creates them; the trainer never auto-creates a topic).
 */
public final class TopicsKafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private final KafkaTestResource broker = new KafkaTestResource();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = broker.start();
        try (var admin = Admin.create(Map.<String, Object>of("bootstrap.servers", config.get("kafka.bootstrap.servers")))) {
            var topics = new ArrayList<NewTopic>();
            Topics.EVENT_TOPICS.forEach(t -> topics.add(new NewTopic(t, Topics.TRIAL_SUGGESTED.equals(t) ? 1 : 3, (short) 1)));
            Topics.deadLetterTopics().forEach(t -> topics.add(new NewTopic(t, 1, (short) 1)));
            admin.createTopics(List.copyOf(topics)).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the topics of the test", e);
        }
        return config;
    }

    @Override
    public void stop() {
        broker.stop();
    }
}
