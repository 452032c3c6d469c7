/**
 * The cost queries as DuckDB SQL: {@link dev.costagent.duckdb.DuckDbQueryEngine} answers every
 * {@link dev.costagent.core.table.CostQuery} over FOCUS CSV, CSV.gz and Parquet files without loading rows into the
 * JVM, and {@link dev.costagent.duckdb.DuckDbSource} hands it to the agent. See {@code docs/engines.md}.
 */
package dev.costagent.duckdb;
