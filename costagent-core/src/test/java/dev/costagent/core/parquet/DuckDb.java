package dev.costagent.core.parquet;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Writes test Parquet files with DuckDB, the way a provider's export tooling would. Test scope only. */
final class DuckDb implements AutoCloseable {

    private final Connection connection;

    DuckDb() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
    }

    /** Runs statements. */
    DuckDb run(String... sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
        return this;
    }

    /** Loads a FOCUS CSV into table {@code name}, typed by DuckDB's detection ("NULL" and empty read as null). */
    DuckDb loadCsv(String name, Path csv) throws SQLException {
        return run("CREATE OR REPLACE TABLE " + name + " AS SELECT * FROM read_csv(" + quote(csv)
                + ", nullstr = ['', 'NULL'])");
    }

    /** Copies a query's result to a CSV file. */
    DuckDb copyCsv(String query, Path csv) throws SQLException {
        return run("COPY (" + query + ") TO " + quote(csv) + " (FORMAT csv, HEADER)");
    }

    /** Copies a query's result to a Parquet file with these COPY options (e.g. {@code COMPRESSION zstd}). */
    DuckDb copy(String query, Path parquet, String options) throws SQLException {
        return run("COPY (" + query + ") TO " + quote(parquet) + " (FORMAT parquet"
                + (options.isEmpty() ? "" : ", " + options) + ")");
    }

    /** The first column of a query's first row, as text. */
    String scalar(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    static String quote(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
