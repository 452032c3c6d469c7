package dev.costagent.duckdb;

import dev.costagent.core.source.CostSource;
import dev.costagent.core.source.CostSourceProvider;
import java.nio.file.Path;

/** The {@code duckdb} engine ({@code --engine duckdb}): FOCUS files queried in DuckDB through {@link DuckDbSource}. */
public final class DuckDbSourceProvider implements CostSourceProvider {

    /** For {@link java.util.ServiceLoader}. */
    public DuckDbSourceProvider() {}

    @Override
    public String engine() {
        return "duckdb";
    }

    @Override
    public CostSource source(Path location) {
        return DuckDbSource.of(location);
    }

    /**
     * Loads DuckDB's native library (its driver unpacks about 57 MB from the jar and loads it, some 0.35 s on two
     * cores): the first connection then finds it loaded. The JVM runs a class's initialisation once, so a connection
     * opened meanwhile waits for this one.
     */
    @Override
    public void warmUp() {
        try {
            Class.forName("org.duckdb.DuckDBNative", true, DuckDbSourceProvider.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // left for the first connection to report, in its own words
        }
    }
}
