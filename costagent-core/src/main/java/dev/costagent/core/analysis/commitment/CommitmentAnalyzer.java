package dev.costagent.core.analysis.commitment;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.analysis.series.SeriesScope;
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
 * Computes a {@link CommitmentReport} with one grouped query per metric (see the package documentation for the
 * definitions).
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

    private final Metric coverageMetric;
    private final Metric utilizationMetric;

    private CommitmentAnalyzer(Metric coverageMetric, Metric utilizationMetric) {
        this.coverageMetric = requireNonNull(coverageMetric, "coverageMetric");
        this.utilizationMetric = requireNonNull(utilizationMetric, "utilizationMetric");
    }

    /**
     * Coverage at on-demand prices (ListCost: a covered row's on-demand equivalent; real exports bill covered rows at
     * an EffectiveCost of 0 or a discounted amount, which would understate coverage) and utilization and unused
     * dollars at amortized commitment cost (EffectiveCost).
     */
    public static CommitmentAnalyzer defaults() {
        return of(Metric.LIST_COST, Metric.EFFECTIVE_COST);
    }

    /** An analyzer with the given metrics for coverage and for utilization (used and unused dollars). */
    public static CommitmentAnalyzer of(Metric coverageMetric, Metric utilizationMetric) {
        return new CommitmentAnalyzer(coverageMetric, utilizationMetric);
    }

    /**
     * Analyzes the usage rows in a time range: one grouped query for coverage, and one for utilization when the
     * metrics differ and the data has commitment rows at all. Both group the same rows by the same key, so when no
     * coverage group has a commitment id no utilization group has one either, and utilization reads only those.
     */
    public CommitmentReport analyze(QueryEngine engine, TimeRange range) {
        QueryResult coverageResult = engine.execute(query(coverageMetric, range).build());
        boolean committed = false;
        for (QueryResult.Group g : coverageResult.groups()) {
            committed |= g.key(1) != null;
        }
        QueryResult result;
        if (coverageMetric == utilizationMetric) {
            result = coverageResult;
        } else if (!committed) {
            result = new QueryResult(query(utilizationMetric, range).build(), List.of(), 0, 0); // nothing to read
        } else {
            result = engine.execute(query(utilizationMetric, range).build());
        }

        Set<String> eligibleServices = new LinkedHashSet<>();
        for (QueryResult.Group g : coverageResult.groups()) {
            if (g.key(1) != null && !UNUSED.equalsIgnoreCase(g.key(2))) {
                eligibleServices.add(g.key(0));
            }
        }
        double eligible = 0;
        double covered = 0;
        for (QueryResult.Group g : coverageResult.groups()) {
            if (!UNUSED.equalsIgnoreCase(g.key(2)) && eligibleServices.contains(g.key(0))) {
                eligible += g.value();
                if (g.key(1) != null) {
                    covered += g.value();
                }
            }
        }
        Map<String, double[]> perCommitment = new LinkedHashMap<>();
        Map<String, String[]> labels = new LinkedHashMap<>();
        for (QueryResult.Group g : result.groups()) {
            String id = g.key(1);
            if (id != null) {
                boolean unused = UNUSED.equalsIgnoreCase(g.key(2));
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
        return new CommitmentReport(
                coverageMetric.columnName(),
                utilizationMetric.columnName(),
                eligible,
                covered,
                ratio(covered, eligible),
                used,
                unusedTotal,
                ratio(used, used + unusedTotal),
                services,
                commitments);
    }

    private static CostQuery.Builder query(Metric metric, TimeRange range) {
        return CostQuery.builder()
                .metric(metric)
                .range(range)
                .filter(Filter.in(Dimension.of(FocusColumn.CHARGE_CATEGORY), SeriesScope.USAGE))
                .groupBy(SERVICE, ID, STATUS, NAME, TYPE, CATEGORY);
    }

    private static Double ratio(double part, double whole) {
        return whole == 0 ? null : part / whole;
    }
}
