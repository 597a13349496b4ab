package io.tunestream.rest.auth;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Applies {@link ApiAccessPolicy} to every JAX-RS request before it is matched to a resource, so an
 * unauthenticated change is refused before its body is parsed: 401 with {@code {"error": "..."}} and
 * {@code WWW-Authenticate: Bearer realm="tunestream"} (plus {@code error="invalid_token"} for a wrong
 * token, RFC 6750 §3). The header's value is never logged.
 */
@Provider
@jakarta.inject.Singleton
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenFilter implements ContainerRequestFilter {

    static final String REALM = "Bearer realm=\"tunestream\"";
    private static final Logger LOG = Logger.getLogger(BearerTokenFilter.class);

    private final ApiAccessPolicy policy;

    /**
     * @param tokens       {@code tunestream.api.tokens} (env {@code TUNESTREAM_API_TOKENS}): comma-separated, none by default
     * @param enabled      {@code tunestream.api.auth.enabled}: false turns authentication off (trusted networks only)
     * @param protectReads {@code tunestream.api.auth.protect-reads}: reads need a token too
     */
    public BearerTokenFilter(@ConfigProperty(name = "tunestream.api.tokens") Optional<List<String>> tokens,
                             @ConfigProperty(name = "tunestream.api.auth.enabled", defaultValue = "true") boolean enabled,
                             @ConfigProperty(name = "tunestream.api.auth.protect-reads", defaultValue = "false") boolean protectReads) {
        this.policy = new ApiAccessPolicy(enabled, protectReads, ApiTokens.of(tokens.orElse(List.of())));
    }

    /** Checks the tokens at start (a too-short token stops the service) and says which rules apply. */
    void onStart(@Observes StartupEvent event) {
        if (!policy.enabled() || policy.tokens().isEmpty()) {
            LOG.warn(policy.describe());
        } else {
            LOG.info(policy.describe());
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        var refusal = policy.check(request.getMethod(), Optional.ofNullable(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
        refusal.ifPresent(r -> request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, r.invalidToken() ? REALM + ", error=\"invalid_token\"" : REALM)
                .type(MediaType.APPLICATION_JSON)
                .entity("{\"error\":\"" + r.message().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                .build()));
    }
}
