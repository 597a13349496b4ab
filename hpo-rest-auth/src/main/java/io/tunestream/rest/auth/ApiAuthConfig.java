package io.tunestream.rest.auth;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code tunestream.api.*}: the accepted bearer tokens and which requests need one.
 * <ul>
 *   <li>{@code tunestream.api.tokens} (env {@code TUNESTREAM_API_TOKENS}): comma-separated; none by default.</li>
 *   <li>{@code tunestream.api.auth.enabled} (default true): false turns authentication off (trusted networks only).</li>
 *   <li>{@code tunestream.api.auth.protect-reads} (default false): reads need a token too.</li>
 * </ul>
 */
@ConfigMapping(prefix = "tunestream.api")
public interface ApiAuthConfig {

    Optional<List<String>> tokens();

    Auth auth();

    interface Auth {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("false")
        boolean protectReads();
    }
}
