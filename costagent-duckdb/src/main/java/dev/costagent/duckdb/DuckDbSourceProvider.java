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
}
