package dev.costagent.core.table;

import dev.costagent.core.focus.FocusColumn;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link CostQuery}s: the one seam between the analyses, recommendations and {@code CostAgent} and the data. The
 * in-memory {@link CostTable} is the default engine; engines over DuckDB or Spark run the same queries where the data
 * lives. Implementations must be safe to call from many threads at once.
 *
 * <p>What every engine must do (core's test-jar ships {@code QueryEngineContract}, which checks it):
 * <ul>
 *   <li>Sum the query's {@link Metric} with compensated summation, treating a null amount as absent (it neither adds
 *       nor counts as zero in another metric); totals agree with exact decimal sums to 1e-9 relative.</li>
 *   <li>Group by every {@link Dimension}: {@code hour}, {@code day}, {@code month} of ChargePeriodStart in UTC, any
 *       FOCUS or provider column, {@code tag:KEY}; a null key is a group of its own, ordered first.</li>
 *   <li>Keep rows whose ChargePeriodStart lies in the {@link TimeRange}: start inclusive, end exclusive, with
 *       fractional bounds read as {@link TimeRange#contains} reads them.</li>
 *   <li>Throw {@link QueryException} for a column the input lacks, and for a sum over mixed BillingCurrency values
 *       unless the query groups by or filters to one currency.</li>
 *   <li>Details the kit pins: keys are formatted {@code 2024-09-18T22}, {@code 2024-09-18}, {@code 2024-09} and sorted
 *       element by element in {@link String#compareTo} order; a row with a null metric still counts in {@code rows};
 *       an absent tag key is no error (null on every row); quantities are never refused for currency.</li>
 * </ul>
 */
public interface QueryEngine extends AutoCloseable {

    /** Runs a query. */
    QueryResult execute(CostQuery query);

    /**
     * What the data holds: rows, columns, currencies, time span, data quality. This default asks queries (rows, the
     * currencies, the first and last hour) and knows no columns, rejects or data quality; engines that know more
     * override it.
     */
    default DataProfile profile() {
        QueryResult all = execute(CostQuery.builder().build());
        List<String> currencies = new ArrayList<>();
        try {
            for (QueryResult.Group g : execute(CostQuery.builder()
                            .groupBy(Dimension.of(FocusColumn.BILLING_CURRENCY))
                            .build())
                    .groups()) {
                if (g.key(0) != null) {
                    currencies.add(g.key(0));
                }
            }
        } catch (QueryException absent) {
            // no BillingCurrency column: no currency to report
        }
        List<QueryResult.Group> hours =
                execute(CostQuery.builder().groupBy(Dimension.HOUR).build()).groups();
        Instant first = null;
        Instant last = null;
        for (QueryResult.Group g : hours) {
            if (g.key(0) != null) {
                Instant hour = LocalDate.parse(g.key(0).substring(0, 10))
                        .atTime(Integer.parseInt(g.key(0).substring(11)), 0)
                        .toInstant(ZoneOffset.UTC);
                first = first == null || hour.isBefore(first) ? hour : first;
                last = last == null || hour.isAfter(last) ? hour : last;
            }
        }
        return new DataProfile(all.rows(), 0, null, currencies, first, last, List.of(), List.of());
    }

    /**
     * The profile without each provider's granularity: rows, rejects, columns, currencies, time span and data quality
     * as {@link #profile()} gives them, what a summary of a query prints. Its {@code input().granularity()} may be
     * empty. This default is {@link #profile()}; an engine for which the granularity costs a pass over the rows (the
     * DuckDB engine over Parquet) overrides it to skip that.
     */
    default DataProfile summaryProfile() {
        return profile();
    }

    /**
     * Whether a query here costs mostly its pass over the data (an engine that reads files again or runs a cluster's
     * job per query), so that one larger query beats several smaller ones: callers with a choice of plans (the
     * anomalies' root causes) then ask one. True by default; the in-memory {@link CostTable}, whose pass is cheap
     * and whose cost grows with a result's groups, answers false, and gets several small queries instead.
     */
    default boolean prefersFewerQueries() {
        return true;
    }

    /**
     * A hint that queries grouping by or filtering on these dimensions will follow: an engine may do now, on the
     * calling thread, the work those queries share, so that a caller with an idle core runs it ahead of them (the
     * analyses do, beside their first queries). The in-memory {@link CostTable} lists its rows by attribute set (what
     * a filtered query reads) and orders the values of each column named (what sorts a result's groups), once for
     * every later query. Never needed for a correct answer; the default does nothing.
     */
    default void prepare(List<Dimension> dimensions) {}

    /**
     * At most how many distinct values (null counted as one) a dimension has, when the engine knows without reading
     * the rows: the in-memory {@link CostTable} knows each column's dictionary. Empty when knowing would cost a pass
     * (the default), and for tags and time buckets. Callers choose plans by it: the anomalies' root causes read a
     * cause of few values whole, at once, rather than ranking its values on a few days first.
     */
    default java.util.OptionalLong distinctValues(Dimension dimension) {
        return java.util.OptionalLong.empty();
    }

    /**
     * Releases what the engine holds (a database connection, a cached Spark dataset). The agent closes the engines it
     * caches when they leave the cache and when it closes; the in-memory table holds nothing to release.
     */
    @Override
    default void close() {}
}
