package dev.costagent.core.recommend.spi;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.recommend.catalog.InstanceCatalog;
import dev.costagent.core.recommend.catalog.PricingRates;
import java.util.List;
import java.util.Set;

/**
 * The settings the {@link RuleContext} itself reads, shared by every rule (each rule's own thresholds live in that
 * rule's options record).
 *
 * @param lookbackDays billing days (ending at the last hour of data) that monthly costs are measured over (30)
 * @param nonProductionTagKeys tag keys naming an environment, first present wins ({@code env, environment,
 *     Environment, stage})
 * @param nonProductionValues environment values that mark non-production, lower case ({@code dev, development, test,
 *     qa, staging, sandbox})
 * @param scheduleServiceCategories ServiceCategory values whose resources can be stopped and started ({@code Compute})
 * @param spotTagKey tag key marking interruption-tolerant workloads ({@code workload})
 * @param spotTagValues its values that allow spot, lower case ({@code batch, ci, build, spot-ok})
 * @param commitmentServiceCategories ServiceCategory values whose on-demand spend a savings plan covers
 *     ({@code Compute})
 * @param catalog the instance catalog
 * @param rates storage, commitment and spot rates
 */
public record ContextSettings(
        int lookbackDays,
        List<String> nonProductionTagKeys,
        Set<String> nonProductionValues,
        Set<String> scheduleServiceCategories,
        String spotTagKey,
        Set<String> spotTagValues,
        Set<String> commitmentServiceCategories,
        InstanceCatalog catalog,
        PricingRates rates) {

    /** The documented defaults, with the shipped catalog and rates. */
    public static final ContextSettings DEFAULTS = new ContextSettings(
            30,
            List.of("env", "environment", "Environment", "stage"),
            Set.of("dev", "development", "test", "qa", "staging", "sandbox"),
            Set.of("Compute"),
            "workload",
            Set.of("batch", "ci", "build", "spot-ok"),
            Set.of("Compute"),
            InstanceCatalog.shipped(),
            PricingRates.shipped());

    /** Validates and copies. */
    public ContextSettings {
        if (lookbackDays < 1) {
            throw new IllegalArgumentException("lookbackDays must be at least 1, got " + lookbackDays);
        }
        nonProductionTagKeys = List.copyOf(nonProductionTagKeys);
        nonProductionValues = Set.copyOf(nonProductionValues);
        scheduleServiceCategories = Set.copyOf(scheduleServiceCategories);
        requireNonNull(spotTagKey, "spotTagKey");
        spotTagValues = Set.copyOf(spotTagValues);
        commitmentServiceCategories = Set.copyOf(commitmentServiceCategories);
        requireNonNull(catalog, "catalog");
        requireNonNull(rates, "rates");
    }
}
