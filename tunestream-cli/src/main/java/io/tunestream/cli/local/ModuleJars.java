package io.tunestream.cli.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the packaged processes live in a built checkout: the broker's runnable jar (with its
 * {@code lib/}) and each service's Quarkus fast-jar launcher.
 */
public record ModuleJars(Path repo, Path broker, Path results, Path suggester, Path trainer) {

    public static final String BROKER_MODULE = "hpo-kafka-embedded";
    public static final String RESULTS_MODULE = "results-service";
    public static final String SUGGESTER_MODULE = "suggester-service";
    public static final String TRAINER_MODULE = "trainer-service";

    /** The build command that produces every jar (the hint in error messages). */
    public static final String BUILD_HINT = "./mvnw -B -DskipTests package";

    /** The expected locations under {@code repo} (whether or not they exist). */
    public static ModuleJars in(Path repo) {
        var root = repo.toAbsolutePath().normalize();
        return new ModuleJars(root,
                brokerJar(root.resolve(BROKER_MODULE).resolve("target")),
                quarkusRun(root, RESULTS_MODULE),
                quarkusRun(root, SUGGESTER_MODULE),
                quarkusRun(root, TRAINER_MODULE));
    }

    /** The jars that are missing, relative to the repository; empty when everything is built. */
    public List<String> missing() {
        var missing = new ArrayList<String>();
        for (var jar : List.of(broker, results, suggester, trainer)) {
            if (!Files.isRegularFile(jar)) {
                missing.add(repo.relativize(jar).toString());
            }
        }
        return missing;
    }

    /** Throws {@link LocalClusterException} naming every missing jar and how to build them. */
    public ModuleJars requireAll() {
        var missing = missing();
        if (!missing.isEmpty()) {
            throw new LocalClusterException("not built in " + repo + ": " + String.join(", ", missing)
                    + " (build them with `" + BUILD_HINT + "` in the repository root, or pass --repo)");
        }
        return this;
    }

    private static Path quarkusRun(Path root, String module) {
        return root.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    /** {@code hpo-kafka-embedded-<version>.jar}, whatever the version; the usual name when absent. */
    private static Path brokerJar(Path target) {
        Optional<Path> found = Optional.empty();
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                found = files.filter(p -> {
                    var name = p.getFileName().toString();
                    return name.startsWith(BROKER_MODULE + "-") && name.endsWith(".jar")
                            && !name.endsWith("-sources.jar") && !name.endsWith("-tests.jar") && !name.endsWith("-javadoc.jar");
                }).sorted().findFirst();
            } catch (IOException e) {
                found = Optional.empty();
            }
        }
        return found.orElse(target.resolve(BROKER_MODULE + "-0.1.0-SNAPSHOT.jar"));
    }
}
