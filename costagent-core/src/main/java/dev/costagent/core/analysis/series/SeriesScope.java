package dev.costagent.core.analysis.series;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.Metric;
import dev.costagent.core.table.TimeRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rows and which number a series counts.
 *
 * @param metric the summed metric
 * @param filters every filter must pass
 * @param range on ChargePeriodStart
 */
public record SeriesScope(Metric metric, List<Filter> filters, TimeRange range) {

    /** The ChargeCategory the default scope keeps. */
    public static final String USAGE = "Usage";

    /** Copies the filters. */
    public SeriesScope {
        requireNonNull(metric, "metric");
        filters = List.copyOf(filters);
        requireNonNull(range, "range");
    }

    /** EffectiveCost of {@code ChargeCategory = Usage} rows, all time: the default. */
    public static SeriesScope usage() {
        return new SeriesScope(
                Metric.EFFECTIVE_COST,
                List.of(Filter.in(Dimension.of(FocusColumn.CHARGE_CATEGORY), USAGE)),
                TimeRange.ALL);
    }

    /** EffectiveCost of every row (purchases, credits, tax and refunds included), all time. */
    public static SeriesScope allCharges() {
        return new SeriesScope(Metric.EFFECTIVE_COST, List.of(), TimeRange.ALL);
    }

    /** The same scope summing another metric. */
    public SeriesScope withMetric(Metric newMetric) {
        return new SeriesScope(newMetric, filters, range);
    }

    /** The same scope over another time range. */
    public SeriesScope withRange(TimeRange newRange) {
        return new SeriesScope(metric, filters, newRange);
    }

    /** The same scope with one more filter. */
    public SeriesScope and(Filter filter) {
        List<Filter> more = new ArrayList<>(filters);
        more.add(filter);
        return new SeriesScope(metric, more, range);
    }

    /** A query builder over this scope (metric, filters and range set), to which callers add the grouping. */
    public CostQuery.Builder query() {
        CostQuery.Builder b = CostQuery.builder().metric(metric).range(range);
        for (Filter filter : filters) {
            b.filter(filter);
        }
        return b;
    }
}
