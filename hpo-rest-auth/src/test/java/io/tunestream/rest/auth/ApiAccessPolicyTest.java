package io.tunestream.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiAccessPolicyTest {

    static final String TOKEN = "s3cr3t-token-0123456789";
    static final String OTHER = "another-token-abcdefgh";
    static final ApiTokens TOKENS = ApiTokens.of(List.of(TOKEN, OTHER));

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "post"})
    void changesNeedAValidBearerToken(String method) {
        var policy = new ApiAccessPolicy(true, false, TOKENS);
        assertThat(policy.check(method, Optional.empty())).get().extracting(ApiAccessPolicy.Refusal::invalidToken).isEqualTo(false);
        assertThat(policy.check(method, Optional.of("Basic dXNlcjpwYXNz"))).isPresent();
        assertThat(policy.check(method, Optional.of("Bearer "))).isPresent();
        assertThat(policy.check(method, Optional.of("Bearer wrong-token-0123456789"))).get()
                .extracting(ApiAccessPolicy.Refusal::invalidToken).isEqualTo(true);
        assertThat(policy.check(method, Optional.of("Bearer " + TOKEN))).isEmpty();
        assertThat(policy.check(method, Optional.of("bearer " + OTHER))).isEmpty();
        assertThat(policy.check(method, Optional.of("Bearer " + TOKEN + "x"))).isPresent();
        assertThat(policy.check(method, Optional.of("Bearer " + TOKEN.substring(1)))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "OPTIONS"})
    void readsAreOpenUnlessProtected(String method) {
        assertThat(new ApiAccessPolicy(true, false, TOKENS).check(method, Optional.empty())).isEmpty();
        assertThat(new ApiAccessPolicy(true, true, TOKENS).check(method, Optional.empty())).isPresent();
        assertThat(new ApiAccessPolicy(true, true, TOKENS).check(method, Optional.of("Bearer " + TOKEN))).isEmpty();
    }

    @Test
    void withoutAnyTokenEveryChangeIsRefusedAndSaysWhy() {
        var policy = new ApiAccessPolicy(true, false, ApiTokens.of(List.of("", " ")));
        assertThat(policy.check("POST", Optional.of("Bearer " + TOKEN))).get()
                .extracting(ApiAccessPolicy.Refusal::message).asString().contains("no API token configured").contains("TUNESTREAM_API_TOKENS");
        assertThat(policy.check("GET", Optional.empty())).isEmpty();
        assertThat(policy.describe()).contains("refused with 401");
    }

    @Test
    void disabledLetsEverythingThrough() {
        var policy = new ApiAccessPolicy(false, true, ApiTokens.none());
        assertThat(policy.check("DELETE", Optional.empty())).isEmpty();
        assertThat(policy.describe()).contains("OFF");
    }

    @Test
    void tokensAreValidatedWithoutEverShowingThem() {
        assertThatThrownBy(() -> ApiTokens.of(List.of(TOKEN, "short-secret")))
                .hasMessage("`tunestream.api.tokens` token 2 must have at least 16 characters, but has 12")
                .message().doesNotContain("short-secret");
        assertThatThrownBy(() -> ApiTokens.of(List.of("has a space in it, long enough")))
                .hasMessageContaining("printable ASCII characters without spaces").message().doesNotContain("space in it");
        var policy = new ApiAccessPolicy(true, true, TOKENS);
        assertThat(TOKENS.toString()).isEqualTo("ApiTokens[2 token(s)]");
        assertThat(policy.describe()).doesNotContain(TOKEN).doesNotContain(OTHER).contains("2 bearer token(s)");
        assertThat(Arrays.asList(TOKENS.size(), TOKENS.isEmpty())).containsExactly(2, false);
    }

    @Test
    void bearerParsesTheSchemeCaseInsensitively() {
        assertThat(ApiTokens.bearer("Bearer abc")).contains("abc");
        assertThat(ApiTokens.bearer("BEARER  abc ")).contains("abc");
        assertThat(ApiTokens.bearer("Bearerabc")).isEmpty();
        assertThat(ApiTokens.bearer(null)).isEmpty();
        assertThat(ApiTokens.bearer("Token abc")).isEmpty();
    }
}
