package io.tunestream.cli.client;

import java.util.Map;
import java.util.Optional;

/**
 * Where the CLI finds the bearer token it sends to the services: the {@code --token} option, else the
 * environment variable {@value #ENV}. The token is sent in {@code Authorization: Bearer <token>} on
 * every request and is never printed.
 */
public final class ApiToken {

    /** The environment variable the CLI reads its token from. */
    public static final String ENV = "TUNESTREAM_API_TOKEN";

    private ApiToken() {
    }

    /** The option's value when it is set and not blank, else {@value #ENV} from {@code environment}. */
    public static Optional<String> resolve(Optional<String> option, Map<String, String> environment) {
        return option.map(String::trim).filter(t -> !t.isEmpty())
                .or(() -> Optional.ofNullable(environment.get(ENV)).map(String::trim).filter(t -> !t.isEmpty()));
    }

    /** {@link #resolve(Optional, Map)} with this process's environment. */
    public static Optional<String> resolve(Optional<String> option) {
        return resolve(option, System.getenv());
    }
}
