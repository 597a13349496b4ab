package io.tunestream.trainer.config;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.tunestream.kafka.support.KafkaClientSettings;
import io.tunestream.trainer.backend.SyntheticBackend;
import io.tunestream.trainer.backend.builtin.BuiltinBackend;
import io.tunestream.trainer.backend.command.CommandBackend;
import io.tunestream.trainer.backend.command.GpuPool;
import io.tunestream.trainer.backend.command.ProgramSpec;
import io.tunestream.trainer.backend.TrainingBackend;
import io.tunestream.trainer.messaging.ReportPublisher;
import io.tunestream.trainer.messaging.TrialWorkHandler;
import io.tunestream.trainer.metrics.TrainerMetrics;
import io.tunestream.trainer.runner.StopRegistry;
import io.tunestream.trainer.runner.TrialRunner;
import io.tunestream.trainer.workqueue.WorkQueue;
import io.tunestream.trainer.workqueue.WorkQueueSettings;

/** Starts the work queue with the application and releases running trials when it stops. */
@ApplicationScoped
public class TrainerLifecycle {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(TrainerLifecycle.class);

    private final TrainerConfig config;
    private final Map<String, Object> kafkaConfig;
    private final ReportPublisher publisher;
    private final StopRegistry stops;
    private final MeterRegistry meters;
    private WorkQueue workQueue;

    @Inject
    public TrainerLifecycle(TrainerConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                            ReportPublisher publisher, StopRegistry stops, MeterRegistry meters) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.publisher = publisher;
        this.stops = stops;
        this.meters = meters;
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof("Kafka connection: %s", KafkaClientSettings.describe(kafkaConfig));
        if (!config.workQueueEnabled()) {
            return;
        }
        var workerId = workerId();
        var synthetic = new SyntheticBackend();
        var command = new CommandBackend(programs(), new GpuPool(config.gpuDevices().orElse(List.of())), config.stopGrace());
        var builtin = new BuiltinBackend(config.builtinThreads().map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty()),
                Path.of(config.modelDir()));
        Map<String, TrainingBackend> backends = Map.of(synthetic.name(), synthetic, command.name(), command, builtin.name(), builtin);
        var metrics = new TrainerMetrics(meters);
        var runner = new TrialRunner(metrics.timed(backends), metrics.counting(publisher), stops, workerId,
                config.epochReportsInFlight());
        var handler = new TrialWorkHandler(runner, publisher, config.maxAttempts(), workerId, meters);
        var settings = new WorkQueueSettings(KafkaClientSettings.connection(kafkaConfig), config.groupId(), config.slots(), config.lockDuration(),
                config.renewAfter(), config.maxAttempts(), config.pollTimeout());
        workQueue = new WorkQueue(settings, handler, workerId);
        workQueue.start();
        metrics.slots(workQueue);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (workQueue != null) {
            workQueue.close();
        }
    }

    private Map<String, ProgramSpec> programs() {
        var programs = new HashMap<String, ProgramSpec>();
        config.programs().forEach((name, program) -> programs.put(name, new ProgramSpec(name, program.command(),
                Path.of(program.workingDir().orElse(".")).toAbsolutePath(), program.env(), program.timeout())));
        if (!programs.isEmpty()) {
            LOG.infof("command backend programs: %s", programs.keySet());
        }
        return programs;
    }

    private static String workerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "trainer";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    @Produces
    @ApplicationScoped
    StopRegistry stopRegistry() {
        return new StopRegistry();
    }
}
