package dev.costagent.examples.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The DuckDB side of the ingest benchmark, run as its own process: {@code ingest FILE} loads the whole CSV into a
 * table; {@code summarize FILE} sums EffectiveCost by day and ServiceName straight from the file (CSV, or Parquet
 * when its name ends in {@code .parquet}). Test scope only.
 */
public final class DuckDbQuery {

    private DuckDbQuery() {}

    /** Runs one DuckDB query and prints the row count it produced. */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String file = args[1].replace("'", "''");
        String reader = file.endsWith(".parquet") ? "read_parquet" : "read_csv";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            if (mode.equals("ingest")) {
                statement.execute("CREATE TABLE t AS SELECT * FROM " + reader + "('" + file + "')");
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM t")) {
                    rows.next();
                    System.out.println(rows.getLong(1) + " rows");
                }
            } else {
                long groups = 0;
                try (ResultSet rows = statement.executeQuery("SELECT CAST(ChargePeriodStart AS DATE) AS day, "
                        + "ServiceName, SUM(EffectiveCost) AS cost, COUNT(*) AS n FROM " + reader + "('" + file
                        + "') GROUP BY ALL")) {
                    while (rows.next()) {
                        groups++;
                    }
                }
                System.out.println(groups + " groups");
            }
        }
    }
}
