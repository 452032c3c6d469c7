package dev.costagent.core.table;

/**
 * Runs {@link CostQuery}s. The in-memory {@link CostTable} is one engine; a SQL engine over the same data can be
 * another. Implementations must be safe to call from many threads at once.
 */
public interface QueryEngine {

    /** Runs a query. */
    QueryResult execute(CostQuery query);
}
