package dev.costagent.core.recommend;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.recommend.catalog.InstanceCatalog;
import dev.costagent.core.recommend.catalog.PricingRates;
import java.util.List;
import java.util.Set;

/**
 * The knobs of the recommendation rules. {@link #defaults()} documents every default; {@link #builder()} changes them.
 *
 * @param lookbackDays billing days (ending at the last hour of data) that monthly costs are measured over (30)
 * @param minMonthlySavings recommendations saving less per month are dropped (1.00 in the billing currency)
 * @param nonProductionTagKeys tag keys naming an environment, first present wins ({@code env, environment, Environment,
 *     stage})
 * @param nonProductionValues environment values that mark non-production, lower case ({@code dev, development, test,
 *     qa, staging, sandbox})
 * @param scheduleServiceCategories ServiceCategory values whose resources can be stopped and started, so
 *     scheduled or moved to spot ({@code Compute})
 * @param alwaysOnShare a resource is always on when it has cost in at least this share of the hours it existed (0.95)
 * @param scheduleOnHoursPerWeek hours a scheduled resource keeps running per week (60: weekdays 08:00–20:00)
 * @param terminateMaxCpu an idle resource whose CPU never exceeded this % is terminated, else stopped (10)
 * @param targetCpuP95 rightsizing picks the smallest size keeping projected CPU p95 at most this % (80: 20 % headroom)
 * @param memoryHeadroom rightsizing keeps memory ≥ measured memory p95 × (1 + this) (0.20, AWS Compute Optimizer's
 *     default memory headroom)
 * @param spotTagKey tag key marking interruption-tolerant workloads ({@code workload})
 * @param spotTagValues its values that allow spot, lower case ({@code batch, ci, build, spot-ok})
 * @param commitmentServiceCategories ServiceCategory values whose on-demand spend a savings plan covers
 *     ({@code Compute})
 * @param commitmentBaselinePercentile no longer sizes purchases (they are simulated over candidate levels); kept for
 *     compatibility (10)
 * @param commitmentOption the term and payment option recommended, a commitment rate key without its provider
 *     prefix ({@code 1yr-no-upfront}; a provider without that option gets its first option)
 * @param costOfCapital annual discount rate for commitment NPV (0.08)
 * @param anomalyRecentDays only anomalies this close to the end of the data are worth investigating (7)
 * @param ranking the ranking score and quick-win rule
 * @param catalog the instance catalog
 * @param rates storage, commitment and spot rates
 */
public record RecommendationOptions(
        int lookbackDays,
        double minMonthlySavings,
        List<String> nonProductionTagKeys,
        Set<String> nonProductionValues,
        Set<String> scheduleServiceCategories,
        double alwaysOnShare,
        double scheduleOnHoursPerWeek,
        double terminateMaxCpu,
        double targetCpuP95,
        double memoryHeadroom,
        String spotTagKey,
        Set<String> spotTagValues,
        Set<String> commitmentServiceCategories,
        double commitmentBaselinePercentile,
        String commitmentOption,
        double costOfCapital,
        int anomalyRecentDays,
        Ranking ranking,
        InstanceCatalog catalog,
        PricingRates rates) {

    /** Validates and copies. */
    public RecommendationOptions {
        if (lookbackDays < 1) {
            throw new IllegalArgumentException("lookbackDays must be at least 1, got " + lookbackDays);
        }
        if (!(scheduleOnHoursPerWeek >= 0 && scheduleOnHoursPerWeek <= 168)) {
            throw new IllegalArgumentException(
                    "scheduleOnHoursPerWeek must be in [0, 168], got " + scheduleOnHoursPerWeek);
        }
        if (!(memoryHeadroom >= 0 && memoryHeadroom < 10)) {
            throw new IllegalArgumentException("memoryHeadroom must be in [0, 10), got " + memoryHeadroom);
        }
        if (!(commitmentBaselinePercentile > 0 && commitmentBaselinePercentile <= 100)) {
            throw new IllegalArgumentException("commitmentBaselinePercentile must be in (0, 100]");
        }
        nonProductionTagKeys = List.copyOf(nonProductionTagKeys);
        nonProductionValues = Set.copyOf(nonProductionValues);
        scheduleServiceCategories = Set.copyOf(scheduleServiceCategories);
        requireNonNull(spotTagKey, "spotTagKey");
        spotTagValues = Set.copyOf(spotTagValues);
        commitmentServiceCategories = Set.copyOf(commitmentServiceCategories);
        requireNonNull(commitmentOption, "commitmentOption");
        requireNonNull(ranking, "ranking");
        requireNonNull(catalog, "catalog");
        requireNonNull(rates, "rates");
    }

    /** The documented defaults, with the shipped catalog and rates. */
    public static RecommendationOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.lookbackDays = lookbackDays;
        b.minMonthlySavings = minMonthlySavings;
        b.nonProductionTagKeys = nonProductionTagKeys;
        b.nonProductionValues = nonProductionValues;
        b.scheduleServiceCategories = scheduleServiceCategories;
        b.alwaysOnShare = alwaysOnShare;
        b.scheduleOnHoursPerWeek = scheduleOnHoursPerWeek;
        b.terminateMaxCpu = terminateMaxCpu;
        b.targetCpuP95 = targetCpuP95;
        b.memoryHeadroom = memoryHeadroom;
        b.spotTagKey = spotTagKey;
        b.spotTagValues = spotTagValues;
        b.commitmentServiceCategories = commitmentServiceCategories;
        b.commitmentBaselinePercentile = commitmentBaselinePercentile;
        b.commitmentOption = commitmentOption;
        b.costOfCapital = costOfCapital;
        b.anomalyRecentDays = anomalyRecentDays;
        b.ranking = ranking;
        b.catalog = catalog;
        b.rates = rates;
        return b;
    }

    /** Builds {@link RecommendationOptions}. */
    public static final class Builder {
        private int lookbackDays = 30;
        private double minMonthlySavings = 1.0;
        private List<String> nonProductionTagKeys = List.of("env", "environment", "Environment", "stage");
        private Set<String> nonProductionValues = Set.of("dev", "development", "test", "qa", "staging", "sandbox");
        private Set<String> scheduleServiceCategories = Set.of("Compute");
        private double alwaysOnShare = 0.95;
        private double scheduleOnHoursPerWeek = 60;
        private double terminateMaxCpu = 10;
        private double targetCpuP95 = 80;
        private double memoryHeadroom = 0.20;
        private String spotTagKey = "workload";
        private Set<String> spotTagValues = Set.of("batch", "ci", "build", "spot-ok");
        private Set<String> commitmentServiceCategories = Set.of("Compute");
        private double commitmentBaselinePercentile = 10;
        private String commitmentOption = "1yr-no-upfront";
        private double costOfCapital = 0.08;
        private int anomalyRecentDays = 7;
        private Ranking ranking = Ranking.DEFAULT;
        private InstanceCatalog catalog = InstanceCatalog.shipped();
        private PricingRates rates = PricingRates.shipped();

        private Builder() {}

        /** Billing days monthly costs are measured over. */
        public Builder lookbackDays(int value) {
            this.lookbackDays = value;
            return this;
        }

        /** Recommendations saving less per month are dropped. */
        public Builder minMonthlySavings(double value) {
            this.minMonthlySavings = value;
            return this;
        }

        /** Tag keys naming an environment. */
        public Builder nonProductionTagKeys(List<String> value) {
            this.nonProductionTagKeys = value;
            return this;
        }

        /** Environment values that mark non-production (lower case). */
        public Builder nonProductionValues(Set<String> value) {
            this.nonProductionValues = value;
            return this;
        }

        /** ServiceCategory values whose resources can be scheduled or moved to spot. */
        public Builder scheduleServiceCategories(Set<String> value) {
            this.scheduleServiceCategories = value;
            return this;
        }

        /** The share of hours with cost that makes a resource always on. */
        public Builder alwaysOnShare(double value) {
            this.alwaysOnShare = value;
            return this;
        }

        /** Hours per week a scheduled resource keeps running. */
        public Builder scheduleOnHoursPerWeek(double value) {
            this.scheduleOnHoursPerWeek = value;
            return this;
        }

        /** Max CPU % below which an idle resource is terminated rather than stopped. */
        public Builder terminateMaxCpu(double value) {
            this.terminateMaxCpu = value;
            return this;
        }

        /** The projected CPU p95 % a rightsized resource may reach. */
        public Builder targetCpuP95(double value) {
            this.targetCpuP95 = value;
            return this;
        }

        /** The memory headroom rightsizing keeps over the measured memory p95 (0.20 is 20 %). */
        public Builder memoryHeadroom(double value) {
            this.memoryHeadroom = value;
            return this;
        }

        /** The tag marking interruption-tolerant workloads, and its values allowing spot. */
        public Builder spotTag(String key, Set<String> values) {
            this.spotTagKey = key;
            this.spotTagValues = values;
            return this;
        }

        /** ServiceCategory values a savings plan covers. */
        public Builder commitmentServiceCategories(Set<String> value) {
            this.commitmentServiceCategories = value;
            return this;
        }

        /** The hourly spend percentile taken as the commitment baseline. */
        public Builder commitmentBaselinePercentile(double value) {
            this.commitmentBaselinePercentile = value;
            return this;
        }

        /** The commitment term and payment option to recommend (a commitment rate key). */
        public Builder commitmentOption(String value) {
            this.commitmentOption = value;
            return this;
        }

        /** The annual discount rate for commitment NPV. */
        public Builder costOfCapital(double value) {
            this.costOfCapital = value;
            return this;
        }

        /** How recent an anomaly must be to investigate. */
        public Builder anomalyRecentDays(int value) {
            this.anomalyRecentDays = value;
            return this;
        }

        /** The ranking. */
        public Builder ranking(Ranking value) {
            this.ranking = value;
            return this;
        }

        /** The instance catalog (e.g. {@code InstanceCatalog.shipped().overriddenBy(mine)}). */
        public Builder catalog(InstanceCatalog value) {
            this.catalog = value;
            return this;
        }

        /** The pricing rates. */
        public Builder rates(PricingRates value) {
            this.rates = value;
            return this;
        }

        /** The options. */
        public RecommendationOptions build() {
            return new RecommendationOptions(
                    lookbackDays,
                    minMonthlySavings,
                    nonProductionTagKeys,
                    nonProductionValues,
                    scheduleServiceCategories,
                    alwaysOnShare,
                    scheduleOnHoursPerWeek,
                    terminateMaxCpu,
                    targetCpuP95,
                    memoryHeadroom,
                    spotTagKey,
                    spotTagValues,
                    commitmentServiceCategories,
                    commitmentBaselinePercentile,
                    commitmentOption,
                    costOfCapital,
                    anomalyRecentDays,
                    ranking,
                    catalog,
                    rates);
        }
    }
}
