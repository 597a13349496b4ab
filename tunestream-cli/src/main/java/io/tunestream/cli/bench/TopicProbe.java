package io.tunestream.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.tunestream.contracts.Json;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialReported;

/**
 * Reads the loop's topics from their current end with a plain consumer configured like a trainer's
 * decision listener (no group, Kafka's default fetch settings), and stamps each record with the time it
 * arrived here. It stands in for the trainer: a STOP's latency is its arrival here minus the
 * {@code occurredAt} of the epoch report it answers (stamped by the trainer just before it sent that
 * report). It also reads {@link RoundTripProbe#TOPIC}, so both numbers come from one consumer on one broker.
 *
 * <p>{@link Mode#COUNT} only counts records (for throughput runs, where parsing every one here would
 * take CPU from the services); {@link Mode#FULL} also keeps every trial's timeline.
 */
final class TopicProbe implements AutoCloseable {

    enum Mode { COUNT, FULL }

    /** One attempt of a trial as the probe saw it; times in µs (the trainer's clock). */
    static final class Timeline {
        final String studyId;
        long startedAt = -1;
        long endedAt = -1;
        ReportKind finalKind;
        int finalEpoch;
        final List<Long> epochEnds = new ArrayList<>();

        Timeline(String studyId) {
            this.studyId = studyId;
        }
    }

    /** A STOP as it arrived: which epoch it answers, when results-service decided it and when it arrived here (µs). */
    record StopArrival(String studyId, String trialId, int epoch, long decidedAt, long arrivedAt) {
    }

    final AtomicLong epochReports = new AtomicLong();
    final AtomicLong otherReports = new AtomicLong();
    final AtomicLong decisions = new AtomicLong();
    final AtomicLong suggestions = new AtomicLong();
    private final Map<String, Timeline> timelines = new ConcurrentHashMap<>();
    /** trialId#epoch → occurredAt (µs) of the EPOCH report. */
    private final Map<String, Long> epochTimes = new ConcurrentHashMap<>();
    private final List<StopArrival> stops = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Double>> roundTrips = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final Mode mode;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private TopicProbe(String bootstrapServers, Mode mode) {
        this.mode = mode;
        var config = new HashMap<String, Object>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("client.id", "bench-probe");
        config.put("enable.auto.commit", false);
        config.put("auto.offset.reset", "latest");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        var partitions = new ArrayList<TopicPartition>();
        for (String topic : List.of(Topics.TRIAL_REPORTED, Topics.TRIAL_DECIDED, Topics.TRIAL_SUGGESTED, RoundTripProbe.TOPIC)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::run, "bench-probe");
        this.thread.setDaemon(true);
    }

    /** Starts reading from the topics' current ends; the topics must exist. */
    static TopicProbe start(String bootstrapServers, Mode mode) {
        var probe = new TopicProbe(bootstrapServers, mode);
        probe.thread.start();
        return probe;
    }

    private void run() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(200));
                long arrivedAt = Micros.now();
                for (var record : records) {
                    accept(record, arrivedAt);
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void accept(ConsumerRecord<String, String> record, long arrivedAt) {
        switch (record.topic()) {
            case Topics.TRIAL_REPORTED -> onReport(record.value());
            case Topics.TRIAL_DECIDED -> onDecision(record.value(), arrivedAt);
            case Topics.TRIAL_SUGGESTED -> suggestions.incrementAndGet();
            case RoundTripProbe.TOPIC -> {
                String[] parts = record.value().split("\\|");
                roundTrips.computeIfAbsent(parts[0], k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                        .add((arrivedAt - Long.parseLong(parts[1])) / 1000.0);
            }
            default -> { }
        }
    }

    private void onReport(String value) {
        if (mode == Mode.COUNT) {
            if (value.contains("\"kind\":\"EPOCH\"")) {
                epochReports.incrementAndGet();
            } else {
                otherReports.incrementAndGet();
            }
            return;
        }
        var report = Json.read(value, TrialReported.class);
        long at = Micros.of(report.occurredAt());
        var timeline = timelines.computeIfAbsent(report.trialId(), id -> new Timeline(report.studyId()));
        switch (report.kind()) {
            case STARTED -> {
                otherReports.incrementAndGet();
                timeline.startedAt = at;
            }
            case EPOCH -> {
                epochReports.incrementAndGet();
                epochTimes.put(report.trialId() + "#" + report.epoch(), at);
                synchronized (timeline) {
                    timeline.epochEnds.add(at);
                }
            }
            default -> {
                otherReports.incrementAndGet();
                timeline.endedAt = at;
                timeline.finalKind = report.kind();
                timeline.finalEpoch = report.epoch();
            }
        }
    }

    private void onDecision(String value, long arrivedAt) {
        decisions.incrementAndGet();
        if (mode == Mode.COUNT) {
            return;
        }
        var decision = Json.read(value, TrialDecided.class);
        if (decision.action() == DecisionAction.STOP && decision.epoch() >= 1) {
            stops.add(new StopArrival(decision.studyId(), decision.trialId(), decision.epoch(), Micros.of(decision.occurredAt()), arrivedAt));
        }
    }

    /** Which part of a STOP's trip {@link #stopLatencies} measures. */
    enum Leg {
        /** Epoch report stamped by the trainer → STOP arrived here: the whole trip. */
        TOTAL,
        /** Epoch report → results-service stamped its decision: trainer→broker→results and the referee. */
        TO_DECISION,
        /** Decision stamped → STOP arrived here: results→broker→trainer. */
        FROM_DECISION
    }

    /** Latencies in ms of the STOPs of the given study whose epoch report was seen. */
    List<Double> stopLatencies(String studyId, Leg leg) {
        var latencies = new ArrayList<Double>();
        synchronized (stops) {
            for (var stop : stops) {
                Long reportedAt = epochTimes.get(stop.trialId() + "#" + stop.epoch());
                if (stop.studyId().equals(studyId) && reportedAt != null) {
                    long micros = switch (leg) {
                        case TOTAL -> stop.arrivedAt() - reportedAt;
                        case TO_DECISION -> stop.decidedAt() - reportedAt;
                        case FROM_DECISION -> stop.arrivedAt() - stop.decidedAt();
                    };
                    latencies.add(micros / 1000.0);
                }
            }
        }
        return latencies;
    }

    List<Double> stopLatencies(String studyId) {
        return stopLatencies(studyId, Leg.TOTAL);
    }

    /** The STOPs of a study that arrived, by trial id. */
    Map<String, StopArrival> stops(String studyId) {
        var byTrial = new HashMap<String, StopArrival>();
        synchronized (stops) {
            stops.stream().filter(s -> s.studyId().equals(studyId)).forEach(s -> byTrial.putIfAbsent(s.trialId(), s));
        }
        return byTrial;
    }

    /** The trials of a study seen so far (trial id → timeline). */
    Map<String, Timeline> timelines(String studyId) {
        var result = new HashMap<String, Timeline>();
        timelines.forEach((id, timeline) -> {
            if (timeline.studyId.equals(studyId)) {
                result.put(id, timeline);
            }
        });
        return result;
    }

    /** Round trips (ms) per producer label since the last call; the samples are handed over and cleared. */
    Map<String, List<Double>> drainRoundTrips() {
        var drained = new HashMap<String, List<Double>>();
        roundTrips.forEach((label, samples) -> {
            synchronized (samples) {
                drained.put(label, new ArrayList<>(samples));
                samples.clear();
            }
        });
        return drained;
    }

    void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException("the benchmark's topic probe failed: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
