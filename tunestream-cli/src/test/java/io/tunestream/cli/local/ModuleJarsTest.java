package io.tunestream.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleJarsTest {

    @TempDir
    Path repo;

    @Test
    void namesEveryMissingJarRelativeToTheRepository() {
        var jars = ModuleJars.in(repo);
        assertThat(jars.missing()).containsExactly(
                "hpo-kafka-embedded/target/hpo-kafka-embedded-0.1.0-SNAPSHOT.jar",
                "results-service/target/quarkus-app/quarkus-run.jar",
                "suggester-service/target/quarkus-app/quarkus-run.jar",
                "trainer-service/target/quarkus-app/quarkus-run.jar");
        assertThatThrownBy(jars::requireAll).isInstanceOf(LocalClusterException.class)
                .hasMessageContaining("not built in " + repo.toAbsolutePath().normalize())
                .hasMessageContaining(ModuleJars.BUILD_HINT);
    }

    @Test
    void findsTheBrokerJarWhateverItsVersionAndTheServiceLaunchers() throws IOException {
        touch("hpo-kafka-embedded/target/hpo-kafka-embedded-0.2.0-sources.jar");
        touch("hpo-kafka-embedded/target/hpo-kafka-embedded-0.2.0.jar");
        touch("results-service/target/quarkus-app/quarkus-run.jar");
        touch("suggester-service/target/quarkus-app/quarkus-run.jar");
        var jars = ModuleJars.in(repo);
        assertThat(jars.broker().getFileName()).hasToString("hpo-kafka-embedded-0.2.0.jar");
        assertThat(jars.missing()).containsExactly("trainer-service/target/quarkus-app/quarkus-run.jar");

        touch("trainer-service/target/quarkus-app/quarkus-run.jar");
        assertThat(ModuleJars.in(repo).requireAll().missing()).isEmpty();
    }

    private void touch(String path) throws IOException {
        var file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
    }
}
