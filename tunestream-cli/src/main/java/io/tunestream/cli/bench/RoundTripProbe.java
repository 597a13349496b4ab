package io.tunestream.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The physical limit: one record every {@code interval} produced to {@link #TOPIC} on the same broker
 * as the services, read back by the {@link TopicProbe}'s consumer, which records produce→consume
 * time. Two producers take turns, both {@code acks=all} and idempotent like the services' own:
 * {@code linger0} ({@code linger.ms=0}, what the decision loop's producers use) and {@code linger5}
 * (Kafka 4's default {@code linger.ms=5}). The value is {@code <label>|<send time in µs>}.
 */
final class RoundTripProbe implements AutoCloseable {

    static final String TOPIC = "bench.roundtrip";
    static final String LINGER_0 = "linger0";
    static final String LINGER_5 = "linger5";

    private final List<KafkaProducer<String, String>> producers = new ArrayList<>();
    private final List<String> labels = List.of(LINGER_0, LINGER_5);
    private final Thread thread;
    private final Duration interval;
    private volatile boolean running = true;

    private RoundTripProbe(String bootstrapServers, Duration interval) {
        this.interval = interval;
        for (String label : labels) {
            var config = new HashMap<String, Object>();
            config.put("bootstrap.servers", bootstrapServers);
            config.put("acks", "all");
            config.put("enable.idempotence", true);
            config.put("linger.ms", label.equals(LINGER_0) ? 0 : 5);
            config.put("client.id", "bench-roundtrip-" + label);
            producers.add(new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()));
        }
        thread = new Thread(this::run, "bench-roundtrip-producer");
        thread.setDaemon(true);
    }

    /** Creates {@link #TOPIC} (one partition) when missing; call before the probe's consumer assigns it. */
    static void createTopic(String bootstrapServers) {
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
                return;
            }
            admin.createTopics(Set.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + TOPIC + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + TOPIC, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not create " + TOPIC + " within 30 s", e);
        }
    }

    static RoundTripProbe start(String bootstrapServers, Duration interval) {
        var probe = new RoundTripProbe(bootstrapServers, interval);
        probe.thread.start();
        return probe;
    }

    private void run() {
        long sent = 0;
        while (running) {
            int which = (int) (sent++ % producers.size());
            producers.get(which).send(new ProducerRecord<>(TOPIC, labels.get(which), labels.get(which) + "|" + Micros.now()));
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producers.forEach(producer -> producer.close(Duration.ofSeconds(5)));
    }
}
