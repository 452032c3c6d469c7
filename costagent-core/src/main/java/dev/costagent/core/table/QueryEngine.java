package dev.costagent.core.table;

/**
 * Runs {@link CostQuery}s. The in-memory {@link CostTable} is one engine; a SQL engine over the same data can be
 * another. Implementations must be safe to call from many threads at once.
 *
 * <p>What every engine must do (the reusable test kit {@code dev.costagent.core.table.QueryEngineContract} in core's
 * test-jar checks each point; an engine's test extends it):
 * <ul>
 *   <li><b>Keys:</b> {@code hour}, {@code day}, {@code month} are UTC buckets of ChargePeriodStart formatted
 *       {@code 2024-09-18T22}, {@code 2024-09-18}, {@code 2024-09}; columns and {@code tag:KEY} give the value as
 *       written. A row without a value has a {@code null} key; groups come sorted by key, element by element, nulls
 *       first, strings in {@link String#compareTo} order.</li>
 *   <li><b>Sums:</b> the metric summed per group and in total, to 1e-9 relative of the exact decimal sum; a row whose
 *       metric is null adds nothing but still counts in {@code rows}.</li>
 *   <li><b>Filters:</b> on any dimension, a {@code null} value matching rows without a value; all filters must
 *       pass.</li>
 *   <li><b>Time range:</b> half-open {@code [start, end)} on ChargePeriodStart; rows start on whole seconds, so
 *       fractional bounds keep exactly the rows {@link TimeRange#contains} keeps.</li>
 *   <li><b>Missing column:</b> a column (or metric) the input lacks, used anywhere in the query, is a
 *       {@link QueryException} saying {@code column NAME is absent from the input}; an absent tag key is not an
 *       error, it is null on every row.</li>
 *   <li><b>Currency:</b> over data holding more than one BillingCurrency, a cost metric must be grouped by
 *       BillingCurrency or filtered to exactly one, otherwise a {@link QueryException} naming the currencies
 *       (quantities are not money and are never refused).</li>
 * </ul>
 */
public interface QueryEngine {

    /** Runs a query. */
    QueryResult execute(CostQuery query);
}
