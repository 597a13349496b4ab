package io.tunestream.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tunestream.cli.client.StudyStatus;
import io.tunestream.cli.client.SuggesterClient;
import io.tunestream.cli.local.LocalCluster;
import io.tunestream.contracts.Json;

/**
 * The system benchmarks: each starts a {@link LocalCluster} of real service processes on the embedded
 * broker, runs synthetic studies through it, and measures from the outside ({@link TopicProbe},
 * {@link RoundTripProbe}, {@link ProcessCpu}). Each writes {@code <out>/<name>[-<label>].json}.
 */
public final class SystemBench {

    /** Trainer processes and slots per process of one cluster. */
    public record Shape(int trainers, int slots) {
        public Shape {
            if (trainers < 1 || slots < 1) {
                throw new IllegalArgumentException("`trainers` and `slots` must be >= 1, but were " + trainers + " and " + slots);
            }
        }

        int totalSlots() {
            return trainers * slots;
        }
    }

    /** How the cluster is started: ports, work directory, extra properties (e.g. Kafka's defaults for a before/after run). */
    public record Settings(Path repo, Path out, Path workDir, int portBase, String label, Map<String, String> serviceProperties,
                           Map<String, String> trainerProperties, Duration studyTimeout, int warmupTrials,
                           List<String> extraJvmOptions) {
        public Settings {
            extraJvmOptions = List.copyOf(extraJvmOptions);
            serviceProperties = Map.copyOf(serviceProperties);
            trainerProperties = Map.copyOf(trainerProperties);
        }
    }

    private static final Duration ROUND_TRIP_INTERVAL = Duration.ofMillis(10);
    private static final Duration SETTLE = Duration.ofMillis(1500);

    private final Settings settings;
    private final PrintWriter log;

    public SystemBench(Settings settings, PrintWriter log) {
        this.settings = settings;
        this.log = log;
    }

    /**
     * Decision latency: for each scheduler, one study of {@code trials} trials at {@code slots} at once,
     * epochs of {@code epochMillis}; every STOP's epoch-report→arrival time next to the raw round trips
     * measured while the study ran.
     */
    public Map<String, Object> latency(int slots, int trials, int maxEpochs, long epochMillis, List<String> schedulers) {
        var result = header("latency");
        result.put("shape", Map.of("trainers", 1, "slots", slots));
        result.put("study", Map.of("trials", trials, "maxParallel", slots, "maxEpochs", maxEpochs, "epochMillis", epochMillis));
        var runs = new ArrayList<Map<String, Object>>();
        var samples = new StringBuilder("scheduler,kind,millis\n");
        try (var cluster = start(new Shape(1, slots));
             var probe = probe(cluster, TopicProbe.Mode.FULL);
             var roundTrips = RoundTripProbe.start(cluster.bootstrapServers(), ROUND_TRIP_INTERVAL)) {
            warmUp(cluster, probe, slots);
            for (String scheduler : schedulers) {
                probe.drainRoundTrips();
                var studyId = runStudy(cluster, BenchStudies.spec("latency-" + scheduler, Optional.of(scheduler), trials, slots,
                        maxEpochs, epochMillis, 7), probe);
                var stops = probe.stopLatencies(studyId);
                var rtt = probe.drainRoundTrips();
                var run = new LinkedHashMap<String, Object>();
                run.put("scheduler", scheduler);
                run.put("studyId", studyId);
                var stop = Percentiles.of(stops);
                var raw0 = Percentiles.of(rtt.getOrDefault(RoundTripProbe.LINGER_0, List.of()));
                var raw5 = Percentiles.of(rtt.getOrDefault(RoundTripProbe.LINGER_5, List.of()));
                run.put("stopLatencyMillis", stop.toMap());
                run.put("reportToDecisionMillis", Percentiles.of(probe.stopLatencies(studyId, TopicProbe.Leg.TO_DECISION)).toMap());
                run.put("decisionToArrivalMillis", Percentiles.of(probe.stopLatencies(studyId, TopicProbe.Leg.FROM_DECISION)).toMap());
                run.put("roundTripMillis", raw0.toMap());
                run.put("roundTripLinger5Millis", raw5.toMap());
                run.put("p50OverRoundTripP50", Percentiles.round(stop.p50() / raw0.p50()));
                run.put("p99OverRoundTripP99", Percentiles.round(stop.p99() / raw0.p99()));
                var util = Utilization.of(probe.timelines(studyId), probe.stops(studyId), slots, epochMillis);
                run.put("epochsRunAfterStop", Percentiles.round(util.epochsAfterStop()));
                runs.add(run);
                log.printf("latency %-9s STOP %s | raw round trip %s | linger5 %s%n", scheduler, stop.describe("ms"),
                        raw0.describe("ms"), raw5.describe("ms"));
                log.printf("   legs: report->decision %s | decision->arrival %s%n",
                        Percentiles.of(probe.stopLatencies(studyId, TopicProbe.Leg.TO_DECISION)).describe("ms"),
                        Percentiles.of(probe.stopLatencies(studyId, TopicProbe.Leg.FROM_DECISION)).describe("ms"));
                stops.forEach(v -> samples.append(scheduler).append(",stop,").append(v).append('\n'));
                rtt.getOrDefault(RoundTripProbe.LINGER_0, List.of()).forEach(v -> samples.append(scheduler).append(",roundtrip,").append(v).append('\n'));
            }
        }
        result.put("runs", runs);
        write("latency", result);
        writeText("latency-samples", "csv", samples.toString());
        return result;
    }

    /**
     * Utilization: for each shape and scheduler, one study of {@code trialsPerSlot × slots} trials with
     * {@code maxParallel} = slots, epochs of {@code epochMillis}.
     */
    public Map<String, Object> utilization(List<Shape> shapes, List<String> schedulers, int trialsPerSlot, int maxEpochs, long epochMillis) {
        var result = header("utilization");
        result.put("study", Map.of("trialsPerSlot", trialsPerSlot, "maxEpochs", maxEpochs, "epochMillis", epochMillis));
        var runs = new ArrayList<Map<String, Object>>();
        result.put("runs", runs);
        var failures = new ArrayList<String>();
        result.put("failures", failures);
        for (var shape : shapes) {
            // Each shape is written as soon as it is measured; a shape that fails is recorded and the next one runs.
            try (var cluster = start(shape);
                 var probe = probe(cluster, TopicProbe.Mode.FULL);
                 var roundTrips = RoundTripProbe.start(cluster.bootstrapServers(), Duration.ofMillis(50))) {
                warmUp(cluster, probe, shape.totalSlots());
                for (String scheduler : schedulers) {
                    probe.drainRoundTrips();
                    int slots = shape.totalSlots();
                    var studyId = runStudy(cluster, BenchStudies.spec("util-" + scheduler + "-" + slots, Optional.of(scheduler),
                            trialsPerSlot * slots, slots, maxEpochs, epochMillis, 11), probe);
                    var util = Utilization.of(probe.timelines(studyId), probe.stops(studyId), slots, epochMillis);
                    var stop = Percentiles.of(probe.stopLatencies(studyId));
                    var raw = Percentiles.of(probe.drainRoundTrips().getOrDefault(RoundTripProbe.LINGER_0, List.of()));
                    var run = new LinkedHashMap<String, Object>();
                    run.put("scheduler", scheduler);
                    run.put("trainers", shape.trainers());
                    run.put("slotsPerTrainer", shape.slots());
                    run.putAll(util.toMap());
                    run.put("stopLatencyMillis", stop.toMap());
                    run.put("roundTripMillis", raw.toMap());
                    runs.add(run);
                    log.printf(java.util.Locale.ROOT, "utilization %-9s slots=%d training %.4f holding %.4f (whole run %.4f) trials=%d window=%.1fs STOP %s%n",
                            scheduler, slots, util.training(), util.holding(), util.trainingWholeRun(), util.trials(),
                            util.windowSeconds(), stop.describe("ms"));
                    write("utilization", result);
                }
            } catch (RuntimeException e) {
                failures.add(shape.trainers() + "x" + shape.slots() + ": " + e.getMessage());
                log.printf("utilization: %dx%d failed: %s%n", shape.trainers(), shape.slots(), e.getMessage());
            }
        }
        write("utilization", result);
        return result;
    }

    /**
     * Scaling: {@code trainers} processes of one slot each; for each k, one study of a fixed budget
     * ({@code trials × maxEpochs} epochs, no early stopping) with {@code maxParallel} = k, so that k
     * processes train at once. Wall time from submission to the last final report.
     */
    public Map<String, Object> scaling(int trainers, List<Integer> parallel, int trials, int maxEpochs, long epochMillis) {
        var result = header("scaling");
        result.put("study", Map.of("trials", trials, "maxEpochs", maxEpochs, "epochMillis", epochMillis,
                "serialTrainingSeconds", trials * maxEpochs * epochMillis / 1000.0));
        var runs = new ArrayList<Map<String, Object>>();
        double base = Double.NaN;
        try (var cluster = start(new Shape(trainers, 1));
             var probe = probe(cluster, TopicProbe.Mode.FULL)) {
            warmUp(cluster, probe, trainers);
            for (int k : parallel) {
                if (k > trainers) {
                    log.printf("scaling: skipping k=%d (only %d trainer processes)%n", k, trainers);
                    continue;
                }
                long submitted = Micros.now();
                var studyId = runStudy(cluster, BenchStudies.spec("scaling-" + k, Optional.empty(), trials, k, maxEpochs, epochMillis, 3), probe);
                long lastEnd = probe.timelines(studyId).values().stream().mapToLong(t -> t.endedAt).max().orElse(submitted);
                double wall = (lastEnd - submitted) / 1e6;
                if (Double.isNaN(base)) {
                    base = wall * parallel.get(0);
                }
                double ideal = trials * maxEpochs * epochMillis / 1000.0 / k;
                var run = new LinkedHashMap<String, Object>();
                run.put("trainers", k);
                run.put("wallSeconds", Percentiles.round(wall));
                run.put("idealSeconds", Percentiles.round(ideal));
                run.put("speedup", Percentiles.round(base / wall));
                run.put("speedupOverIdeal", Percentiles.round(base / wall / k));
                run.put("idealOverWall", Percentiles.round(ideal / wall));
                runs.add(run);
                log.printf(java.util.Locale.ROOT, "scaling k=%2d wall %.2f s (ideal %.2f s) speedup %.2f (%.0f%% of ideal)%n",
                        k, wall, ideal, base / wall, 100 * base / wall / k);
            }
        }
        result.put("runs", runs);
        write("scaling", result);
        return result;
    }

    /**
     * Throughput: {@code studies} studies at once sharing every slot, zero-time epochs, ASHA; after a
     * warm-up, the records on each topic and each process's CPU over {@code duration}.
     */
    public Map<String, Object> throughput(Shape shape, int studies, int maxEpochs, Duration warmup, Duration duration) {
        var result = header("throughput");
        result.put("shape", Map.of("trainers", shape.trainers(), "slotsPerTrainer", shape.slots()));
        int perStudy = Math.max(1, shape.totalSlots() / studies);
        result.put("study", Map.of("studies", studies, "maxParallel", perStudy, "maxEpochs", maxEpochs, "epochMillis", 0, "scheduler", "asha"));
        try (var cluster = start(shape);
             var probe = probe(cluster, TopicProbe.Mode.COUNT)) {
            var suggester = new SuggesterClient(cluster.suggesterUrl(), java.util.Optional.of(cluster.apiToken()));
            var ids = new ArrayList<String>();
            for (int i = 0; i < studies; i++) {
                ids.add(suggester.submit(BenchStudies.spec("throughput-" + i, Optional.of("asha"), 100_000, perStudy, maxEpochs, 0, 100 + i),
                        SuggesterClient.SpecFormat.JSON).studyId());
            }
            sleep(warmup);
            cluster.checkHealthy();
            var cpu0 = ProcessCpu.sample(cluster.processes());
            long t0 = System.nanoTime();
            long e0 = probe.epochReports.get();
            long r0 = probe.otherReports.get();
            long d0 = probe.decisions.get();
            long s0 = probe.suggestions.get();
            sleep(duration);
            var cpu1 = ProcessCpu.sample(cluster.processes());
            double seconds = (System.nanoTime() - t0) / 1e9;
            long epochs = probe.epochReports.get() - e0;
            long others = probe.otherReports.get() - r0;
            long decisions = probe.decisions.get() - d0;
            long suggestions = probe.suggestions.get() - s0;
            cluster.checkHealthy();
            ids.forEach(suggester::stop);
            sleep(Duration.ofSeconds(3));
            // The same broker without the services: how many such records it moves per second here.
            String sample = io.tunestream.contracts.Json.write(io.tunestream.contracts.events.TrialReported.of(
                    new io.tunestream.contracts.events.TrialSuggested(io.tunestream.contracts.SchemaVersion.CURRENT, "throughput-0",
                            "throughput-0-t12345", 12345, Map.of("learning_rate", 0.0123, "momentum", 0.91, "hidden_layers", 2), maxEpochs,
                            "val_loss", new io.tunestream.contracts.spec.TrainerSpec("synthetic", Map.of()), 1, Instant.now()),
                    1, io.tunestream.contracts.events.ReportKind.EPOCH, 17,
                    Map.of("val_loss", 0.4321, "val_accuracy", 0.6491, "train_loss", 0.4012, "train_accuracy", 0.6695),
                    "trainer-host-12345", null));
            double raw = RawThroughput.measure(cluster.bootstrapServers(), 200_000, sample);
            log.printf(java.util.Locale.ROOT, "raw broker throughput: %.0f records/s of %d bytes (one producer, one consumer, same broker)%n",
                    raw, sample.length());
            var cpu = ProcessCpu.between(cpu0, cpu1);
            var rates = new LinkedHashMap<String, Object>();
            rates.put("seconds", Percentiles.round(seconds));
            rates.put("epochEventsPerSecond", Percentiles.round(epochs / seconds));
            rates.put("allReportsPerSecond", Percentiles.round((epochs + others) / seconds));
            rates.put("decisionsPerSecond", Percentiles.round(decisions / seconds));
            rates.put("suggestionsPerSecond", Percentiles.round(suggestions / seconds));
            rates.put("rawBrokerRecordsPerSecond", Percentiles.round(raw));
            rates.put("rawRecordBytes", sample.length());
            rates.put("epochEventsOverRaw", Percentiles.round(epochs / seconds / raw));
            result.put("rates", rates);
            var cpuPer1000 = new LinkedHashMap<String, Object>();
            cpu.forEach((name, millis) -> cpuPer1000.put(name, Percentiles.round(epochs == 0 ? Double.NaN : millis * 1000.0 / epochs)));
            result.put("cpuMillisPer1000EpochEvents", cpuPer1000);
            var cores = new LinkedHashMap<String, Object>();
            cpu.forEach((name, millis) -> cores.put(name, Percentiles.round(millis / 1000.0 / seconds)));
            result.put("coresUsed", cores);
            log.printf(java.util.Locale.ROOT, "throughput: %.0f epoch events/s, %.0f decisions/s, %.0f suggestions/s over %.1f s; CPU ms per 1000 epoch events %s%n",
                    epochs / seconds, decisions / seconds, suggestions / seconds, seconds, cpuPer1000);
        }
        write("throughput", result);
        return result;
    }

    private LocalCluster start(Shape shape) {
        var builder = LocalCluster.builder(settings.repo())
                .workDir(settings.workDir())
                .portBase(settings.portBase())
                .trainers(shape.trainers())
                .slotsPerTrainer(shape.slots())
                // Full JIT (C2): these are steady-state measurements; the demo's C1-only start-up tuning would understate them.
                .jvmOptions(jvmOptions())
                .startupTimeout(Duration.ofSeconds(240))
                .listener(message -> log.println("-- " + message));
        settings.serviceProperties().forEach(builder::serviceProperty);
        settings.trainerProperties().forEach(builder::trainerProperty);
        return builder.start();
    }

    /**
     * A discarded study first: the services' JIT compilers and Kafka clients warm up (C2 compiling takes
     * seconds of CPU on 2 cores), so that the measured studies see the steady state.
     */
    private void warmUp(LocalCluster cluster, TopicProbe probe, int slots) {
        if (settings.warmupTrials() <= 0) {
            return;
        }
        log.printf("warm-up: %d trials, not measured%n", settings.warmupTrials());
        runStudy(cluster, BenchStudies.spec("warmup", Optional.of("asha"), settings.warmupTrials(), slots, 9, 5, 1), probe);
        // Let the services drain what the warm-up left (decisions, metrics) before the measured study is submitted.
        sleep(Duration.ofSeconds(5));
    }

    private List<String> jvmOptions() {
        var options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
        options.addAll(settings.extraJvmOptions());
        return options;
    }

    private static TopicProbe probe(LocalCluster cluster, TopicProbe.Mode mode) {
        RoundTripProbe.createTopic(cluster.bootstrapServers());
        return TopicProbe.start(cluster.bootstrapServers(), mode);
    }

    /** Submits a study and waits until it is final and its last reports had time to arrive; returns its id. */
    private String runStudy(LocalCluster cluster, String spec, TopicProbe probe) {
        var suggester = new SuggesterClient(cluster.suggesterUrl(), java.util.Optional.of(cluster.apiToken()));
        StudyStatus status = suggester.submit(spec, SuggesterClient.SpecFormat.JSON);
        long deadline = System.nanoTime() + settings.studyTimeout().toNanos();
        while (!status.isFinal()) {
            if (System.nanoTime() > deadline) {
                suggester.stop(status.studyId());
                throw new IllegalStateException("study " + status.studyId() + " did not finish within " + settings.studyTimeout()
                        + " (" + status.trialsFinished() + " of " + status.trialsSuggested() + " trials finished)");
            }
            cluster.checkHealthy();
            probe.checkHealthy();
            sleep(Duration.ofMillis(200));
            status = suggester.study(status.studyId()).orElse(status);
        }
        sleep(SETTLE);
        return status.studyId();
    }

    private Map<String, Object> header(String benchmark) {
        var header = new LinkedHashMap<String, Object>();
        header.put("benchmark", benchmark);
        header.put("label", settings.label());
        header.put("startedAt", Instant.now().toString());
        header.put("cpus", Runtime.getRuntime().availableProcessors());
        header.put("loadAverageAtStart", loadAverage());
        header.put("serviceProperties", settings.serviceProperties());
        header.put("trainerProperties", settings.trainerProperties());
        return header;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void write(String name, Map<String, Object> result) {
        result.put("loadAverageAtEnd", loadAverage());
        try {
            writeText(name, "json", Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + name + " result as JSON: " + e.getMessage(), e);
        }
    }

    private void writeText(String name, String extension, String text) {
        var file = settings.out().resolve(name + (settings.label().isEmpty() ? "" : "-" + settings.label()) + "." + extension);
        try {
            Files.createDirectories(settings.out());
            Files.writeString(file, text);
            log.println("wrote " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
