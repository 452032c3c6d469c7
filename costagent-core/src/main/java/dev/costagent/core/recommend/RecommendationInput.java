package dev.costagent.core.recommend;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.analysis.utilization.UtilizationVerdict;
import dev.costagent.core.recommend.inventory.InstanceInventory;
import dev.costagent.core.recommend.model.AnomalySignal;
import dev.costagent.core.table.QueryEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one recommendation run looks at.
 *
 * @param billing the billing data, read only through queries
 * @param utilization CPU verdicts by resource id (empty when no utilization data was given)
 * @param anomalies anomalies from the analysis stage
 * @param inventory stated instance types
 */
public record RecommendationInput(
        QueryEngine billing,
        Map<String, UtilizationVerdict> utilization,
        List<AnomalySignal> anomalies,
        InstanceInventory inventory) {

    /** Copies the collections. */
    public RecommendationInput {
        requireNonNull(billing, "billing");
        utilization = Map.copyOf(utilization);
        anomalies = List.copyOf(anomalies);
        requireNonNull(inventory, "inventory");
    }

    /** Billing data only: no utilization, anomalies or inventory. */
    public static RecommendationInput of(QueryEngine billing) {
        return new RecommendationInput(billing, Map.of(), List.of(), InstanceInventory.EMPTY);
    }

    /** Billing data and verdicts, keyed by their resource ids. */
    public static RecommendationInput of(QueryEngine billing, List<UtilizationVerdict> verdicts) {
        Map<String, UtilizationVerdict> byId = new LinkedHashMap<>();
        verdicts.forEach(v -> byId.put(v.resourceId(), v));
        return new RecommendationInput(billing, byId, List.of(), InstanceInventory.EMPTY);
    }

    /** A copy with anomalies. */
    public RecommendationInput withAnomalies(List<AnomalySignal> value) {
        return new RecommendationInput(billing, utilization, value, inventory);
    }

    /** A copy with an inventory. */
    public RecommendationInput withInventory(InstanceInventory value) {
        return new RecommendationInput(billing, utilization, anomalies, value);
    }
}
