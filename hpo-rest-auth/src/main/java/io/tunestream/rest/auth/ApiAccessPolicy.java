package io.tunestream.rest.auth;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which requests need a token, and whether a request's {@code Authorization} header carries a valid
 * one. Plain Java, so that the rules are tested without a server; {@link BearerTokenFilter} applies it.
 */
public final class ApiAccessPolicy {

    /** Methods that read: open unless reads are protected. Every other method changes something. */
    static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** Why a request is refused; {@code invalidToken} selects RFC 6750's {@code error="invalid_token"}. */
    public record Refusal(String message, boolean invalidToken) {
        public Refusal {
            Objects.requireNonNull(message, "message");
        }
    }

    private final boolean enabled;
    private final boolean protectReads;
    private final ApiTokens tokens;

    public ApiAccessPolicy(boolean enabled, boolean protectReads, ApiTokens tokens) {
        this.enabled = enabled;
        this.protectReads = protectReads;
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean protectReads() {
        return protectReads;
    }

    public ApiTokens tokens() {
        return tokens;
    }

    /** Empty when the request may go on; otherwise the reason to answer 401. */
    public Optional<Refusal> check(String method, Optional<String> authorization) {
        if (!enabled || (!protectReads && READ_METHODS.contains(method.toUpperCase(Locale.ROOT)))) {
            return Optional.empty();
        }
        if (tokens.isEmpty()) {
            return Optional.of(new Refusal("this service has no API token configured, so it refuses every request that "
                    + "needs one; set " + ApiTokens.KEY + " (env TUNESTREAM_API_TOKENS)", false));
        }
        var presented = authorization.flatMap(ApiTokens::bearer);
        if (presented.isEmpty()) {
            return Optional.of(new Refusal("this request needs the header `Authorization: Bearer <token>`", false));
        }
        if (!tokens.matches(presented.get())) {
            return Optional.of(new Refusal("the bearer token is not one of this service's API tokens", true));
        }
        return Optional.empty();
    }

    /** One line for the start-up log: counts and switches, never a token. */
    public String describe() {
        if (!enabled) {
            return "REST authentication is OFF (tunestream.api.auth.enabled=false): anyone who reaches the port may create and stop studies";
        }
        if (tokens.isEmpty()) {
            return "REST authentication: no API token configured (" + ApiTokens.KEY
                    + ", env TUNESTREAM_API_TOKENS): every request that changes something is refused with 401"
                    + (protectReads ? ", and so is every read" : "");
        }
        return "REST authentication: " + tokens.size() + " bearer token(s) accepted for changes; reads "
                + (protectReads ? "need a token too" : "are open");
    }
}
