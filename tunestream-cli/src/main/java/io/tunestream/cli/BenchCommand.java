package io.tunestream.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.tunestream.cli.bench.SystemBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tunestream bench}: the system benchmarks of docs/benchmarks/system.md, each starting its own
 * local cluster (broker and services as processes) and writing {@code <out>/<name>[-<label>].json}.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        header = "Measure the loop against the broker's own round trip (docs/benchmarks/system.md).",
        description = "Each subcommand starts Kafka and the services as processes on this machine, runs synthetic studies, "
                + "measures from the outside, writes JSON under --out and stops everything again.",
        subcommands = {BenchCommand.Latency.class, BenchCommand.Utilization.class, BenchCommand.Scaling.class,
                BenchCommand.Throughput.class})
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    TunestreamCli parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Options every benchmark shares. */
    static final class Common {
        @ParentCommand
        BenchCommand bench;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "docs/benchmarks/system",
                description = "Where the JSON results go, relative to the repository (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--label", paramLabel = "NAME", defaultValue = "",
                description = "Suffix of the result files, e.g. 'before' for a run with --kafka-defaults.")
        String label;

        @Option(names = "--kafka-defaults",
                description = "Run the services as before the benchmark's fixes: producers with Kafka 4's linger.ms=5 and every "
                        + "epoch report awaited (tunestream.trainer.epoch-reports-in-flight=0).")
        boolean kafkaDefaults;

        @Option(names = "--property", paramLabel = "KEY=VALUE", description = "A property for every service (repeatable).")
        Map<String, String> properties = new LinkedHashMap<>();

        @Option(names = "--port-base", paramLabel = "PORT", defaultValue = "19080",
                description = "Suggester on PORT, results on PORT+1, trainers from PORT+2 (default: ${DEFAULT-VALUE}).")
        int portBase;

        @Option(names = "--study-timeout", paramLabel = "DURATION", defaultValue = "PT5M", converter = DurationConverter.class,
                description = "Longest wait for one benchmark study (default: 5m).")
        Duration studyTimeout;

        @Option(names = "--warmup-trials", paramLabel = "N", defaultValue = "300",
                description = "Trials of a discarded warm-up study before the measured ones (default: ${DEFAULT-VALUE}; 0: none).")
        int warmupTrials;

        @Option(names = "--jvm-option", paramLabel = "OPTION",
                description = "An extra JVM option of every started process, e.g. -XX:StartFlightRecording=... (repeatable).")
        List<String> jvmOptions = new java.util.ArrayList<>();

        SystemBench bench(CommandSpec command) {
            Path repo = bench.parent.repo();
            var services = new LinkedHashMap<String, String>();
            var trainers = new LinkedHashMap<String, String>();
            if (kafkaDefaults) {
                services.put("tunestream.loop.linger-ms", "5");
                trainers.put("tunestream.trainer.epoch-reports-in-flight", "0");
            }
            services.putAll(properties);
            var settings = new SystemBench.Settings(repo, repo.resolve(out), repo.resolve("target").resolve("tunestream-bench"),
                    portBase, label, services, trainers, studyTimeout, warmupTrials, jvmOptions);
            return new SystemBench(settings, command.commandLine().getOut());
        }
    }

    @Command(name = "latency", mixinStandardHelpOptions = true,
            description = "Epoch report -> STOP arrival (p50/p99/max) next to the raw produce->consume round trip, same broker, same run.")
    static final class Latency implements Callable<Integer> {
        @Mixin
        Common common;
        @Spec
        CommandSpec spec;
        @Option(names = "--slots", defaultValue = "4", description = "Slots of the one trainer = maxParallel (default: ${DEFAULT-VALUE}).")
        int slots;
        @Option(names = "--trials", defaultValue = "200", description = "Trials per study (default: ${DEFAULT-VALUE}).")
        int trials;
        @Option(names = "--max-epochs", defaultValue = "9", description = "Epochs per trial, R (default: ${DEFAULT-VALUE}).")
        int maxEpochs;
        @Option(names = "--epoch-millis", defaultValue = "50", description = "Synthetic epoch time (default: ${DEFAULT-VALUE}).")
        long epochMillis;
        @Option(names = "--schedulers", split = ",", defaultValue = "asha,hyperband", description = "Default: ${DEFAULT-VALUE}.")
        List<String> schedulers;

        @Override
        public Integer call() {
            common.bench(spec).latency(slots, trials, maxEpochs, epochMillis, schedulers);
            return 0;
        }
    }

    @Command(name = "utilization", mixinStandardHelpOptions = true,
            description = "Fraction of slot-time spent training, 16 and 64 slots, ASHA and Hyperband, synthetic epochs.")
    static final class Utilization implements Callable<Integer> {
        @Mixin
        Common common;
        @Spec
        CommandSpec spec;
        @Option(names = "--shapes", split = ",", defaultValue = "1x16,2x32",
                description = "Clusters as TRAINERSxSLOTS (default: ${DEFAULT-VALUE}).")
        List<String> shapes;
        @Option(names = "--trials-per-slot", defaultValue = "40", description = "Default: ${DEFAULT-VALUE}.")
        int trialsPerSlot;
        @Option(names = "--max-epochs", defaultValue = "27", description = "Default: ${DEFAULT-VALUE}.")
        int maxEpochs;
        @Option(names = "--epoch-millis", defaultValue = "50", description = "Default: ${DEFAULT-VALUE}.")
        long epochMillis;
        @Option(names = "--schedulers", split = ",", defaultValue = "asha,hyperband", description = "Default: ${DEFAULT-VALUE}.")
        List<String> schedulers;

        @Override
        public Integer call() {
            common.bench(spec).utilization(shapes.stream().map(BenchCommand::shape).toList(), schedulers, trialsPerSlot, maxEpochs, epochMillis);
            return 0;
        }
    }

    @Command(name = "scaling", mixinStandardHelpOptions = true,
            description = "Fixed budget, 1/2/4/8/16 trainer processes of one slot each: wall time and speedup vs ideal.")
    static final class Scaling implements Callable<Integer> {
        @Mixin
        Common common;
        @Spec
        CommandSpec spec;
        @Option(names = "--trainers", defaultValue = "16", description = "Trainer processes started (default: ${DEFAULT-VALUE}).")
        int trainers;
        @Option(names = "--parallel", split = ",", defaultValue = "1,2,4,8,16", description = "Default: ${DEFAULT-VALUE}.")
        List<Integer> parallel;
        @Option(names = "--trials", defaultValue = "48", description = "Default: ${DEFAULT-VALUE}.")
        int trials;
        @Option(names = "--max-epochs", defaultValue = "4", description = "Default: ${DEFAULT-VALUE}.")
        int maxEpochs;
        @Option(names = "--epoch-millis", defaultValue = "50", description = "Default: ${DEFAULT-VALUE}.")
        long epochMillis;

        @Override
        public Integer call() {
            common.bench(spec).scaling(trainers, parallel, trials, maxEpochs, epochMillis);
            return 0;
        }
    }

    @Command(name = "throughput", mixinStandardHelpOptions = true,
            description = "Zero-time synthetic epochs, many studies at once: events/s through trainer -> results -> decisions, CPU per 1,000 events.")
    static final class Throughput implements Callable<Integer> {
        @Mixin
        Common common;
        @Spec
        CommandSpec spec;
        @Option(names = "--shape", defaultValue = "1x16", description = "TRAINERSxSLOTS (default: ${DEFAULT-VALUE}).")
        String shape;
        @Option(names = "--studies", defaultValue = "8", description = "Default: ${DEFAULT-VALUE}.")
        int studies;
        @Option(names = "--max-epochs", defaultValue = "243",
                description = "R: ASHA's rungs at 1, 3, ..., 243 epochs; long trials keep the slots reporting (default: ${DEFAULT-VALUE}).")
        int maxEpochs;
        @Option(names = "--warmup", defaultValue = "PT15S", converter = DurationConverter.class, description = "Default: 15s.")
        Duration warmup;
        @Option(names = "--duration", defaultValue = "PT20S", converter = DurationConverter.class, description = "Default: 20s.")
        Duration duration;

        @Override
        public Integer call() {
            common.bench(spec).throughput(shape(shape), studies, maxEpochs, warmup, duration);
            return 0;
        }
    }

    static SystemBench.Shape shape(String text) {
        var parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw CliException.usage("a cluster shape must look like TRAINERSxSLOTS (e.g. 2x32), but was " + text);
        }
        try {
            return new SystemBench.Shape(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("a cluster shape must look like TRAINERSxSLOTS (e.g. 2x32), but was " + text);
        }
    }
}
