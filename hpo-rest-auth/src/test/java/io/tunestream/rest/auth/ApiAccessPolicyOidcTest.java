package io.tunestream.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.tunestream.rest.auth.ApiAccessPolicy.OidcRules;
import io.tunestream.rest.auth.ApiAccessPolicy.Outcome;
import io.tunestream.rest.auth.ApiAccessPolicy.RefusalKind;

/** The OIDC option's rules, without a server ({@link OidcBearerTokenTest} runs them behind quarkus-oidc). */
class ApiAccessPolicyOidcTest {

    static final String TOKEN = ApiAccessPolicyTest.TOKEN;
    static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl";

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void aStaticTokenIsAcceptedAtOnceAndAnyOtherBearerTokenGoesToTheIdentityProvider(String method) {
        var policy = new ApiAccessPolicy(true, false, ApiAccessPolicyTest.TOKENS, OidcRules.enabled(List.of("writer")));
        assertThat(policy.decide(method, Optional.of("Bearer " + TOKEN)).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(policy.decide(method, Optional.of("Bearer " + JWT)).outcome()).isEqualTo(Outcome.VERIFY_WITH_IDENTITY_PROVIDER);
        assertThat(policy.decide(method, Optional.of("Bearer " + TOKEN + "x")).outcome()).isEqualTo(Outcome.VERIFY_WITH_IDENTITY_PROVIDER);
        var missing = policy.decide(method, Optional.empty());
        assertThat(missing.outcome()).isEqualTo(Outcome.REFUSE);
        assertThat(missing.refusal()).get().extracting(ApiAccessPolicy.Refusal::kind).isEqualTo(RefusalKind.MISSING_CREDENTIALS);
        assertThat(policy.decide(method, Optional.of("Basic dXNlcjpwYXNz")).outcome()).isEqualTo(Outcome.REFUSE);
    }

    @Test
    void withOidcAndNoStaticTokenChangesAreNotRefusedOutright() {
        var policy = new ApiAccessPolicy(true, false, ApiTokens.none(), OidcRules.enabled(List.of()));
        assertThat(policy.decide("POST", Optional.of("Bearer " + JWT)).outcome()).isEqualTo(Outcome.VERIFY_WITH_IDENTITY_PROVIDER);
        assertThat(policy.describe()).contains("0 static bearer token(s) and the OIDC identity provider's tokens").contains("reads are open");
        // The static rules alone still refuse: check() is those rules, decide() the whole answer.
        assertThat(policy.check("POST", Optional.of("Bearer " + JWT))).get().extracting(ApiAccessPolicy.Refusal::message)
                .asString().contains("no API token configured");
    }

    @Test
    void readsFollowProtectReadsAndNeedNoRole() {
        var open = new ApiAccessPolicy(true, false, ApiTokens.none(), OidcRules.enabled(List.of("writer")));
        assertThat(open.decide("GET", Optional.empty()).outcome()).isEqualTo(Outcome.ALLOW);
        var guarded = new ApiAccessPolicy(true, true, ApiTokens.none(), OidcRules.enabled(List.of("writer")));
        assertThat(guarded.decide("GET", Optional.empty()).outcome()).isEqualTo(Outcome.REFUSE);
        assertThat(guarded.decide("GET", Optional.of("Bearer " + JWT)).outcome()).isEqualTo(Outcome.VERIFY_WITH_IDENTITY_PROVIDER);
        assertThat(guarded.checkIdentity("GET", Set.of(), Set.of())).isEmpty();
        assertThat(guarded.describe()).contains("reads need a token too");
    }

    @Test
    void changesNeedOneOfTheWriteRolesAsRoleOrScope() {
        var policy = new ApiAccessPolicy(true, false, ApiTokens.none(), OidcRules.enabled(List.of("writer", " admin ", "")));
        assertThat(policy.oidc().writeRoles()).containsExactlyInAnyOrder("writer", "admin");
        assertThat(policy.checkIdentity("POST", Set.of("writer"), Set.of())).isEmpty();
        assertThat(policy.checkIdentity("DELETE", Set.of(), Set.of("openid", "admin"))).isEmpty();
        var refused = policy.checkIdentity("POST", Set.of("reader"), Set.of("openid"));
        assertThat(refused).get().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(RefusalKind.INSUFFICIENT_SCOPE);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.invalidToken()).isFalse();
            assertThat(r.message()).contains("admin, writer").contains("tunestream.api.auth.oidc.write-roles");
        });
        var anyToken = new ApiAccessPolicy(true, false, ApiTokens.none(), OidcRules.enabled(List.of()));
        assertThat(anyToken.checkIdentity("POST", Set.of(), Set.of())).isEmpty();
        assertThat(policy.describe()).contains("which need one of the roles or scopes admin, writer");
    }

    @Test
    void theIdentityProvidersRefusalIsAnInvalidTokenWithoutDetail() {
        var refusal = new ApiAccessPolicy(true, false, ApiTokens.none(), OidcRules.enabled(List.of())).identityProviderRefused();
        assertThat(refusal.invalidToken()).isTrue();
        assertThat(refusal.status()).isEqualTo(401);
    }

    @Test
    void withOidcOffNothingChanges() {
        var before = new ApiAccessPolicy(true, false, ApiAccessPolicyTest.TOKENS);
        assertThat(before.oidc().enabled()).isFalse();
        for (var method : List.of("GET", "POST", "DELETE")) {
            for (var header : List.of(Optional.<String>empty(), Optional.of("Bearer " + TOKEN), Optional.of("Bearer " + JWT))) {
                var decision = before.decide(method, header);
                assertThat(decision.outcome()).isNotEqualTo(Outcome.VERIFY_WITH_IDENTITY_PROVIDER);
                assertThat(decision.refusal()).isEqualTo(before.check(method, header));
            }
        }
        assertThat(before.describe()).isEqualTo("REST authentication: 2 bearer token(s) accepted for changes; reads are open");
        assertThat(new ApiAccessPolicy(false, true, ApiTokens.none(), OidcRules.enabled(List.of("w"))).decide("POST", Optional.empty()).outcome())
                .isEqualTo(Outcome.ALLOW);
    }

    @Test
    void writeRolesAreValidated() {
        assertThatThrownBy(() -> new OidcRules(true, Set.of("two words")))
                .hasMessageContaining("`tunestream.api.auth.oidc.write-roles` entries must be non-empty and without spaces");
        assertThatThrownBy(() -> new ApiAccessPolicy.Decision(Outcome.REFUSE, Optional.empty()))
                .hasMessageContaining("a decision carries a refusal exactly when its outcome is REFUSE");
    }
}
