package io.tunestream.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Signs JSON Web Tokens (RS256, RFC 7515/7519) with plain JDK crypto, as an identity provider would,
 * so that the tests need neither a network nor an IdP. The services' OIDC tests use them with
 * {@link LocalIdentityProvider}.
 */
public final class TestJwts {

    public static final String ISSUER = "https://idp.example.test/realms/tunestream";
    public static final String AUDIENCE = "tunestream";
    public static final String WRITER = "tunestream-writer";

    private TestJwts() {
    }

    public static KeyPair newKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has RSA", e);
        }
    }

    public static PrivateKey privateKey(String base64Pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA private key", e);
        }
    }

    /** Claims of a valid token for this service, valid from a minute ago for ten minutes; callers change some. */
    public static Map<String, Object> validClaims() {
        long now = Instant.now().getEpochSecond();
        var claims = new LinkedHashMap<String, Object>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", "ada");
        claims.put("preferred_username", "ada");
        claims.put("iat", now - 60);
        claims.put("exp", now + 600);
        claims.put("groups", List.of(WRITER));
        return claims;
    }

    public static String sign(Map<String, Object> claims, PrivateKey key) {
        var header = json(Map.of("alg", "RS256", "typ", "JWT"));
        var signingInput = base64Url(header) + "." + base64Url(json(claims));
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with RS256", e);
        }
    }

    /** An unsigned token ({@code alg: none}, RFC 7519 §6), which no verifier may accept. */
    public static String unsigned(Map<String, Object> claims) {
        return base64Url(json(Map.of("alg", "none", "typ", "JWT"))) + "." + base64Url(json(claims)) + ".";
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> json(e.getKey()) + ":" + json(e.getValue())).collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TestJwts::json).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
