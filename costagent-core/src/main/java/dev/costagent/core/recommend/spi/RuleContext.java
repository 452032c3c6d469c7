package dev.costagent.core.recommend.spi;

import dev.costagent.core.analysis.series.SeriesScope;
import dev.costagent.core.analysis.utilization.UtilizationVerdict;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.Granularity;
import dev.costagent.core.recommend.inventory.ResolvedType;
import dev.costagent.core.recommend.model.AnomalySignal;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a {@link RecommendationRule} reads in one run: the billing data through queries, the analysis stage's
 * verdicts and anomalies, and per-resource facts that the run's rules share (each computed once, on first use, by the
 * engine's implementation). All queries are over usage rows ({@code ChargeCategory = Usage}) in the
 * {@linkplain #window() billing window} unless said otherwise. A context belongs to one run and one thread at a time.
 */
public interface RuleContext {

    /** The filter keeping usage rows. */
    static Filter usageOnly() {
        return Filter.in(Dimension.of(FocusColumn.CHARGE_CATEGORY), SeriesScope.USAGE);
    }

    /** The billing data, for a rule's own queries (prefer {@link #query(CostQuery)}, which shares and forgives). */
    QueryEngine billing();

    /** The settings every rule reads (window length, tags, categories, catalog, rates). */
    ContextSettings settings();

    /** CPU verdicts by resource id, in id order. */
    Map<String, UtilizationVerdict> utilization();

    /** Anomalies from the analysis stage. */
    List<AnomalySignal> anomalies();

    /**
     * Runs a query for a rule, sharing the answer with every other rule of the run. When the data cannot answer it
     * (a {@link dev.costagent.core.table.QueryException}: typically an optional FOCUS column the input lacks), the
     * rule gets an empty result and the report a warning naming the rule, instead of the whole run failing; any
     * other exception propagates.
     */
    QueryResult query(CostQuery query);

    /** Records a warning for the report (e.g. a resource that could not be rightsized, and why); once. */
    void warn(String message);

    /** What the billing rows let rules see, per provider; empty when the engine does not know it. */
    Map<String, Granularity> granularity();

    /** The billing window, or empty when the data has no usage cost at all. */
    Optional<BillingWindow> window();

    /** Usage cost per epoch day over all the data, in day order (days without usage rows are absent). */
    NavigableMap<Long, Double> dailyUsageCost();

    /**
     * Hourly usage cost over the window that a savings plan could cover (on-demand, in the settings' commitment
     * categories); index 0 is the window's first hour. Empty without a window.
     */
    double[] commitmentEligibleHourly();

    /** {@link #commitmentEligibleHourly()} per {@link CommitmentScope}, in scope order; daily rows spread over 24 h. */
    Map<CommitmentScope, double[]> commitmentEligibleHourlyByScope();

    /**
     * Hourly commitment-eligible on-demand cost over the window, by scope and, when {@code resourceIds} is not null,
     * by resource restricted to those resources (resource null otherwise). Daily rows spread over their day.
     */
    Map<ScopedKey, double[]> eligibleHourly(Set<String> resourceIds);

    /**
     * A scope's, or one resource's, hourly cost key.
     *
     * @param scope provider, billing account, currency
     * @param resourceId the resource, or null for the whole scope
     */
    record ScopedKey(CommitmentScope scope, String resourceId) {
        // equals and hashCode written out: a record's generated ones are linked on first use (an invokedynamic
        // bootstrap), which in a one-shot process costs milliseconds of the recommend stage
        @Override
        public boolean equals(Object o) {
            return o instanceof ScopedKey k
                    && scope.equals(k.scope)
                    && java.util.Objects.equals(resourceId, k.resourceId);
        }

        @Override
        public int hashCode() {
            return scope.hashCode() * 31 + java.util.Objects.hashCode(resourceId);
        }
    }

    /**
     * The exclusive actions kept by the first phase (set by the engine before the rules {@linkplain
     * RecommendationRule#sizedAfterActions() sized after actions} run); empty before.
     */
    List<Recommendation> plannedActions();

    /**
     * A value several rules of the run need (e.g. the commitment plan both commitment rules read), computed once per
     * key and per {@linkplain #plannedActions() plan}.
     */
    <T> T shared(Object key, Function<RuleContext, T> compute);

    /** The BillingCurrency of a resource's usage rows; the data's main currency when it has none. */
    String currency(String resourceId);

    /** The currency with the most usage cost in the window (empty when the data names none). */
    String currency();

    /** Hours with usage cost in the window, per resource, for the few resources asked about. */
    Map<String, Long> activeHours(Set<String> resourceIds);

    /** The environment of a resource, lower case, from the first configured tag key it has; null if none. */
    String environment(String resourceId);

    /** Whether a resource is tagged non-production. */
    boolean nonProduction(String resourceId);

    /** Whether a resource's spot tag names a workload that tolerates interruption. */
    boolean spotTolerant(String resourceId);

    /** The ServiceCategory of a resource's usage ({@code Compute}, {@code Storage}, ...), or null. */
    String serviceCategory(String resourceId);

    /** Whether a resource can be stopped and started (a schedulable category, and an instance type). */
    boolean schedulable(String resourceId);

    /** One tag of a resource (only the environment and spot tag keys are read), or null. */
    String tag(String resourceId, String key);

    /** The cost profile of a candidate resource in the window, if it had usage cost there. */
    Optional<ResourceProfile> profile(String resourceId);

    /**
     * Profiles of every candidate resource (one with a utilization verdict, or tagged non-production or spot
     * tolerant), by id, in id order.
     */
    Map<String, ResourceProfile> profiles();

    /** Whether a resource stopped reporting cost more than a day before the data's last day (already gone). */
    boolean stale(ResourceProfile profile);

    /** Usage cost by ChargeDescription for every resource in the window, in resource id order. */
    Map<String, Map<String, Double>> descriptions();

    /**
     * Usage cost by the ChargeDescriptions that {@code kept} accepts, for every resource in the window that has one,
     * in resource id order: {@link #descriptions()} without the other descriptions and the resources left with none.
     * A rule looking for a few descriptions (a volume type, say) asks this; the engine's context then reads only the
     * rows of those descriptions instead of every resource's. {@code kept} is asked once per distinct description.
     */
    default Map<String, Map<String, Double>> descriptions(Predicate<String> kept) {
        Map<String, Boolean> judged = new HashMap<>();
        Map<String, Map<String, Double>> out = new TreeMap<>();
        descriptions().forEach((resourceId, costs) -> {
            Map<String, Double> keptCosts = new HashMap<>();
            costs.forEach((description, cost) -> {
                if (judged.computeIfAbsent(description, kept::test)) {
                    keptCosts.put(description, cost);
                }
            });
            if (!keptCosts.isEmpty()) {
                out.put(resourceId, keptCosts);
            }
        });
        return out;
    }

    /** The instance type of a candidate resource, if it can be found; all candidates are resolved together, once. */
    Optional<ResolvedType> instanceType(String resourceId);
}
