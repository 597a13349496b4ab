package io.tunestream.cli.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tunestream.cli.CliException;

class EndpointsTest {

    @TempDir
    Path home;

    private static final Endpoints.Flags NO_FLAGS = new Endpoints.Flags(null, null, null, null);

    @Test
    void defaultsWithoutFlagsEnvironmentOrConfig() {
        var endpoints = Endpoints.resolve(NO_FLAGS, Map.of(), home);
        assertThat(endpoints.suggester()).isEqualTo(URI.create("http://localhost:8081"));
        assertThat(endpoints.results()).isEqualTo(URI.create("http://localhost:8082"));
        assertThat(endpoints.token()).isEmpty();
        assertThat(endpoints.configFile()).isEmpty();
    }

    @Test
    void flagBeatsEnvironmentBeatsConfigFile() throws IOException {
        Path config = home.resolve(".config/tunestream/config.properties");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "suggester.url=http://config:1\nresults.url=http://config:2/\ntoken=from-config\n");
        var fromConfig = Endpoints.resolve(NO_FLAGS, Map.of(), home);
        assertThat(fromConfig.suggester()).isEqualTo(URI.create("http://config:1"));
        assertThat(fromConfig.results()).isEqualTo(URI.create("http://config:2"));
        assertThat(fromConfig.token()).contains("from-config");
        assertThat(fromConfig.configFile()).contains(config);

        var env = Map.of(Endpoints.ENV_SUGGESTER, "http://env:1", Endpoints.ENV_TOKEN, "from-env");
        var fromEnv = Endpoints.resolve(NO_FLAGS, env, home);
        assertThat(fromEnv.suggester()).isEqualTo(URI.create("http://env:1"));
        assertThat(fromEnv.results()).isEqualTo(URI.create("http://config:2"));
        assertThat(fromEnv.token()).contains("from-env");

        var fromFlags = Endpoints.resolve(new Endpoints.Flags("https://flag:1", null, "from-flag", null), env, home);
        assertThat(fromFlags.suggester()).isEqualTo(URI.create("https://flag:1"));
        assertThat(fromFlags.token()).isEqualTo(Optional.of("from-flag"));
    }

    @Test
    void anExplicitConfigFileMustExistAndUrlsMustBeHttp() throws IOException {
        assertThatThrownBy(() -> Endpoints.resolve(new Endpoints.Flags(null, null, null, home.resolve("missing.properties")), Map.of(), home))
                .isInstanceOf(CliException.class).hasMessageContaining("missing.properties does not exist");
        Path config = home.resolve("other.properties");
        Files.writeString(config, "results.url=http://other:3\n");
        assertThat(Endpoints.resolve(NO_FLAGS, Map.of(Endpoints.ENV_CONFIG, config.toString()), home).results())
                .isEqualTo(URI.create("http://other:3"));
        assertThatThrownBy(() -> Endpoints.resolve(new Endpoints.Flags("ftp://x", null, null, null), Map.of(), home))
                .hasMessage("suggester URL must be an http(s) URL with a host, but was 'ftp://x'");
    }
}
