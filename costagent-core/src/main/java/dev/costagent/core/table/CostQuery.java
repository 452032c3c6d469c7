package dev.costagent.core.table;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.focus.FocusColumn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A question about billing data as a value: the sum of one metric and the row count, grouped by dimensions, over the
 * rows that pass every filter and whose ChargePeriodStart lies in the range.
 *
 * <p>It is the only way analyses read data, so any engine that can run it (the in-memory {@link CostTable}, or a SQL
 * engine such as DuckDB, Spark SQL or Trino with {@code SELECT dims, SUM(metric), COUNT(*) ... GROUP BY dims}) can run
 * every analysis.
 *
 * @param metric what to sum
 * @param groupBy the grouping dimensions, in key order; empty for a single total
 * @param filters all must pass
 * @param range on ChargePeriodStart
 */
public record CostQuery(Metric metric, List<Dimension> groupBy, List<Filter> filters, TimeRange range) {

    /** Copies the lists. */
    public CostQuery {
        requireNonNull(metric, "metric");
        groupBy = List.copyOf(groupBy);
        filters = List.copyOf(filters);
        requireNonNull(range, "range");
    }

    /**
     * Refuses to add up money in several currencies: over data holding more than one BillingCurrency, a cost query
     * must group by BillingCurrency or filter to exactly one.
     *
     * @param currencies the currencies in the data
     * @throws QueryException when the query would mix them
     */
    public void checkCurrencies(Collection<String> currencies) {
        if (currencies.size() <= 1 || !metric.isCost()) {
            return;
        }
        Dimension currency = Dimension.of(FocusColumn.BILLING_CURRENCY);
        if (groupBy.contains(currency)
                || filters.stream()
                        .anyMatch(f -> f.dimension().equals(currency)
                                && !f.exclude()
                                && f.values().size() == 1)) {
            return;
        }
        throw new QueryException("mixed BillingCurrency " + currencies
                + " in one dataset: group by BillingCurrency (per-currency results) or filter to one currency");
    }

    /** A builder summing EffectiveCost over everything, ungrouped. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this query. */
    public Builder toBuilder() {
        Builder b = new Builder().metric(metric).range(range);
        b.groupBy.addAll(groupBy);
        b.filters.addAll(filters);
        return b;
    }

    /** Builds a {@link CostQuery}. */
    public static final class Builder {
        private Metric metric = Metric.EFFECTIVE_COST;
        private final List<Dimension> groupBy = new ArrayList<>();
        private final List<Filter> filters = new ArrayList<>();
        private TimeRange range = TimeRange.ALL;

        private Builder() {}

        /** The metric to sum (default EffectiveCost). */
        public Builder metric(Metric metric) {
            this.metric = requireNonNull(metric);
            return this;
        }

        /** Adds grouping dimensions, in key order. */
        public Builder groupBy(Dimension... dimensions) {
            groupBy.addAll(List.of(dimensions));
            return this;
        }

        /** Adds grouping dimensions, in key order. */
        public Builder groupBy(List<Dimension> dimensions) {
            groupBy.addAll(dimensions);
            return this;
        }

        /** Adds a filter; all filters must pass. */
        public Builder filter(Filter filter) {
            filters.add(requireNonNull(filter));
            return this;
        }

        /** Restricts ChargePeriodStart to a range. */
        public Builder range(TimeRange range) {
            this.range = requireNonNull(range);
            return this;
        }

        /** The query. */
        public CostQuery build() {
            return new CostQuery(metric, groupBy, filters, range);
        }
    }

    // equals and hashCode written out: a record's generated ones are linked on first use (an invokedynamic bootstrap),
    // which in a one-shot process costs milliseconds of the stage that first compares queries (a cache's keys)
    @Override
    public boolean equals(Object o) {
        return o instanceof CostQuery q
                && metric == q.metric
                && groupBy.equals(q.groupBy)
                && filters.equals(q.filters)
                && range.equals(q.range);
    }

    @Override
    public int hashCode() {
        return ((metric.ordinal() * 31 + groupBy.hashCode()) * 31 + filters.hashCode()) * 31 + range.hashCode();
    }
}
