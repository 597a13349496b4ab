package io.tunestream.rest.auth;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Applies {@link ApiAccessPolicy} to every JAX-RS request before it is matched to a resource, so an
 * unauthenticated change is refused before its body is parsed: 401 with {@code {"error": "..."}} and
 * {@code WWW-Authenticate: Bearer realm="tunestream"} (plus {@code error="invalid_token"} for a wrong
 * token, RFC 6750 §3), or 403 with {@code error="insufficient_scope"} for a valid OIDC token without the
 * role a change needs. The header's value is never logged.
 *
 * <p>With OIDC enabled, a bearer token that is not a static token is handed to quarkus-oidc through the
 * request's deferred identity: authentication is not proactive ({@code quarkus.http.auth.proactive=false},
 * set by this module), so quarkus-oidc verifies a token only when asked here, and a static token is never
 * mistaken for a malformed JWT. The filter is reactive: verification (which may fetch the provider's
 * keys) never blocks the event loop.
 */
@Singleton
public final class BearerTokenFilter {

    static final String REALM = "Bearer realm=\"tunestream\"";
    private static final Logger LOG = Logger.getLogger(BearerTokenFilter.class);

    private final ApiAccessPolicy policy;
    private final CurrentIdentityAssociation identity;

    /**
     * @param tokens       {@code tunestream.api.tokens} (env {@code TUNESTREAM_API_TOKENS}): comma-separated, none by default
     * @param enabled      {@code tunestream.api.auth.enabled}: false turns authentication off (trusted networks only)
     * @param protectReads {@code tunestream.api.auth.protect-reads}: reads need a token too
     * @param oidcEnabled  {@code tunestream.api.auth.oidc.enabled} (env {@code TUNESTREAM_API_AUTH_OIDC_ENABLED}):
     *                     accept the OIDC provider's JWTs too; it also switches quarkus-oidc's default tenant on
     * @param writeRoles   {@code tunestream.api.auth.oidc.write-roles}: a change needs one of these roles or scopes
     * @param identity     the request's identity, authenticated by quarkus-oidc on demand
     */
    public BearerTokenFilter(@ConfigProperty(name = "tunestream.api.tokens") Optional<List<String>> tokens,
                             @ConfigProperty(name = "tunestream.api.auth.enabled", defaultValue = "true") boolean enabled,
                             @ConfigProperty(name = "tunestream.api.auth.protect-reads", defaultValue = "false") boolean protectReads,
                             @ConfigProperty(name = "tunestream.api.auth.oidc.enabled", defaultValue = "false") boolean oidcEnabled,
                             @ConfigProperty(name = "tunestream.api.auth.oidc.write-roles") Optional<List<String>> writeRoles,
                             CurrentIdentityAssociation identity) {
        var oidc = oidcEnabled ? ApiAccessPolicy.OidcRules.enabled(writeRoles.orElse(List.of())) : ApiAccessPolicy.OidcRules.disabled();
        this.policy = new ApiAccessPolicy(enabled, protectReads, ApiTokens.of(tokens.orElse(List.of())), oidc);
        this.identity = identity;
    }

    /** Checks the tokens at start (a too-short token stops the service) and says which rules apply. */
    void onStart(@Observes StartupEvent event) {
        if (!policy.enabled() || (policy.tokens().isEmpty() && !policy.oidc().enabled())) {
            LOG.warn(policy.describe());
        } else {
            LOG.info(policy.describe());
        }
    }

    /** A null item lets the request go on; a response ends it. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> filter(ContainerRequestContext request) {
        var method = request.getMethod();
        var decision = policy.decide(method, Optional.ofNullable(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
        return switch (decision.outcome()) {
            case ALLOW -> Uni.createFrom().nullItem();
            case REFUSE -> Uni.createFrom().item(refuse(decision.refusal().orElseThrow()));
            case VERIFY_WITH_IDENTITY_PROVIDER -> identity.getDeferredIdentity()
                    .map(verified -> verified == null || verified.isAnonymous()
                            ? refuse(policy.identityProviderRefused())
                            : policy.checkIdentity(method, verified.getRoles(), scopes(verified)).map(BearerTokenFilter::refuse).orElse(null))
                    // The reason (expired, wrong issuer, bad signature) is quarkus-oidc's to log, at DEBUG; never the token.
                    .onFailure().recoverWithItem(failure -> refuse(policy.identityProviderRefused()));
        };
    }

    /** The OAuth 2.0 scopes of a verified token: {@code scope} (RFC 8693, space-separated) or {@code scp} (a list, Azure AD, Okta). */
    static Set<String> scopes(SecurityIdentity verified) {
        var scopes = new LinkedHashSet<String>();
        if (verified.getPrincipal() instanceof JsonWebToken jwt) {
            addScopes(jwt.getClaim("scope"), scopes);
            addScopes(jwt.getClaim("scp"), scopes);
        }
        return scopes;
    }

    private static void addScopes(Object claim, Set<String> scopes) {
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> addScopes(value, scopes));
        } else if (claim instanceof JsonString json) {
            addScopes(json.getString(), scopes);
        } else if (claim instanceof String text) {
            for (var scope : text.trim().split("\\s+")) {
                if (!scope.isEmpty()) {
                    scopes.add(scope);
                }
            }
        }
    }

    private static Response refuse(ApiAccessPolicy.Refusal refusal) {
        var challenge = switch (refusal.kind()) {
            case MISSING_CREDENTIALS -> REALM;
            case INVALID_TOKEN -> REALM + ", error=\"invalid_token\"";
            case INSUFFICIENT_SCOPE -> REALM + ", error=\"insufficient_scope\"";
        };
        return Response.status(refusal.status())
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .type(MediaType.APPLICATION_JSON)
                .entity("{\"error\":\"" + refusal.message().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                .build();
    }
}
