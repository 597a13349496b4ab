package io.tunestream.kafka.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an {@link EmbeddedKafkaCluster} as its own process until it receives SIGTERM/SIGINT.
 *
 * <pre>
 * java -jar hpo-kafka-embedded.jar [--bootstrap-file FILE] [--data-dir DIR] [--brokers N]
 * </pre>
 *
 * The bootstrap servers are printed and, with {@code --bootstrap-file}, written to a file once the
 * broker accepts connections (atomically, so a reader never sees half a line): the file appearing is
 * the readiness signal for {@code ./tunestream}.
 */
public final class EmbeddedKafkaMain {

    private EmbeddedKafkaMain() {
    }

    public static void main(String[] args) throws Exception {
        Path bootstrapFile = null;
        Path dataDir = null;
        int brokers = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap-file" -> bootstrapFile = Path.of(valueOf(args, ++i, "--bootstrap-file"));
                case "--data-dir" -> dataDir = Path.of(valueOf(args, ++i, "--data-dir"));
                case "--brokers" -> brokers = Integer.parseInt(valueOf(args, ++i, "--brokers"));
                case "--help", "-h" -> {
                    System.out.println("Usage: java -jar hpo-kafka-embedded.jar [--bootstrap-file FILE] [--data-dir DIR] [--brokers N]");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (see --help)");
                    System.exit(2);
                }
            }
        }
        var builder = EmbeddedKafkaCluster.builder().brokers(brokers);
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
        if (bootstrapFile != null) {
            writeAtomically(bootstrapFile, cluster.bootstrapServers());
        }
        stopped.await();
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
