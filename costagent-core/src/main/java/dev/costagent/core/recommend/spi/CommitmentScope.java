package dev.costagent.core.recommend.spi;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Where one commitment purchase applies: one provider's billing account (the AWS payer account a Compute Savings
 * Plan is shared across, the Azure billing account of a shared-scope savings plan, the Google Cloud Billing account
 * of a flexible committed use discount), in one billing currency. The sub account (AWS linked account, Azure
 * subscription, Google Cloud project) stands in when a row has no BillingAccountId.
 *
 * @param provider the FOCUS ProviderName ({@code AWS}, {@code Microsoft}, {@code Google Cloud}), empty when null
 * @param billingAccountId the BillingAccountId (or SubAccountId), empty when null
 * @param currency the BillingCurrency, empty when null
 */
public record CommitmentScope(String provider, String billingAccountId, String currency)
        implements Comparable<CommitmentScope> {

    /** Nulls become empty strings. */
    public CommitmentScope {
        provider = provider == null ? "" : provider;
        billingAccountId = billingAccountId == null ? "" : billingAccountId;
        currency = currency == null ? "" : currency;
    }

    /**
     * The prefix of this provider's commitment rates ({@code aws}, {@code azure}, {@code gcp}), or the provider name
     * in lower case for any other provider (whose rates a user can add under that prefix).
     */
    public String rateProvider() {
        String p = provider.toLowerCase(Locale.ROOT);
        if (p.contains("aws") || p.contains("amazon")) {
            return "aws";
        }
        if (p.contains("microsoft") || p.contains("azure")) {
            return "azure";
        }
        if (p.contains("google") || p.contains("gcp")) {
            return "gcp";
        }
        return p.strip();
    }

    /** The target of its recommendations: {@code ProviderName=AWS/BillingAccountId=123}. */
    public String target() {
        return "ProviderName=" + provider + "/BillingAccountId=" + billingAccountId;
    }

    @Override
    public int compareTo(CommitmentScope o) {
        int c = provider.compareTo(o.provider);
        if (c == 0) {
            c = billingAccountId.compareTo(o.billingAccountId);
        }
        return c != 0 ? c : currency.compareTo(requireNonNull(o.currency));
    }

    // equals and hashCode written out: a record's generated ones are linked on first use (an invokedynamic bootstrap),
    // which in a one-shot process costs milliseconds of the stage that first compares scopes
    @Override
    public boolean equals(Object o) {
        return o instanceof CommitmentScope s
                && provider.equals(s.provider)
                && billingAccountId.equals(s.billingAccountId)
                && currency.equals(s.currency);
    }

    @Override
    public int hashCode() {
        return (provider.hashCode() * 31 + billingAccountId.hashCode()) * 31 + currency.hashCode();
    }
}
