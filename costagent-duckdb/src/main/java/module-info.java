/**
 * costagent-duckdb: the cost queries as DuckDB SQL over FOCUS files, without loading the rows into the JVM; provides
 * the {@code duckdb} engine to {@code CostSourceProvider}.
 */
module dev.costagent.duckdb {
    requires transitive dev.costagent.core;
    requires java.sql;
    requires duckdb.jdbc;

    exports dev.costagent.duckdb;

    provides dev.costagent.core.source.CostSourceProvider with
            dev.costagent.duckdb.DuckDbSourceProvider;
}
