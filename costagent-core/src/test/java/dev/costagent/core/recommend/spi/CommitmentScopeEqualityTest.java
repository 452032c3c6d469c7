package dev.costagent.core.recommend.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.recommend.rules.CommitmentOptions;
import org.junit.jupiter.api.Test;

/**
 * The commitment keys' equals and hashCode, written out (a record's generated ones are linked on first use, slowly in
 * a one-shot process): equal components make equal keys with equal hashes, and every component counts.
 */
class CommitmentScopeEqualityTest {

    @Test
    void scopesAreEqualByProviderAccountAndCurrency() {
        CommitmentScope scope = new CommitmentScope("AWS", "123", "USD");
        assertEqual(scope, new CommitmentScope("AWS", "123", "USD"));
        assertEqual(new CommitmentScope(null, null, null), new CommitmentScope("", "", ""));
        assertThat(scope).isNotEqualTo(new CommitmentScope("Microsoft", "123", "USD"));
        assertThat(scope).isNotEqualTo(new CommitmentScope("AWS", "124", "USD"));
        assertThat(scope).isNotEqualTo(new CommitmentScope("AWS", "123", "EUR"));
    }

    @Test
    void scopedKeysAreEqualByScopeAndResource() {
        CommitmentScope scope = new CommitmentScope("AWS", "123", "USD");
        assertEqual(new RuleContext.ScopedKey(scope, null), new RuleContext.ScopedKey(scope, null));
        assertEqual(new RuleContext.ScopedKey(scope, "i-1"), new RuleContext.ScopedKey(scope, "i-1"));
        assertThat(new RuleContext.ScopedKey(scope, "i-1")).isNotEqualTo(new RuleContext.ScopedKey(scope, null));
        assertThat(new RuleContext.ScopedKey(scope, "i-1"))
                .isNotEqualTo(new RuleContext.ScopedKey(new CommitmentScope("AWS", "124", "USD"), "i-1"));
    }

    @Test
    void optionsAreEqualByEverySetting() {
        assertEqual(CommitmentOptions.DEFAULTS, new CommitmentOptions("1yr-no-upfront", 0.08, 10));
        assertThat(CommitmentOptions.DEFAULTS).isNotEqualTo(new CommitmentOptions("3yr-no-upfront", 0.08, 10));
        assertThat(CommitmentOptions.DEFAULTS).isNotEqualTo(new CommitmentOptions("1yr-no-upfront", 0.05, 10));
        assertThat(CommitmentOptions.DEFAULTS).isNotEqualTo(new CommitmentOptions("1yr-no-upfront", 0.08, 20));
    }

    private static void assertEqual(Object a, Object b) {
        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
    }
}
