package dev.costagent.core.recommend;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.recommend.catalog.InstanceCatalog;
import dev.costagent.core.recommend.catalog.PricingRates;
import dev.costagent.core.recommend.rules.AnomalyRule;
import dev.costagent.core.recommend.rules.CommitmentOptions;
import dev.costagent.core.recommend.rules.IdleRule;
import dev.costagent.core.recommend.rules.RightsizeRule;
import dev.costagent.core.recommend.rules.ScheduleRule;
import dev.costagent.core.recommend.spi.ContextSettings;
import java.util.List;
import java.util.Set;

/**
 * The knobs of a recommendation run, grouped by who reads them: the engine (minimum saving, ranking), the
 * {@link dev.costagent.core.recommend.spi.RuleContext} every rule reads ({@link ContextSettings}), and each shipped
 * rule its own options record. {@link #defaults()} documents every default; {@link #builder()} changes any of them
 * by its old flat name ({@code terminateMaxCpu}, {@code lookbackDays}, ...) or a whole rule's record at once.
 *
 * @param minMonthlySavings recommendations saving less per month are dropped (1.00 in the billing currency)
 * @param ranking the ranking score and quick-win rule
 * @param context what the rule context reads: lookback, environment and spot tags, categories, catalog, rates
 * @param idle the idle rule's settings
 * @param rightsize the rightsizing rule's settings
 * @param schedule the scheduling rule's settings
 * @param commitments the two commitment rules' settings
 * @param anomaly the anomaly rule's settings
 */
public record RecommendationOptions(
        double minMonthlySavings,
        Ranking ranking,
        ContextSettings context,
        IdleRule.Options idle,
        RightsizeRule.Options rightsize,
        ScheduleRule.Options schedule,
        CommitmentOptions commitments,
        AnomalyRule.Options anomaly) {

    /** Checks that every part is there. */
    public RecommendationOptions {
        requireNonNull(ranking, "ranking");
        requireNonNull(context, "context");
        requireNonNull(idle, "idle");
        requireNonNull(rightsize, "rightsize");
        requireNonNull(schedule, "schedule");
        requireNonNull(commitments, "commitments");
        requireNonNull(anomaly, "anomaly");
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
        b.minMonthlySavings = minMonthlySavings;
        b.ranking = ranking;
        b.context(context);
        b.idle = idle;
        b.rightsize = rightsize;
        b.schedule = schedule;
        b.commitments = commitments;
        b.anomaly = anomaly;
        return b;
    }

    /**
     * Builds {@link RecommendationOptions}. The flat setters keep the names of the options before they were grouped;
     * each sets one field of the record it belongs to. Validation happens in {@link #build()}.
     */
    public static final class Builder {
        private double minMonthlySavings = 1.0;
        private Ranking ranking = Ranking.DEFAULT;
        private int lookbackDays;
        private List<String> nonProductionTagKeys;
        private Set<String> nonProductionValues;
        private Set<String> scheduleServiceCategories;
        private String spotTagKey;
        private Set<String> spotTagValues;
        private Set<String> commitmentServiceCategories;
        private InstanceCatalog catalog;
        private PricingRates rates;
        private IdleRule.Options idle = IdleRule.Options.DEFAULTS;
        private RightsizeRule.Options rightsize = RightsizeRule.Options.DEFAULTS;
        private ScheduleRule.Options schedule = ScheduleRule.Options.DEFAULTS;
        private CommitmentOptions commitments = CommitmentOptions.DEFAULTS;
        private AnomalyRule.Options anomaly = AnomalyRule.Options.DEFAULTS;

        private Builder() {
            context(ContextSettings.DEFAULTS);
        }

        /** All the rule context's settings at once. */
        public Builder context(ContextSettings value) {
            lookbackDays = value.lookbackDays();
            nonProductionTagKeys = value.nonProductionTagKeys();
            nonProductionValues = value.nonProductionValues();
            scheduleServiceCategories = value.scheduleServiceCategories();
            spotTagKey = value.spotTagKey();
            spotTagValues = value.spotTagValues();
            commitmentServiceCategories = value.commitmentServiceCategories();
            catalog = value.catalog();
            rates = value.rates();
            return this;
        }

        /** The idle rule's settings. */
        public Builder idle(IdleRule.Options value) {
            this.idle = requireNonNull(value);
            return this;
        }

        /** The rightsizing rule's settings. */
        public Builder rightsize(RightsizeRule.Options value) {
            this.rightsize = requireNonNull(value);
            return this;
        }

        /** The scheduling rule's settings. */
        public Builder schedule(ScheduleRule.Options value) {
            this.schedule = requireNonNull(value);
            return this;
        }

        /** The commitment rules' settings. */
        public Builder commitments(CommitmentOptions value) {
            this.commitments = requireNonNull(value);
            return this;
        }

        /** The anomaly rule's settings. */
        public Builder anomaly(AnomalyRule.Options value) {
            this.anomaly = requireNonNull(value);
            return this;
        }

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

        /** The share of hours with cost that makes a resource always on (the scheduling rule). */
        public Builder alwaysOnShare(double value) {
            this.schedule = new ScheduleRule.Options(value, schedule.onHoursPerWeek());
            return this;
        }

        /** Hours per week a scheduled resource keeps running (the scheduling rule). */
        public Builder scheduleOnHoursPerWeek(double value) {
            this.schedule = new ScheduleRule.Options(schedule.alwaysOnShare(), value);
            return this;
        }

        /** Max CPU % below which an idle resource is terminated rather than stopped (the idle rule). */
        public Builder terminateMaxCpu(double value) {
            this.idle = new IdleRule.Options(value);
            return this;
        }

        /** The projected CPU p95 % a rightsized resource may reach (the rightsizing rule). */
        public Builder targetCpuP95(double value) {
            this.rightsize = new RightsizeRule.Options(value, rightsize.memoryHeadroom());
            return this;
        }

        /** The memory headroom rightsizing keeps over the measured memory p95 (0.20 is 20 %). */
        public Builder memoryHeadroom(double value) {
            this.rightsize = new RightsizeRule.Options(rightsize.targetCpuP95(), value);
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

        /** The hourly spend percentile taken as the commitment baseline (no longer sizes purchases). */
        public Builder commitmentBaselinePercentile(double value) {
            this.commitments = new CommitmentOptions(commitments.option(), commitments.costOfCapital(), value);
            return this;
        }

        /** The commitment term and payment option to recommend (a commitment rate key). */
        public Builder commitmentOption(String value) {
            this.commitments =
                    new CommitmentOptions(value, commitments.costOfCapital(), commitments.baselinePercentile());
            return this;
        }

        /** The annual discount rate for commitment NPV. */
        public Builder costOfCapital(double value) {
            this.commitments = new CommitmentOptions(commitments.option(), value, commitments.baselinePercentile());
            return this;
        }

        /** How recent an anomaly must be to investigate (days before the end of the data). */
        public Builder anomalyRecentDays(int value) {
            this.anomaly = new AnomalyRule.Options(value);
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
                    minMonthlySavings,
                    ranking,
                    new ContextSettings(
                            lookbackDays,
                            nonProductionTagKeys,
                            nonProductionValues,
                            scheduleServiceCategories,
                            spotTagKey,
                            spotTagValues,
                            commitmentServiceCategories,
                            catalog,
                            rates),
                    idle,
                    rightsize,
                    schedule,
                    commitments,
                    anomaly);
        }
    }
}
