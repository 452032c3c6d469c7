package dev.costagent.core.source;

import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.table.QueryEngine;

/**
 * Where billing data comes from: FOCUS files or directories (plain or gzip), in-memory records, the generator, and
 * later provider-native formats. The extension point for new inputs; implementations are found by
 * {@link java.util.ServiceLoader} through {@link CostSourceProvider}, or passed directly.
 *
 * <p>{@link #id()} and {@link #version()} let callers cache what they build from a source: the same id and version
 * mean the same data.
 */
public interface CostSource {

    /** A stable identity, e.g. {@code file:/data/billing.csv.gz} or {@code generated:seed=42,rows=10000}. */
    String id();

    /**
     * A token that changes whenever the data changes (for files: sizes and modification times), so that a cached
     * table is never served for changed data.
     */
    String version();

    /**
     * The data, as an engine that runs queries over it: an in-memory table for file sources, or an engine over data
     * that stays where it is (DuckDB, Spark).
     *
     * @throws dev.costagent.core.focus.FocusFormatException for bad input in strict mode
     * @throws java.io.UncheckedIOException when the data cannot be read
     */
    QueryEngine load(ReadOptions options);
}
