package dev.costagent.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Test helper: FOCUS CSV to Parquet with DuckDB's own type detection, as a user converting an export would. */
final class Parquet {

    private Parquet() {}

    /** Writes {@code csv} next to itself as Parquet (small row groups, so that statistics span several). */
    static Path fromCsv(Path csv) throws Exception {
        Path parquet = csv.resolveSibling(csv.getFileName() + ".parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("COPY (SELECT * FROM read_csv('" + csv.toAbsolutePath() + "', header = true, "
                    + "nullstr = ['', 'NULL'])) TO '" + parquet.toAbsolutePath()
                    + "' (FORMAT parquet, ROW_GROUP_SIZE 100)");
        }
        return parquet;
    }
}
