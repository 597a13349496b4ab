package io.tunestream.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The whole system on this machine, each part its own JVM: the embedded KRaft broker (unless
 * bootstrap servers are given), results-service, suggester-service and N trainer-services. Started in
 * that order, each awaited until ready (the broker's bootstrap file, the services' {@code /q/health/ready});
 * stopped (services together, then the broker) by {@link #close()}, or by a JVM shutdown hook on Ctrl-C, failure or timeout.
 *
 * <pre>{@code
 * try (var cluster = LocalCluster.builder(repo).trainers(2).portBase(18080).start()) {
 *     var suggester = cluster.suggesterUrl();
 *     ...
 * }
 * }</pre>
 *
 * <p>REST authentication: the cluster gives suggester-service and results-service one bearer token
 * ({@link #apiToken()}, random per cluster unless {@link Builder#apiToken(String)} sets one) through
 * their environment ({@code TUNESTREAM_API_TOKENS}, never on a command line that {@code ps} shows);
 * its clients send it.
 *
 * <p>Ports: suggester {@code portBase}, results {@code portBase+1}, trainer {@code i} {@code portBase+2+i}.
 * Every process logs to {@code <workDir>/<name>.log}; the broker keeps its data in a fresh
 * {@code <workDir>/kafka-data}. A lock file keeps two clusters off one work directory.
 */
public final class LocalCluster implements AutoCloseable {

    public static final String BROKER = "kafka";
    public static final String RESULTS = "results-service";
    public static final String SUGGESTER = "suggester-service";
    public static final String TRAINER_PREFIX = "trainer-";
    /** The services' environment variable for their accepted tokens ({@code tunestream.api.tokens}). */
    public static final String API_TOKENS_ENV = "TUNESTREAM_API_TOKENS";

    private static final int LOG_LINES_ON_FAILURE = 25;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Path SHELL = Path.of("/bin/sh");

    private final Settings settings;
    private final ModuleJars jars;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Started processes in start order (the broker first); stopped from the end. */
    private final List<ManagedProcess> started = new ArrayList<>();
    private final ManagedProcess[] trainers;
    private final boolean[] trainerKilled;
    /** The current suggester and results-service (replaced by a restart), and those killed on purpose. */
    private ManagedProcess suggester;
    private ManagedProcess results;
    private final java.util.Set<ManagedProcess> killedServices = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final Thread shutdownHook = new Thread(this::closeFromHook, "tunestream-local-cluster-shutdown");
    private String bootstrapServers;
    /** Client settings the embedded broker asks for (SASL), passed to the services as KAFKA_* variables. */
    private Map<String, String> kafkaClientSettings = Map.of();
    private FileChannel lockChannel;
    private FileLock lock;
    private boolean closed;

    private LocalCluster(Settings settings) {
        this.settings = settings;
        this.jars = ModuleJars.in(settings.repo);
        this.trainers = new ManagedProcess[settings.trainers];
        this.trainerKilled = new boolean[settings.trainers];
    }

    public static Builder builder(Path repo) {
        return new Builder(repo);
    }

    /**
     * Checks jars and ports, then starts every process and waits until each is ready. On any failure
     * whatever was started is stopped again before the {@link LocalClusterException} is thrown.
     */
    public LocalCluster start() {
        synchronized (this) {
            if (closed || !started.isEmpty()) {
                throw new IllegalStateException("a LocalCluster starts once");
            }
            Ports.requireFree(portOwners());
            jars.requireAll();
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        try {
            prepareWorkDir();
            writeTokenFile();
            long begin = System.nanoTime();
            bootstrapServers = settings.bootstrapServers.orElseGet(this::launchBroker);
            var services = new ArrayList<ManagedProcess>();
            results = startService(RESULTS, jars.results(), settings.portBase + 1, Map.of());
            services.add(results);
            suggester = startService(SUGGESTER, jars.suggester(), settings.portBase, Map.of());
            services.add(suggester);
            for (int i = 0; i < settings.trainers; i++) {
                trainers[i] = startTrainer(i);
                services.add(trainers[i]);
            }
            awaitReady(services);
            settings.listener.accept("all " + services.size() + " services ready ("
                    + seconds(Duration.ofNanos(System.nanoTime() - begin)) + " after the first start)");
            return this;
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** The bearer token suggester-service and results-service accept (pass it to the REST clients). */
    public String apiToken() {
        return settings.apiToken;
    }

    /**
     * The Kafka client settings besides the bootstrap servers that reach this cluster's broker: empty
     * for the default PLAINTEXT broker, the SASL settings with {@link Builder#kafkaSaslPlain()}.
     */
    public synchronized Map<String, String> kafkaClientSettings() {
        return kafkaClientSettings;
    }

    public String bootstrapServers() {
        return Objects.requireNonNull(bootstrapServers, "the cluster is not started");
    }

    /** {@code http://127.0.0.1:<portBase>}. */
    public URI suggesterUrl() {
        return url(settings.portBase);
    }

    /** {@code http://127.0.0.1:<portBase+1>}. */
    public URI resultsUrl() {
        return url(settings.portBase + 1);
    }

    public URI trainerUrl(int index) {
        checkTrainerIndex(index);
        return url(trainerPort(index));
    }

    public int trainerCount() {
        return settings.trainers;
    }

    public Path workDir() {
        return settings.workDir;
    }

    /** The processes this cluster started, in start order. */
    public synchronized List<ManagedProcess> processes() {
        return List.copyOf(started);
    }

    /** Where a process logs, by name ({@link #BROKER}, {@link #RESULTS}, {@code trainer-0}, ...). */
    public Path logFile(String processName) {
        return settings.workDir.resolve(processName + ".log");
    }

    /** SIGKILLs trainer {@code index} (0-based), as a crash would; {@link #checkHealthy()} then ignores it. */
    public synchronized void killTrainer(int index) {
        checkTrainerIndex(index);
        trainerKilled[index] = true;
        trainers[index].kill();
        settings.listener.accept("killed " + trainers[index].name());
    }

    /** Starts trainer {@code index} again after {@link #killTrainer(int)} and waits until it is ready. */
    public void restartTrainer(int index) {
        checkTrainerIndex(index);
        ManagedProcess trainer;
        synchronized (this) {
            if (trainers[index].isAlive()) {
                throw new IllegalStateException(trainers[index].name() + " is still running");
            }
            trainer = startTrainer(index);
            trainers[index] = trainer;
            trainerKilled[index] = false;
        }
        awaitReady(List.of(trainer));
    }

    /** Whether trainer {@code index} runs (a trial's program may have killed it). */
    public synchronized boolean isTrainerAlive(int index) {
        checkTrainerIndex(index);
        return trainers[index].isAlive();
    }

    /**
     * Stops broker {@code brokerId} of the embedded cluster (0 for a single node; 0..n-1 with
     * {@link Builder#brokers(int)}), as a lost node would, and waits until it is down. The broker
     * process and the KRaft controller keep running; {@link #startBroker(int)} brings the broker back
     * on the same port with the same log directory.
     */
    public void stopBroker(int brokerId) {
        brokerControl("stop-broker-" + brokerId);
    }

    /** Starts a broker stopped by {@link #stopBroker(int)} and waits until it has started. */
    public void startBroker(int brokerId) {
        brokerControl("start-broker-" + brokerId);
    }

    private Path brokerControlDir() {
        return settings.workDir.resolve("kafka-control");
    }

    private void brokerControl(String request) {
        if (settings.bootstrapServers.isPresent()) {
            throw new IllegalStateException("this cluster uses an external Kafka at " + settings.bootstrapServers.get() + "; it cannot stop its brokers");
        }
        var dir = brokerControlDir();
        var done = dir.resolve(request + ".done");
        var failed = dir.resolve(request + ".failed");
        try {
            Files.deleteIfExists(done);
            Files.deleteIfExists(failed);
            var tmp = dir.resolve(request + ".tmp");
            Files.writeString(tmp, request);
            Files.move(tmp, dir.resolve(request), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LocalClusterException("cannot ask the broker to " + request + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + settings.startupTimeout.toNanos();
        while (!Files.exists(done)) {
            try {
                if (Files.exists(failed)) {
                    throw new LocalClusterException("the broker could not " + request + ": " + Files.readString(failed));
                }
            } catch (IOException e) {
                throw new LocalClusterException("cannot read " + failed + ": " + e.getMessage(), e);
            }
            if (System.nanoTime() > deadline) {
                throw new LocalClusterException("the broker did not " + request + " within " + seconds(settings.startupTimeout));
            }
            sleep(POLL);
        }
        settings.listener.accept(request.replace('-', ' ') + ": done");
    }

    /** SIGKILLs the suggester, as a crash would; {@link #checkHealthy()} then ignores it. */
    public synchronized void killSuggester() {
        killService(suggester);
    }

    /** Starts the suggester again after {@link #killSuggester()} and waits until it is ready (its studies recovered). */
    public void restartSuggester() {
        ManagedProcess restarted;
        synchronized (this) {
            requireKilled(suggester);
            restarted = startService(SUGGESTER, jars.suggester(), settings.portBase, Map.of());
            suggester = restarted;
        }
        awaitReady(List.of(restarted));
    }

    /** SIGKILLs results-service, as a crash would; {@link #checkHealthy()} then ignores it. */
    public synchronized void killResults() {
        killService(results);
    }

    /** Starts results-service again after {@link #killResults()} and waits until it is ready. */
    public void restartResults() {
        ManagedProcess restarted;
        synchronized (this) {
            requireKilled(results);
            restarted = startService(RESULTS, jars.results(), settings.portBase + 1, Map.of());
            results = restarted;
        }
        awaitReady(List.of(restarted));
    }

    private void killService(ManagedProcess service) {
        Objects.requireNonNull(service, "the cluster is not started");
        killedServices.add(service);
        service.kill();
        settings.listener.accept("killed " + service.name());
    }

    private static void requireKilled(ManagedProcess service) {
        if (service == null || service.isAlive()) {
            throw new IllegalStateException((service == null ? "the service" : service.name()) + " is still running");
        }
    }

    /**
     * Throws {@link LocalClusterException} (with the log's last lines) when a process that should be
     * running has exited.
     */
    public synchronized void checkHealthy() {
        if (closed) {
            throw new LocalClusterException("the local cluster has been shut down");
        }
        for (var process : started) {
            if (!process.isAlive() && !isKilledTrainer(process) && !killedServices.contains(process)) {
                throw new LocalClusterException(process.describeFailure("exited unexpectedly", LOG_LINES_ON_FAILURE));
            }
        }
    }

    /**
     * Stops the services together, then the broker (SIGTERM, then SIGKILL after the grace period) and
     * waits for each to exit. Idempotent; never throws.
     */
    @Override
    public void close() {
        closeProcesses();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // shutting down already (we may be the hook), or the hook was never registered
        }
    }

    private synchronized void closeProcesses() {
        if (closed) {
            return;
        }
        closed = true;
        var running = new ArrayList<>(started);
        if (running.stream().anyMatch(ManagedProcess::isAlive)) {
            settings.listener.accept("stopping " + running.stream().filter(ManagedProcess::isAlive).map(ManagedProcess::name).toList());
        }
        // The services first, all together (each takes seconds to leave its consumer groups, and none
        // depends on another to stop; trainers release their trials to the broker), the broker last.
        var services = running.stream().filter(p -> !p.name().equals(BROKER)).toList();
        stopBatch(services);
        stopBatch(running.stream().filter(p -> p.name().equals(BROKER)).toList());
        releaseLock();
    }

    private void stopBatch(List<ManagedProcess> batch) {
        var alive = batch.stream().filter(ManagedProcess::isAlive).toList();
        if (alive.isEmpty()) {
            return;
        }
        long begin = System.nanoTime();
        try {
            var killed = ManagedProcess.stopAll(alive, settings.stopGrace);
            var took = seconds(Duration.ofNanos(System.nanoTime() - begin));
            for (var process : alive) {
                settings.listener.accept(killed.contains(process)
                        ? process.name() + " did not stop within " + seconds(settings.stopGrace) + ": killed it"
                        : "stopped " + process.name() + " (" + took + ")");
            }
        } catch (RuntimeException e) {
            settings.listener.accept("could not stop " + alive.stream().map(ManagedProcess::name).toList() + ": " + e.getMessage());
        }
    }

    private void closeFromHook() {
        boolean wasRunning;
        synchronized (this) {
            wasRunning = !closed && started.stream().anyMatch(ManagedProcess::isAlive);
        }
        if (wasRunning) {
            settings.listener.accept("shutting down: stopping the local cluster");
        }
        closeProcesses();
    }

    private Map<Integer, String> portOwners() {
        var owners = new LinkedHashMap<Integer, String>();
        owners.put(settings.portBase, SUGGESTER);
        owners.put(settings.portBase + 1, RESULTS);
        for (int i = 0; i < settings.trainers; i++) {
            owners.put(trainerPort(i), TRAINER_PREFIX + i);
        }
        return owners;
    }

    private int trainerPort(int index) {
        return settings.portBase + 2 + index;
    }

    private void prepareWorkDir() {
        try {
            Files.createDirectories(settings.workDir);
            lockChannel = FileChannel.open(settings.workDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new LocalClusterException("work directory " + settings.workDir + " is in use by another local cluster; choose another work directory");
            }
        } catch (IOException e) {
            throw new LocalClusterException("cannot use work directory " + settings.workDir + ": " + e.getMessage(), e);
        }
    }

    /** The token file, readable by this user only (for curl and the CLI while the cluster runs). */
    public Path apiTokenFile() {
        return settings.workDir.resolve("api-token");
    }

    private void writeTokenFile() {
        var file = apiTokenFile();
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, settings.apiToken + System.lineSeparator());
            settings.listener.accept("REST API token of this run (for curl or --token) in " + displayPath(file));
        } catch (IOException e) {
            throw new LocalClusterException("cannot write the API token file " + file + ": " + e.getMessage(), e);
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }

    private String launchBroker() {
        var dataDir = settings.workDir.resolve("kafka-data");
        deleteRecursively(brokerControlDir());
        var bootstrapFile = settings.workDir.resolve("kafka.bootstrap");
        deleteRecursively(dataDir);
        try {
            Files.deleteIfExists(bootstrapFile);
        } catch (IOException e) {
            throw new LocalClusterException("cannot delete " + bootstrapFile + ": " + e.getMessage(), e);
        }
        var command = java(settings.brokerHeap);
        command.addAll(List.of("-jar", jars.broker().toString(),
                "--bootstrap-file", bootstrapFile.toString(), "--data-dir", dataDir.toString(),
                "--brokers", String.valueOf(settings.brokers), "--control-dir", brokerControlDir().toString()));
        var clientConfig = settings.workDir.resolve("kafka-client.properties");
        if (settings.kafkaSaslPlain) {
            command.addAll(List.of("--sasl-plain", "--client-config-file", clientConfig.toString()));
        }
        var broker = launch(BROKER, command, Map.of());
        long deadline = System.nanoTime() + settings.startupTimeout.toNanos();
        while (!Files.exists(bootstrapFile)) {
            if (!broker.isAlive()) {
                throw new LocalClusterException(broker.describeFailure("exited before it was ready", LOG_LINES_ON_FAILURE));
            }
            if (System.nanoTime() > deadline) {
                throw new LocalClusterException(broker.describeFailure("was not ready within " + seconds(settings.startupTimeout), LOG_LINES_ON_FAILURE));
            }
            sleep(Duration.ofMillis(100));
        }
        try {
            if (settings.kafkaSaslPlain) {
                var properties = new java.util.Properties();
                try (var in = Files.newBufferedReader(clientConfig)) {
                    properties.load(in);
                }
                var clientSettings = new java.util.TreeMap<String, String>();
                properties.stringPropertyNames().forEach(key -> clientSettings.put(key, properties.getProperty(key)));
                synchronized (this) {
                    kafkaClientSettings = java.util.Collections.unmodifiableMap(clientSettings);
                }
            }
            var servers = Files.readString(bootstrapFile).trim();
            settings.listener.accept("Kafka broker ready at " + servers + " (" + seconds(broker.uptime()) + ")");
            return servers;
        } catch (IOException e) {
            throw new LocalClusterException("cannot read " + bootstrapFile + ": " + e.getMessage(), e);
        }
    }

    private ManagedProcess startTrainer(int index) {
        var properties = new LinkedHashMap<String, String>();
        properties.put("tunestream.trainer.slots", String.valueOf(settings.slotsPerTrainer));
        properties.putAll(settings.trainerProperties);
        return startService(TRAINER_PREFIX + index, jars.trainer(), trainerPort(index), properties);
    }

    private ManagedProcess startService(String name, Path jar, int port, Map<String, String> properties) {
        var command = java(settings.serviceHeap);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.banner.enabled=false");
        settings.serviceProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        var environment = new LinkedHashMap<String, String>();
        // Kafka security reaches the services as a user's would: KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_JAAS_CONFIG, ...
        kafkaClientSettings().forEach((key, value) -> environment.put("KAFKA_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), value));
        environment.putAll(settings.serviceEnvironment);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        if (name.equals(SUGGESTER) || name.equals(RESULTS)) {
            environment.put(API_TOKENS_ENV, settings.apiToken);
        }
        return launch(name, command, environment);
    }

    private synchronized ManagedProcess launch(String name, List<String> command, Map<String, String> environment) {
        if (closed) {
            throw new LocalClusterException("the local cluster is shutting down; not starting " + name);
        }
        var process = ManagedProcess.start(name, command, environment, settings.workDir, logFile(name));
        started.add(process);
        settings.listener.accept("started " + name + " (pid " + process.pid() + ", log " + displayPath(process.log()) + ")");
        return process;
    }

    /**
     * The JVM command line of a child. Where there is a POSIX shell, the child starts with SIGINT
     * ignored (the JVM then installs no handler for it): a Ctrl-C in the terminal reaches the whole
     * process group, and the children must not all stop at once, the broker before the services that
     * still write to it. This JVM's shutdown hook stops them in order instead.
     */
    private List<String> java(String heap) {
        var command = new ArrayList<String>();
        if (Files.isExecutable(SHELL)) {
            command.addAll(List.of(SHELL.toString(), "-c", "trap '' INT; exec \"$@\"", "sh"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(settings.jvmOptions);
        return command;
    }

    /** Polls every pending service's readiness until all are ready, one dies, or time runs out. */
    private void awaitReady(List<ManagedProcess> services) {
        var pending = new ArrayList<>(services);
        long deadline = System.nanoTime() + settings.startupTimeout.toNanos();
        while (!pending.isEmpty()) {
            for (var it = pending.iterator(); it.hasNext(); ) {
                var service = it.next();
                if (!service.isAlive()) {
                    throw new LocalClusterException(service.describeFailure("exited before it was ready", LOG_LINES_ON_FAILURE));
                }
                if (isReady(portOf(service))) {
                    settings.listener.accept(service.name() + " ready on " + url(portOf(service)) + " (" + seconds(service.uptime()) + ")");
                    it.remove();
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                int lines = pending.size() == 1 ? LOG_LINES_ON_FAILURE : 10;
                var failures = new ArrayList<String>();
                failures.add(pending.stream().map(ManagedProcess::name).toList() + " not ready within "
                        + seconds(settings.startupTimeout) + " (they use Kafka at " + bootstrapServers + ")");
                pending.forEach(service -> failures.add(service.describeFailure("was not ready (GET " + url(portOf(service))
                        + "/q/health/ready)", lines)));
                throw new LocalClusterException(String.join(System.lineSeparator(), failures));
            }
            sleep(POLL);
        }
    }

    private int portOf(ManagedProcess service) {
        if (service.name().equals(SUGGESTER)) {
            return settings.portBase;
        }
        if (service.name().equals(RESULTS)) {
            return settings.portBase + 1;
        }
        return trainerPort(Integer.parseInt(service.name().substring(TRAINER_PREFIX.length())));
    }

    private boolean isReady(int port) {
        var request = HttpRequest.newBuilder(url(port).resolve("/q/health/ready")).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalClusterException("interrupted while waiting for the services", e);
        }
    }

    private boolean isKilledTrainer(ManagedProcess process) {
        for (int i = 0; i < trainers.length; i++) {
            if (trainers[i] == process) {
                return trainerKilled[i];
            }
        }
        // an older incarnation of a restarted trainer
        return process.name().startsWith(TRAINER_PREFIX) && Stream.of(trainers).noneMatch(t -> t == process);
    }

    private void checkTrainerIndex(int index) {
        if (index < 0 || index >= settings.trainers) {
            throw new IllegalArgumentException("`index` must be between 0 and " + (settings.trainers - 1) + ", but was " + index);
        }
    }

    private static URI url(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    private String displayPath(Path path) {
        var cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalClusterException("interrupted while starting the local cluster", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new LocalClusterException("cannot clear the broker's data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private record Settings(Path repo, Path workDir, int brokers, boolean kafkaSaslPlain, int trainers, int slotsPerTrainer, int portBase,
                            Optional<String> bootstrapServers, String serviceHeap, String brokerHeap,
                            List<String> jvmOptions, Map<String, String> serviceProperties,
                            Map<String, String> trainerProperties, Map<String, String> serviceEnvironment,
                            String apiToken, Duration startupTimeout, Duration stopGrace, Consumer<String> listener) {
        @Override
        public String toString() {
            return "Settings[workDir=" + workDir + ", trainers=" + trainers + ", portBase=" + portBase + "]";
        }
    }

    /** Settings of a {@link LocalCluster}; every one has a default fit for a 2-core machine. */
    public static final class Builder {
        private final Path repo;
        private Path workDir;
        private int brokers = 1;
        private boolean kafkaSaslPlain;
        private int trainers = 2;
        private int slotsPerTrainer = 2;
        private int portBase = 18080;
        private Optional<String> bootstrapServers = Optional.empty();
        private String serviceHeap = "384m";
        private String brokerHeap = "512m";
        private List<String> jvmOptions = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");
        private final Map<String, String> serviceProperties = new LinkedHashMap<>();
        private final Map<String, String> trainerProperties = new LinkedHashMap<>();
        private final Map<String, String> serviceEnvironment = new LinkedHashMap<>();
        private String apiToken = randomToken();
        private Duration startupTimeout = Duration.ofSeconds(120);
        private Duration stopGrace = Duration.ofSeconds(10);
        private Consumer<String> listener = message -> { };

        private Builder(Path repo) {
            this.repo = Objects.requireNonNull(repo, "repo").toAbsolutePath().normalize();
        }

        /** Logs, the lock file and the broker's data; default {@code <repo>/target/tunestream-local}. */
        public Builder workDir(Path workDir) {
            this.workDir = Objects.requireNonNull(workDir, "workDir").toAbsolutePath().normalize();
            return this;
        }

        /**
         * Brokers of the embedded Kafka: 1 (default) runs one combined KRaft node; more run a dedicated
         * controller and that many brokers, with internal topics replicated min(3, n) times.
         */
        public Builder brokers(int brokers) {
            this.brokers = requireBetween(brokers, 1, 9, "brokers");
            return this;
        }

        /**
         * The embedded brokers accept only SASL_PLAINTEXT (PLAIN) clients; the services get the
         * credentials as {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM} and
         * {@code KAFKA_SASL_JAAS_CONFIG} environment variables, as an operator would set them.
         */
        public Builder kafkaSaslPlain() {
            this.kafkaSaslPlain = true;
            return this;
        }

        public Builder trainers(int trainers) {
            this.trainers = requireBetween(trainers, 1, 64, "trainers");
            return this;
        }

        public Builder slotsPerTrainer(int slots) {
            this.slotsPerTrainer = requireBetween(slots, 1, 64, "slotsPerTrainer");
            return this;
        }

        /** Suggester on {@code portBase}, results on {@code +1}, trainers from {@code +2}. */
        public Builder portBase(int portBase) {
            this.portBase = requireBetween(portBase, Ports.MIN_PORT, Ports.MAX_PORT - 65, "portBase");
            return this;
        }

        /** Use this Kafka instead of starting the embedded broker; empty or blank means start one. */
        public Builder bootstrapServers(String servers) {
            this.bootstrapServers = Optional.ofNullable(servers).map(String::trim).filter(s -> !s.isEmpty());
            return this;
        }

        /** {@code -Xmx} of each service JVM, e.g. {@code 384m}. */
        public Builder serviceHeap(String heap) {
            this.serviceHeap = requireHeap(heap, "serviceHeap");
            return this;
        }

        public Builder brokerHeap(String heap) {
            this.brokerHeap = requireHeap(heap, "brokerHeap");
            return this;
        }

        /** Further JVM options of every child (replaces the defaults: serial GC, C1 only). */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** A Quarkus/application property for every service ({@code -Dkey=value}). */
        public Builder serviceProperty(String key, String value) {
            serviceProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** A property for the trainers only, e.g. {@code tunestream.trainer.lock-duration}. */
        public Builder trainerProperty(String key, String value) {
            trainerProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * An environment variable for every service, e.g. {@code KAFKA_SECURITY_PROTOCOL}: unlike
         * {@link #serviceProperty}, its value never appears on a command line (use it for secrets).
         */
        public Builder serviceEnvironment(String name, String value) {
            serviceEnvironment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The bearer token the services accept; by default 32 random bytes in hex, new for each builder. */
        public Builder apiToken(String token) {
            if (token == null || token.trim().length() < 16) {
                throw new IllegalArgumentException("`apiToken` must have at least 16 characters, but has "
                        + (token == null ? 0 : token.trim().length()));
            }
            this.apiToken = token.trim();
            return this;
        }

        private static String randomToken() {
            var bytes = new byte[32];
            new java.security.SecureRandom().nextBytes(bytes);
            return java.util.HexFormat.of().formatHex(bytes);
        }

        /** How long the broker and each service may take to become ready. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = requirePositive(timeout, "startupTimeout");
            return this;
        }

        /** How long a process may take to exit on SIGTERM before it is killed. */
        public Builder stopGrace(Duration grace) {
            this.stopGrace = requirePositive(grace, "stopGrace");
            return this;
        }

        /** Receives one line per lifecycle step (started, ready, stopping). */
        public Builder listener(Consumer<String> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** A cluster with these settings, not started yet. */
        public LocalCluster build() {
            var dir = workDir != null ? workDir : repo.resolve("target").resolve("tunestream-local");
            return new LocalCluster(new Settings(repo, dir, brokers, kafkaSaslPlain, trainers, slotsPerTrainer, portBase, bootstrapServers,
                    serviceHeap, brokerHeap, jvmOptions, Map.copyOf(serviceProperties), Map.copyOf(trainerProperties),
                    Map.copyOf(serviceEnvironment), apiToken, startupTimeout, stopGrace, listener));
        }

        /** {@code build().start()}. */
        public LocalCluster start() {
            return build().start();
        }

        private static int requireBetween(int value, int min, int max, String name) {
            if (value < min || value > max) {
                throw new IllegalArgumentException("`" + name + "` must be between " + min + " and " + max + ", but was " + value);
            }
            return value;
        }

        private static Duration requirePositive(Duration value, String name) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("`" + name + "` must be a positive duration, but was " + value);
            }
            return value;
        }

        private static String requireHeap(String heap, String name) {
            if (heap == null || !heap.matches("\\d+[kKmMgG]?")) {
                throw new IllegalArgumentException("`" + name + "` must look like 384m or 1g, but was " + heap);
            }
            return heap;
        }
    }
}
