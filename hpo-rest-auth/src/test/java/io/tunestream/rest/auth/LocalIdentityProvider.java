package io.tunestream.rest.auth;

import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for an identity provider without a network: draws an RSA key pair, configures quarkus-oidc
 * to verify with its public key ({@code quarkus.oidc.public-key}, no discovery, no JWKS endpoint) and
 * hands the private key to the tests through a system property, so that they sign their own tokens.
 */
public final class LocalIdentityProvider implements QuarkusTestResourceLifecycleManager {

    /** The system property with the private key (PKCS#8, Base64) that tokens are signed with. */
    static final String PRIVATE_KEY_PROPERTY = "tunestream.test.oidc.private-key";

    @Override
    public Map<String, String> start() {
        var keys = TestJwts.newKeyPair();
        System.setProperty(PRIVATE_KEY_PROPERTY, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
        return Map.of(
                "tunestream.api.auth.oidc.enabled", "true",
                "tunestream.api.auth.oidc.write-roles", TestJwts.WRITER + ",tunestream-admin",
                "tunestream.api.auth.protect-reads", "true",
                "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()),
                "quarkus.oidc.token.issuer", TestJwts.ISSUER,
                "quarkus.oidc.token.audience", TestJwts.AUDIENCE);
    }

    @Override
    public void stop() {
        System.clearProperty(PRIVATE_KEY_PROPERTY);
    }
}
