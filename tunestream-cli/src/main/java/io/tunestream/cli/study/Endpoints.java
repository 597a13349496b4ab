package io.tunestream.cli.study;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.tunestream.cli.CliException;

/**
 * Where the services are and the API token, each from the first of: its flag, its environment
 * variable, the config file, the default.
 *
 * <table>
 *   <tr><th>setting</th><th>flag</th><th>environment</th><th>config file key</th><th>default</th></tr>
 *   <tr><td>suggester</td><td>--suggester-url</td><td>TUNESTREAM_SUGGESTER_URL</td><td>suggester.url</td><td>http://localhost:8081</td></tr>
 *   <tr><td>results</td><td>--results-url</td><td>TUNESTREAM_RESULTS_URL</td><td>results.url</td><td>http://localhost:8082</td></tr>
 *   <tr><td>token</td><td>--token</td><td>TUNESTREAM_API_TOKEN</td><td>token</td><td>none</td></tr>
 * </table>
 * The config file is {@code --config}, else {@code TUNESTREAM_CONFIG}, else
 * {@code ~/.config/tunestream/config.properties} when it exists (a Java properties file).
 */
public record Endpoints(URI suggester, URI results, Optional<String> token, Optional<Path> configFile) {

    public static final String DEFAULT_SUGGESTER = "http://localhost:8081";
    public static final String DEFAULT_RESULTS = "http://localhost:8082";
    public static final String ENV_SUGGESTER = "TUNESTREAM_SUGGESTER_URL";
    public static final String ENV_RESULTS = "TUNESTREAM_RESULTS_URL";
    public static final String ENV_TOKEN = io.tunestream.cli.client.ApiToken.ENV;
    public static final String ENV_CONFIG = "TUNESTREAM_CONFIG";

    /** The flags as given (null when absent). */
    public record Flags(String suggesterUrl, String resultsUrl, String token, Path config) {
    }

    /**
     * @param env  the environment (System.getenv() in production)
     * @param home the user's home directory, for the default config file
     */
    public static Endpoints resolve(Flags flags, Map<String, String> env, Path home) {
        Optional<Path> configFile = Optional.ofNullable(flags.config())
                .or(() -> Optional.ofNullable(env.get(ENV_CONFIG)).filter(v -> !v.isBlank()).map(Path::of));
        if (configFile.isPresent() && !Files.isRegularFile(configFile.get())) {
            throw CliException.usage("config file " + configFile.get() + " does not exist");
        }
        if (configFile.isEmpty()) {
            Path fallback = home.resolve(".config").resolve("tunestream").resolve("config.properties");
            configFile = Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
        }
        Properties config = configFile.map(Endpoints::load).orElseGet(Properties::new);
        String suggester = first(flags.suggesterUrl(), env.get(ENV_SUGGESTER), config.getProperty("suggester.url"), DEFAULT_SUGGESTER);
        String results = first(flags.resultsUrl(), env.get(ENV_RESULTS), config.getProperty("results.url"), DEFAULT_RESULTS);
        String token = first(flags.token(), env.get(ENV_TOKEN), config.getProperty("token"), null);
        return new Endpoints(url("suggester URL", suggester), url("results URL", results),
                Optional.ofNullable(token), configFile);
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.trim();
            }
        }
        return null;
    }

    private static URI url(String what, String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw CliException.usage(what + " must be an http(s) URL with a host, but was '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw CliException.usage(what + " must be an http(s) URL, but was '" + value + "': " + e.getReason());
        }
    }

    private static Properties load(Path file) {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw CliException.usage("cannot read config file " + file + ": " + e.getMessage());
        }
        return properties;
    }
}
