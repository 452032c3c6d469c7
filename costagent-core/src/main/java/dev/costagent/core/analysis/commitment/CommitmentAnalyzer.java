package dev.costagent.core.analysis.commitment;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.Metric;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryResult;
import dev.costagent.core.table.TimeRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a {@link CommitmentReport} with one grouped query (see the package documentation for the definitions).
 * Immutable and thread-safe.
 */
public final class CommitmentAnalyzer {
    /** The CommitmentDiscountStatus of the unused part of a commitment. */
    public static final String UNUSED = "Unused";

    private static final Dimension SERVICE = Dimension.of(FocusColumn.SERVICE_NAME);
    private static final Dimension ID = Dimension.of(FocusColumn.COMMITMENT_DISCOUNT_ID);
    private static final Dimension STATUS = Dimension.of(FocusColumn.COMMITMENT_DISCOUNT_STATUS);
    private static final Dimension NAME = Dimension.of(FocusColumn.COMMITMENT_DISCOUNT_NAME);
    private static final Dimension TYPE = Dimension.of(FocusColumn.COMMITMENT_DISCOUNT_TYPE);
    private static final Dimension CATEGORY = Dimension.of(FocusColumn.COMMITMENT_DISCOUNT_CATEGORY);

    private final Metric metric;

    private CommitmentAnalyzer(Metric metric) {
        this.metric = requireNonNull(metric, "metric");
    }

    /** An analyzer summing EffectiveCost (amortized commitment cost). */
    public static CommitmentAnalyzer defaults() {
        return of(Metric.EFFECTIVE_COST);
    }

    /** An analyzer summing the given metric (e.g. ListCost for coverage at on-demand prices). */
    public static CommitmentAnalyzer of(Metric metric) {
        return new CommitmentAnalyzer(metric);
    }

    /** Analyzes the usage rows in a time range. */
    public CommitmentReport analyze(QueryEngine engine, TimeRange range) {
        CostQuery query = CostQuery.builder().metric(metric).range(range)
                .filter(Filter.in(Dimension.of(FocusColumn.CHARGE_CATEGORY), "Usage"))
                .groupBy(SERVICE, ID, STATUS, NAME, TYPE, CATEGORY)
                .build();
        QueryResult result = engine.execute(query);

        Set<String> eligibleServices = new LinkedHashSet<>();
        for (QueryResult.Group g : result.groups()) {
            if (g.key(1) != null && !UNUSED.equalsIgnoreCase(g.key(2))) {
                eligibleServices.add(g.key(0));
            }
        }
        double eligible = 0;
        double covered = 0;
        Map<String, double[]> perCommitment = new LinkedHashMap<>();
        Map<String, String[]> labels = new LinkedHashMap<>();
        for (QueryResult.Group g : result.groups()) {
            String id = g.key(1);
            boolean unused = UNUSED.equalsIgnoreCase(g.key(2));
            if (!unused && eligibleServices.contains(g.key(0))) {
                eligible += g.value();
                if (id != null) {
                    covered += g.value();
                }
            }
            if (id != null) {
                perCommitment.computeIfAbsent(id, k -> new double[2])[unused ? 1 : 0] += g.value();
                labels.putIfAbsent(id, new String[] {g.key(3), g.key(4), g.key(5)});
            }
        }
        List<CommitmentUsage> commitments = new ArrayList<>();
        double used = 0;
        double unusedTotal = 0;
        for (Map.Entry<String, double[]> e : perCommitment.entrySet()) {
            double u = e.getValue()[0];
            double w = e.getValue()[1];
            used += u;
            unusedTotal += w;
            String[] l = labels.get(e.getKey());
            commitments.add(new CommitmentUsage(e.getKey(), l[0], l[1], l[2], u, w, ratio(u, u + w)));
        }
        commitments.sort(Comparator.comparingDouble((CommitmentUsage c) -> -c.unusedCost())
                .thenComparing(CommitmentUsage::id));
        List<String> services = new ArrayList<>();
        eligibleServices.forEach(s -> services.add(s == null ? "(none)" : s));
        return new CommitmentReport(eligible, covered, ratio(covered, eligible), used, unusedTotal,
                ratio(used, used + unusedTotal), services, commitments);
    }

    private static Double ratio(double part, double whole) {
        return whole == 0 ? null : part / whole;
    }
}
