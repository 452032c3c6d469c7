package dev.costagent.duckdb.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The DuckDB side of the engine benchmark, run as its own process (docs/performance.md, Engines): {@code sum FILE
 * COLUMN} prints DuckDB's own {@code SELECT COLUMN, sum(EffectiveCost) ... GROUP BY ALL} over a Parquet file as CSV;
 * {@code parquet CSV OUT} converts generated FOCUS CSV to Parquet; {@code shift IN OUT DAYS} writes a copy of a FOCUS
 * Parquet file with its four period columns moved DAYS days later (the parts of the 100M-row dataset). Test scope
 * only.
 */
public final class DuckDbSql {

    private DuckDbSql() {}

    /** Runs one statement. */
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            if (args[0].equals("parquet")) {
                s.execute("SET TimeZone = 'UTC'");
                s.execute("SET preserve_insertion_order = false");
                s.execute("COPY (SELECT * FROM read_csv('" + args[1].replace("'", "''") + "', header = true, "
                        + "nullstr = ['', 'NULL'])) TO '" + args[2].replace("'", "''") + "' (FORMAT parquet)");
                return;
            }
            if (args[0].equals("shift")) {
                s.execute("SET TimeZone = 'UTC'");
                s.execute("SET preserve_insertion_order = false");
                String days = "to_days(" + Integer.parseInt(args[3]) + ")";
                StringBuilder moved = new StringBuilder();
                for (String column :
                        new String[] {"ChargePeriodStart", "ChargePeriodEnd", "BillingPeriodStart", "BillingPeriodEnd"
                        }) {
                    moved.append(moved.length() == 0 ? "" : ", ")
                            .append(column)
                            .append(" + ")
                            .append(days)
                            .append(" AS ")
                            .append(column);
                }
                s.execute("COPY (SELECT * REPLACE (" + moved + ") FROM read_parquet('" + args[1].replace("'", "''")
                        + "')) TO '" + args[2].replace("'", "''") + "' (FORMAT parquet)");
                return;
            }
            String column = '"' + args[2].replace("\"", "\"\"") + '"';
            StringBuilder out = new StringBuilder();
            try (ResultSet r = s.executeQuery("SELECT " + column + ", sum(EffectiveCost) FROM read_parquet('"
                    + args[1].replace("'", "''") + "') GROUP BY ALL ORDER BY 1")) {
                while (r.next()) {
                    out.append(r.getString(1))
                            .append(',')
                            .append(r.getDouble(2))
                            .append('\n');
                }
            }
            System.out.print(out);
        }
    }
}
