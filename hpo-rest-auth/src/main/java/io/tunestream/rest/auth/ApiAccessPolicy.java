package io.tunestream.rest.auth;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which requests need a token, and whether a request's {@code Authorization} header carries a valid
 * one. Plain Java, so that the rules are tested without a server; {@link BearerTokenFilter} applies it.
 *
 * <p>Two kinds of bearer token can be accepted: the static tokens of {@link ApiTokens}, and, when
 * {@link OidcRules#enabled()}, JSON Web Tokens of the operator's OpenID Connect provider. This class
 * decides what it can from the header alone ({@link #decide}); a token that is not a static token is
 * verified by quarkus-oidc (signature, issuer, audience, expiry), and the roles and scopes of a verified
 * one are then checked here ({@link #checkIdentity}).
 */
public final class ApiAccessPolicy {

    /** Methods that read: open unless reads are protected. Every other method changes something. */
    static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** Why a request is refused, and so which status and RFC 6750 §3.1 error code it gets. */
    public enum RefusalKind {
        /** No usable credentials (or none could ever match): 401 without an error code. */
        MISSING_CREDENTIALS,
        /** A bearer token that is not valid here: 401, {@code error="invalid_token"}. */
        INVALID_TOKEN,
        /** A valid token without the role or scope this request needs: 403, {@code error="insufficient_scope"}. */
        INSUFFICIENT_SCOPE
    }

    /** Why a request is refused; the message never contains a token. */
    public record Refusal(String message, RefusalKind kind) {
        public Refusal {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(kind, "kind");
        }

        /** True when RFC 6750's {@code error="invalid_token"} applies. */
        public boolean invalidToken() {
            return kind == RefusalKind.INVALID_TOKEN;
        }

        /** 403 for a valid token that lacks a role or scope, 401 otherwise. */
        public int status() {
            return kind == RefusalKind.INSUFFICIENT_SCOPE ? 403 : 401;
        }
    }

    /**
     * The OpenID Connect option.
     *
     * @param enabled    {@code tunestream.api.auth.oidc.enabled}: accept JWTs verified by quarkus-oidc
     * @param writeRoles {@code tunestream.api.auth.oidc.write-roles}: a change needs one of them, as a
     *                   role of the verified token or as one of its OAuth 2.0 scopes; empty: any valid token
     */
    public record OidcRules(boolean enabled, Set<String> writeRoles) {
        public OidcRules {
            writeRoles = Set.copyOf(Objects.requireNonNull(writeRoles, "writeRoles"));
            for (var role : writeRoles) {
                if (role.isBlank() || role.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("`tunestream.api.auth.oidc.write-roles` entries must be non-empty and "
                            + "without spaces, but one was \"" + role + "\"");
                }
            }
        }

        /** OIDC off: only static tokens. */
        public static OidcRules disabled() {
            return new OidcRules(false, Set.of());
        }

        /** OIDC on; blank entries of the configured list (a trailing comma) are ignored. */
        public static OidcRules enabled(Collection<String> writeRoles) {
            var roles = new TreeSet<String>();
            for (var role : writeRoles) {
                if (role != null && !role.isBlank()) {
                    roles.add(role.trim());
                }
            }
            return new OidcRules(true, roles);
        }
    }

    /** What to do with a request, as far as its method and header tell. */
    public enum Outcome {
        /** Let it through. */
        ALLOW,
        /** Answer with {@link Decision#refusal()}. */
        REFUSE,
        /** Its bearer token is not a static token: have the identity provider's token verified. */
        VERIFY_WITH_IDENTITY_PROVIDER
    }

    /** An {@link Outcome}, with the refusal when it is {@link Outcome#REFUSE}. */
    public record Decision(Outcome outcome, Optional<Refusal> refusal) {
        static final Decision ALLOWED = new Decision(Outcome.ALLOW, Optional.empty());
        static final Decision VERIFY = new Decision(Outcome.VERIFY_WITH_IDENTITY_PROVIDER, Optional.empty());

        public Decision {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(refusal, "refusal");
            if (refusal.isPresent() != (outcome == Outcome.REFUSE)) {
                throw new IllegalArgumentException("a decision carries a refusal exactly when its outcome is REFUSE, but was "
                        + outcome + " with " + (refusal.isPresent() ? "one" : "none"));
            }
        }

        static Decision refuse(Refusal refusal) {
            return new Decision(Outcome.REFUSE, Optional.of(refusal));
        }
    }

    private final boolean enabled;
    private final boolean protectReads;
    private final ApiTokens tokens;
    private final OidcRules oidc;

    /** Static tokens only (OIDC off). */
    public ApiAccessPolicy(boolean enabled, boolean protectReads, ApiTokens tokens) {
        this(enabled, protectReads, tokens, OidcRules.disabled());
    }

    public ApiAccessPolicy(boolean enabled, boolean protectReads, ApiTokens tokens, OidcRules oidc) {
        this.enabled = enabled;
        this.protectReads = protectReads;
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.oidc = Objects.requireNonNull(oidc, "oidc");
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

    public OidcRules oidc() {
        return oidc;
    }

    /** True when a request with this method must be authenticated. */
    public boolean needsAuthentication(String method) {
        return enabled && (protectReads || !isRead(method));
    }

    /**
     * The static-token rules alone: empty when the request may go on; otherwise the reason to answer 401.
     * With OIDC enabled, {@link #decide} is the whole answer: a token refused here may still be a valid JWT.
     */
    public Optional<Refusal> check(String method, Optional<String> authorization) {
        if (!needsAuthentication(method)) {
            return Optional.empty();
        }
        if (tokens.isEmpty()) {
            return Optional.of(new Refusal("this service has no API token configured, so it refuses every request that "
                    + "needs one; set " + ApiTokens.KEY + " (env TUNESTREAM_API_TOKENS)", RefusalKind.MISSING_CREDENTIALS));
        }
        var presented = authorization.flatMap(ApiTokens::bearer);
        if (presented.isEmpty()) {
            return Optional.of(missingHeader());
        }
        if (!tokens.matches(presented.get())) {
            return Optional.of(new Refusal("the bearer token is not one of this service's API tokens", RefusalKind.INVALID_TOKEN));
        }
        return Optional.empty();
    }

    /**
     * The decision from the method and the header: allowed (no authentication needed, or a static
     * token), refused, or, with OIDC enabled, a bearer token for the identity provider to verify. A
     * static token is tried first, so that it works the same with OIDC on or off.
     */
    public Decision decide(String method, Optional<String> authorization) {
        if (!needsAuthentication(method)) {
            return Decision.ALLOWED;
        }
        if (!oidc.enabled()) {
            return check(method, authorization).map(Decision::refuse).orElse(Decision.ALLOWED);
        }
        var presented = authorization.flatMap(ApiTokens::bearer);
        if (presented.isEmpty()) {
            return Decision.refuse(missingHeader());
        }
        if (!tokens.isEmpty() && tokens.matches(presented.get())) {
            return Decision.ALLOWED;
        }
        return Decision.VERIFY;
    }

    /** The refusal for a bearer token that the identity provider's keys and rules did not accept. */
    public Refusal identityProviderRefused() {
        return new Refusal("the bearer token is neither one of this service's API tokens nor a valid token of its identity "
                + "provider (signature, issuer, audience and expiry are checked)", RefusalKind.INVALID_TOKEN);
    }

    /**
     * After quarkus-oidc verified the token: a change needs one of {@link OidcRules#writeRoles()}, as a
     * role of the token (quarkus-oidc's mapping: {@code groups}, Keycloak's {@code realm_access.roles}, or
     * {@code quarkus.oidc.roles.role-claim-path}) or as a scope ({@code scope} / {@code scp}); reads need
     * no role (they need a valid token only when reads are protected).
     */
    public Optional<Refusal> checkIdentity(String method, Set<String> roles, Set<String> scopes) {
        if (isRead(method) || oidc.writeRoles().isEmpty()) {
            return Optional.empty();
        }
        for (var role : oidc.writeRoles()) {
            if (roles.contains(role) || scopes.contains(role)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Refusal("this request changes something and its token needs one of the roles or scopes "
                + String.join(", ", new TreeSet<>(oidc.writeRoles())) + " (tunestream.api.auth.oidc.write-roles)",
                RefusalKind.INSUFFICIENT_SCOPE));
    }

    /** One line for the start-up log: counts and switches, never a token. */
    public String describe() {
        if (!enabled) {
            return "REST authentication is OFF (tunestream.api.auth.enabled=false): anyone who reaches the port may create and stop studies";
        }
        var reads = protectReads ? "need a token too" : "are open";
        if (oidc.enabled()) {
            return "REST authentication: " + tokens.size() + " static bearer token(s) and the OIDC identity provider's tokens "
                    + "(verified by quarkus-oidc) accepted for changes"
                    + (oidc.writeRoles().isEmpty() ? "" : ", which need one of the roles or scopes " + String.join(", ", new TreeSet<>(oidc.writeRoles())))
                    + "; reads " + reads;
        }
        if (tokens.isEmpty()) {
            return "REST authentication: no API token configured (" + ApiTokens.KEY
                    + ", env TUNESTREAM_API_TOKENS): every request that changes something is refused with 401"
                    + (protectReads ? ", and so is every read" : "");
        }
        return "REST authentication: " + tokens.size() + " bearer token(s) accepted for changes; reads " + reads;
    }

    private static boolean isRead(String method) {
        return READ_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    private static Refusal missingHeader() {
        return new Refusal("this request needs the header `Authorization: Bearer <token>`", RefusalKind.MISSING_CREDENTIALS);
    }
}
