package io.tunestream.kafka.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs an {@link EmbeddedKafkaCluster} as its own process until it receives SIGTERM/SIGINT.
 *
 * <pre>
 * java -jar hpo-kafka-embedded.jar [--bootstrap-file FILE] [--data-dir DIR] [--brokers N] [--control-dir DIR]
 *     [--sasl-plain | --ssl | --mutual-tls] [--client-config-file FILE]
 * </pre>
 *
 * The bootstrap servers are printed and, with {@code --bootstrap-file}, written to a file once the
 * broker accepts connections (atomically, so a reader never sees half a line): the file appearing is
 * the readiness signal for {@code ./tunestream}.
 *
 * <p>With {@code --sasl-plain} the brokers accept only SASL_PLAINTEXT clients (PLAIN); the settings a
 * client needs ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}) are
 * written, as a properties file readable by its owner only, to {@code --client-config-file} before
 * the bootstrap file. With {@code --ssl} or {@code --mutual-tls} the client listener speaks only TLS
 * (see {@link EmbeddedKafkaCluster.Builder#ssl()}), and that file holds {@code security.protocol=SSL}
 * and the truststore (and client keystore) made at start under the data directory.
 *
 * <p>With {@code --control-dir}, fault tests stop and restart brokers of the running cluster: a file
 * {@code stop-broker-<id>} or {@code start-broker-<id>} appearing there is carried out (a restarted
 * broker keeps its port and its log directory), then answered with {@code <name>.done}, or with
 * {@code <name>.failed} holding the error.
 */
public final class EmbeddedKafkaMain {

    private EmbeddedKafkaMain() {
    }

    public static void main(String[] args) throws Exception {
        Path bootstrapFile = null;
        Path dataDir = null;
        int brokers = 1;
        Path controlDir = null;
        boolean saslPlain = false;
        boolean ssl = false;
        boolean mutualTls = false;
        Path clientConfigFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap-file" -> bootstrapFile = Path.of(valueOf(args, ++i, "--bootstrap-file"));
                case "--data-dir" -> dataDir = Path.of(valueOf(args, ++i, "--data-dir"));
                case "--brokers" -> brokers = Integer.parseInt(valueOf(args, ++i, "--brokers"));
                case "--control-dir" -> controlDir = Path.of(valueOf(args, ++i, "--control-dir"));
                case "--sasl-plain" -> saslPlain = true;
                case "--ssl" -> ssl = true;
                case "--mutual-tls" -> mutualTls = true;
                case "--client-config-file" -> clientConfigFile = Path.of(valueOf(args, ++i, "--client-config-file"));
                case "--help", "-h" -> {
                    System.out.println("Usage: java -jar hpo-kafka-embedded.jar [--bootstrap-file FILE] [--data-dir DIR] [--brokers N] [--control-dir DIR] [--sasl-plain | --ssl | --mutual-tls] [--client-config-file FILE]");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (see --help)");
                    System.exit(2);
                }
            }
        }
        var builder = EmbeddedKafkaCluster.builder().brokers(brokers);
        if (saslPlain) {
            builder.saslPlain();
        }
        if (mutualTls) {
            builder.mutualTls();
        } else if (ssl) {
            builder.ssl();
        }
        if (dataDir != null) {
            if (Files.exists(dataDir) && Files.list(dataDir).findAny().isPresent()) {
                // A second broker on the same data directory corrupts the first: refuse early.
                System.err.println("--data-dir " + dataDir + " must be empty or absent, but it holds files");
                System.exit(2);
            }
            Files.createDirectories(dataDir);
            builder.baseDirectory(dataDir);
        }
        var cluster = builder.start();
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.close();
            } finally {
                stopped.countDown();
            }
        }, "embedded-kafka-shutdown"));
        System.out.println("Kafka broker ready at " + cluster.bootstrapServers());
        if ((saslPlain || ssl || mutualTls) && clientConfigFile != null) {
            // The settings a client needs (with the TLS variants: the truststore, and the keystore of a
            // client certificate, under the data directory), in a file only this user can read.
            var properties = new StringBuilder();
            (saslPlain ? EmbeddedKafkaCluster.saslPlainClientSettings() : cluster.sslClientSettings()).forEach((key, value) ->
                    properties.append(key).append('=').append(value.replace("\\", "\\\\")).append(System.lineSeparator()));
            Files.deleteIfExists(clientConfigFile);
            Files.createFile(clientConfigFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(clientConfigFile, properties);
        }
        if (bootstrapFile != null) {
            writeAtomically(bootstrapFile, cluster.bootstrapServers());
        }
        if (controlDir == null) {
            stopped.await();
            return;
        }
        Files.createDirectories(controlDir);
        while (!stopped.await(200, TimeUnit.MILLISECONDS)) {
            try (var requests = Files.list(controlDir)) {
                for (var request : requests.filter(f -> REQUEST.matcher(f.getFileName().toString()).matches()).sorted().toList()) {
                    carryOut(cluster, request);
                }
            }
        }
    }

    private static final Pattern REQUEST = Pattern.compile("(stop|start)-broker-(\\d+)");

    private static void carryOut(EmbeddedKafkaCluster cluster, Path request) throws IOException {
        var name = request.getFileName().toString();
        var matcher = REQUEST.matcher(name);
        if (!matcher.matches()) {
            return;
        }
        Files.delete(request);
        int broker = Integer.parseInt(matcher.group(2));
        try {
            if (matcher.group(1).equals("stop")) {
                cluster.shutdownBroker(broker);
            } else {
                cluster.startBroker(broker);
            }
            System.out.println("control: " + name + " done");
            writeAtomically(request.resolveSibling(name + ".done"), "ok");
        } catch (RuntimeException e) {
            System.out.println("control: " + name + " failed: " + e);
            writeAtomically(request.resolveSibling(name + ".failed"), String.valueOf(e));
        }
    }

    private static String valueOf(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[index];
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        var tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content + System.lineSeparator());
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
