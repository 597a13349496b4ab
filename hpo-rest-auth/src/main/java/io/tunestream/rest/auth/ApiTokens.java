package io.tunestream.rest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bearer tokens a service accepts. Only SHA-256 digests are kept, so a heap dump or a
 * {@code toString()} never shows a token; a presented token is compared with every configured one
 * through {@link MessageDigest#isEqual} on digests of equal length, without stopping at the first
 * match, so the time taken tells nothing about how much of a token was right or which one matched.
 */
public final class ApiTokens {

    /** Shortest accepted token: 16 characters (e.g. {@code openssl rand -hex 16} gives 32). */
    public static final int MIN_LENGTH = 16;
    /** The configuration key the errors name. */
    public static final String KEY = "tunestream.api.tokens";

    private static final String BEARER = "bearer ";

    private final List<byte[]> digests;

    private ApiTokens(List<byte[]> digests) {
        this.digests = List.copyOf(digests);
    }

    /** No token: every request that needs one is refused. */
    public static ApiTokens none() {
        return new ApiTokens(List.of());
    }

    /**
     * The given tokens, blank entries ignored (a trailing comma in the environment variable).
     *
     * @throws IllegalArgumentException naming the token's position and the rule, never the token
     */
    public static ApiTokens of(Collection<String> tokens) {
        var digests = new ArrayList<byte[]>();
        int position = 0;
        for (var raw : tokens) {
            position++;
            var token = raw == null ? "" : raw.trim();
            if (token.isEmpty()) {
                continue;
            }
            if (token.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("`" + KEY + "` token " + position + " must have at least " + MIN_LENGTH
                        + " characters, but has " + token.length());
            }
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (c <= ' ' || c > '~') {
                    throw new IllegalArgumentException("`" + KEY + "` token " + position
                            + " must consist of printable ASCII characters without spaces, but has one at index " + i);
                }
            }
            digests.add(digest(token));
        }
        return new ApiTokens(digests);
    }

    public boolean isEmpty() {
        return digests.isEmpty();
    }

    public int size() {
        return digests.size();
    }

    /** True when {@code presented} is one of the tokens; constant time in the number of tokens. */
    public boolean matches(String presented) {
        var candidate = digest(presented);
        boolean match = false;
        for (var digest : digests) {
            match |= MessageDigest.isEqual(digest, candidate);
        }
        return match;
    }

    /** The token of an {@code Authorization: Bearer <token>} header (scheme case-insensitive, RFC 6750). */
    public static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Optional.empty();
        }
        var token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    @Override
    public String toString() {
        return "ApiTokens[" + digests.size() + " token(s)]";
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
