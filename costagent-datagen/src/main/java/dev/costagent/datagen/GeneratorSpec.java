package dev.costagent.datagen;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What to generate. Same spec, same rows, byte for byte.
 *
 * @param seed the seed every random draw derives from
 * @param rows the exact number of rows, 100 to 10,000,000
 * @param start the first UTC day
 * @param days how many days of hourly data, 1 to 731
 * @param billingAccounts billing accounts, dealt round-robin over the providers (at least one per provider)
 * @param subAccounts sub accounts (AWS accounts, Azure subscriptions, Google Cloud projects), dealt round-robin
 *        over the billing accounts (at least one per billing account)
 * @param regionsPerProvider regions used per provider, 1 to 6
 * @param services how many services, taken in descending spend rank from the built-in catalog of the providers
 *        (24 in all: 12 AWS, 6 Azure, 6 Google Cloud); a larger number takes them all
 * @param providers FOCUS ProviderNames to include: any of {@code AWS}, {@code Microsoft}, {@code Google Cloud}
 * @param noise relative standard deviation of per-row quantity noise (day-level noise is half of it), 0 to 0.25
 * @param weekendFactor usage of working-week-driven services on Saturdays and Sundays relative to weekdays, 0.1 to 1
 * @param tagCoverage share of resources carrying tags, 0 to 1
 * @param commitmentCoverage share of steady production instances covered by commitment discounts, 0 to 1
 * @param anomalies anomalies to plant at named values and days
 * @param randomAnomalies further anomalies the generator places itself on distinct days and values
 */
public record GeneratorSpec(
        long seed,
        long rows,
        LocalDate start,
        int days,
        int billingAccounts,
        int subAccounts,
        int regionsPerProvider,
        int services,
        List<String> providers,
        double noise,
        double weekendFactor,
        double tagCoverage,
        double commitmentCoverage,
        List<AnomalySpec> anomalies,
        int randomAnomalies) {

    /** The fewest rows a spec may ask for. */
    public static final long MIN_ROWS = 100;
    /** The most rows a spec may ask for. */
    public static final long MAX_ROWS = 10_000_000;

    /** Validates the spec; every violation is a one-line {@link IllegalArgumentException}. */
    public GeneratorSpec {
        requireNonNull(start, "start");
        providers = List.copyOf(providers);
        anomalies = List.copyOf(anomalies);
        check(rows >= MIN_ROWS && rows <= MAX_ROWS, "rows must be 100 to 10,000,000, got " + rows);
        check(days >= 1 && days <= 731, "days must be 1 to 731, got " + days);
        check(!providers.isEmpty(), "providers must not be empty");
        for (String provider : providers) {
            check(
                    CloudCatalog.PROVIDERS.contains(provider),
                    "provider " + provider + " is not one of " + CloudCatalog.PROVIDERS);
        }
        check(providers.stream().distinct().count() == providers.size(), "providers repeat: " + providers);
        check(
                billingAccounts >= providers.size() && billingAccounts <= 100,
                "billingAccounts must be at least one per provider (" + providers.size() + ") and at most 100, got "
                        + billingAccounts);
        check(
                subAccounts >= billingAccounts && subAccounts <= 1000,
                "subAccounts must be at least billingAccounts (" + billingAccounts + ") and at most 1000, got "
                        + subAccounts);
        check(
                regionsPerProvider >= 1 && regionsPerProvider <= 6,
                "regionsPerProvider must be 1 to 6, got " + regionsPerProvider);
        check(services >= 1, "services must be at least 1, got " + services);
        check(noise >= 0 && noise <= 0.25, "noise must be 0 to 0.25, got " + noise);
        check(weekendFactor >= 0.1 && weekendFactor <= 1.0, "weekendFactor must be 0.1 to 1, got " + weekendFactor);
        check(tagCoverage >= 0 && tagCoverage <= 1, "tagCoverage must be 0 to 1, got " + tagCoverage);
        check(
                commitmentCoverage >= 0 && commitmentCoverage <= 1,
                "commitmentCoverage must be 0 to 1, got " + commitmentCoverage);
        check(randomAnomalies >= 0, "randomAnomalies must not be negative, got " + randomAnomalies);
        LocalDate end = start.plusDays(days);
        for (AnomalySpec anomaly : anomalies) {
            check(
                    !anomaly.date().isBefore(start) && anomaly.date().isBefore(end),
                    "anomaly date " + anomaly.date() + " is outside " + start + " .. " + end.minusDays(1));
        }
    }

    /** A builder with the defaults: seed 42, 10,000 rows from 2024-09-01 over 30 days, all three providers. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this spec. */
    public Builder toBuilder() {
        Builder b = new Builder()
                .seed(seed)
                .rows(rows)
                .start(start)
                .days(days)
                .billingAccounts(billingAccounts)
                .subAccounts(subAccounts)
                .regionsPerProvider(regionsPerProvider)
                .services(services)
                .providers(providers)
                .noise(noise)
                .weekendFactor(weekendFactor)
                .tagCoverage(tagCoverage)
                .commitmentCoverage(commitmentCoverage)
                .randomAnomalies(randomAnomalies);
        b.anomalies.addAll(anomalies);
        return b;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Builds a {@link GeneratorSpec}. */
    public static final class Builder {
        private long seed = 42;
        private long rows = 10_000;
        private LocalDate start = LocalDate.of(2024, 9, 1);
        private int days = 30;
        private int billingAccounts = 3;
        private int subAccounts = 12;
        private int regionsPerProvider = 4;
        private int services = CloudCatalog.SERVICES.size();
        private List<String> providers = CloudCatalog.PROVIDERS;
        private double noise = 0.05;
        private double weekendFactor = 0.7;
        private double tagCoverage = 0.9;
        private double commitmentCoverage = 0.3;
        private final List<AnomalySpec> anomalies = new ArrayList<>();
        private int randomAnomalies;

        private Builder() {}

        /** The seed (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The exact row count, 100 to 10,000,000 (default 10,000). */
        public Builder rows(long rows) {
            this.rows = rows;
            return this;
        }

        /** The first UTC day (default 2024-09-01). */
        public Builder start(LocalDate start) {
            this.start = requireNonNull(start, "start");
            return this;
        }

        /** Days of hourly data (default 30). */
        public Builder days(int days) {
            this.days = days;
            return this;
        }

        /** Billing accounts (default 3). */
        public Builder billingAccounts(int billingAccounts) {
            this.billingAccounts = billingAccounts;
            return this;
        }

        /** Sub accounts (default 12). */
        public Builder subAccounts(int subAccounts) {
            this.subAccounts = subAccounts;
            return this;
        }

        /** Regions per provider, 1 to 6 (default 4). */
        public Builder regionsPerProvider(int regionsPerProvider) {
            this.regionsPerProvider = regionsPerProvider;
            return this;
        }

        /** Services, in descending spend rank (default: the whole catalog, 24). */
        public Builder services(int services) {
            this.services = services;
            return this;
        }

        /** Providers by FOCUS ProviderName (default AWS, Microsoft, Google Cloud). */
        public Builder providers(List<String> providers) {
            this.providers = List.copyOf(providers);
            return this;
        }

        /** Per-row relative noise, 0 to 0.25 (default 0.05). */
        public Builder noise(double noise) {
            this.noise = noise;
            return this;
        }

        /** Weekend usage relative to weekdays for working-week services (default 0.7). */
        public Builder weekendFactor(double weekendFactor) {
            this.weekendFactor = weekendFactor;
            return this;
        }

        /** Share of tagged resources (default 0.9). */
        public Builder tagCoverage(double tagCoverage) {
            this.tagCoverage = tagCoverage;
            return this;
        }

        /** Share of steady production instances under commitment discounts (default 0.3). */
        public Builder commitmentCoverage(double commitmentCoverage) {
            this.commitmentCoverage = commitmentCoverage;
            return this;
        }

        /** Adds an anomaly at a named value and day. */
        public Builder anomaly(AnomalySpec anomaly) {
            anomalies.add(requireNonNull(anomaly, "anomaly"));
            return this;
        }

        /** Adds anomalies at named values and days. */
        public Builder anomalies(List<AnomalySpec> list) {
            list.forEach(this::anomaly);
            return this;
        }

        /** Asks the generator to place this many further anomalies on distinct days and values (default 0). */
        public Builder randomAnomalies(int count) {
            this.randomAnomalies = count;
            return this;
        }

        /** The spec. */
        public GeneratorSpec build() {
            return new GeneratorSpec(
                    seed,
                    rows,
                    start,
                    days,
                    billingAccounts,
                    subAccounts,
                    regionsPerProvider,
                    services,
                    providers,
                    noise,
                    weekendFactor,
                    tagCoverage,
                    commitmentCoverage,
                    anomalies,
                    randomAnomalies);
        }

        /** The generator for the spec. */
        public BillingGenerator generator() {
            return BillingGenerator.of(build());
        }
    }
}
