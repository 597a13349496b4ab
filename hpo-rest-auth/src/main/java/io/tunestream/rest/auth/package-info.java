/**
 * Bearer-token authentication of the services' REST APIs (suggester-service, results-service).
 * Requests that change something (every method but GET, HEAD and OPTIONS) must carry
 * {@code Authorization: Bearer <token>} with one of the tokens in {@code tunestream.api.tokens}
 * (env {@code TUNESTREAM_API_TOKENS}, comma-separated); reads are open unless
 * {@code tunestream.api.auth.protect-reads=true}. With no token configured, changes are refused
 * (the secure default). Tokens are compared in constant time and never logged. {@code /q/*}
 * (health, metrics, OpenAPI) is not JAX-RS and stays open for probes and scrapers.
 *
 * <p>As an option ({@code tunestream.api.auth.oidc.enabled=true} with {@code quarkus.oidc.auth-server-url}),
 * JSON Web Tokens of an OpenID Connect provider (Keycloak, Auth0, Dex, ...) are accepted too, verified by
 * quarkus-oidc; {@code tunestream.api.auth.oidc.write-roles} makes changes need a role or scope.
 */
package io.tunestream.rest.auth;
