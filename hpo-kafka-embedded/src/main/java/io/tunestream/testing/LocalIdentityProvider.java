package io.tunestream.testing;

import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for an identity provider without a network: draws an RSA key pair, configures quarkus-oidc
 * to verify with its public key ({@code quarkus.oidc.public-key}, no discovery, no JWKS endpoint) and
 * hands the private key to the tests through a system property, so that they sign their own tokens.
 * Changes need the role or scope {@link TestJwts#WRITER} (or {@code tunestream-admin}); reads are
 * protected, so that a test sees both rules.
 */
public final class LocalIdentityProvider implements QuarkusTestResourceLifecycleManager {

    /** The system property with the private key (PKCS#8, Base64) that tokens are signed with. */
    public static final String PRIVATE_KEY_PROPERTY = "tunestream.test.oidc.private-key";

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

    /** The private key that {@link #start()} drew, for {@link TestJwts#sign}. */
    public static java.security.PrivateKey privateKey() {
        var encoded = System.getProperty(PRIVATE_KEY_PROPERTY);
        if (encoded == null) {
            throw new IllegalStateException("the local identity provider is not started: declare it as a test resource");
        }
        return TestJwts.privateKey(encoded);
    }

    @Override
    public void stop() {
        System.clearProperty(PRIVATE_KEY_PROPERTY);
    }
}
