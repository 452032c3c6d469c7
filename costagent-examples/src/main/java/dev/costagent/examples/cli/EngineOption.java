package dev.costagent.examples.cli;

import java.util.Locale;

/**
 * The {@code --engine} flag: {@code memory} (default) reads the data into the in-memory table; {@code duckdb} runs the
 * queries in DuckDB over the files (CSV, CSV.gz or Parquet), for data larger than the heap. See docs/engines.md.
 */
enum EngineOption {
    MEMORY,
    DUCKDB;

    /**
     * The engine a flag value names.
     *
     * @throws IllegalArgumentException (one line) naming the accepted values
     */
    static EngineOption parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "memory" -> MEMORY;
            case "duckdb" -> DUCKDB;
            default -> throw new IllegalArgumentException("unknown engine '" + value + "'; expected memory or duckdb");
        };
    }
}
