package dev.costagent.duckdb;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.input.FocusInput;
import dev.costagent.core.source.CostSource;
import dev.costagent.core.table.QueryEngine;
import java.nio.file.Path;

/**
 * FOCUS files (Parquet, CSV or CSV.gz; a file or a directory) answered by DuckDB, so that {@code CostAgent} runs on
 * data larger than the heap: {@code CostAgent.builder().source(DuckDbSource.of(path))}. Each {@link #load} opens a
 * new {@link DuckDbQueryEngine}; the agent's cache keeps it while the files are unchanged.
 */
public final class DuckDbSource implements CostSource {

    private final Path path;

    private DuckDbSource(Path path) {
        this.path = requireNonNull(path, "path");
    }

    /** A source over a file or directory. */
    public static DuckDbSource of(Path path) {
        return new DuckDbSource(path);
    }

    /** The file or directory. */
    public Path path() {
        return path;
    }

    @Override
    public String id() {
        return "duckdb:" + path.toAbsolutePath().normalize();
    }

    @Override
    public String version() {
        return FocusInput.version(FocusFiles.of(path).files());
    }

    @Override
    public QueryEngine load(ReadOptions options) {
        return DuckDbQueryEngine.open(path, options);
    }

    @Override
    public String toString() {
        return id();
    }
}
