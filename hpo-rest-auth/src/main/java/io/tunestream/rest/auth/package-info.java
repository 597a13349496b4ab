/**
 * Bearer-token authentication of the services' REST APIs (suggester-service, results-service).
 * Requests that change something (every method but GET, HEAD and OPTIONS) must carry
 * {@code Authorization: Bearer <token>} with one of the tokens in {@code tunestream.api.tokens}
 * (env {@code TUNESTREAM_API_TOKENS}, comma-separated); reads are open unless
 * {@code tunestream.api.auth.protect-reads=true}. With no token configured, changes are refused
 * (the secure default). Tokens are compared in constant time and never logged. {@code /q/*}
 * (health, metrics, OpenAPI) is not JAX-RS and stays open for probes and scrapers.
 */
package io.tunestream.rest.auth;
