package dev.costagent.spark.engine;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.source.CostSource;
import dev.costagent.core.table.QueryEngine;
import org.apache.spark.sql.SparkSession;

/**
 * FOCUS files (Parquet, CSV or CSV.gz; a file or a directory tree; local, HDFS or S3) answered by Spark, so that
 * {@code CostAgent} runs on a cluster: {@code CostAgent.builder().source(SparkSource.of(spark, "s3a://bucket/focus/"))}.
 * Each {@link #load} opens a new {@link SparkQueryEngine}; the agent's cache keeps it while the files are unchanged
 * (same names, sizes and modification times) and closes it when it is evicted or the agent closes.
 */
public final class SparkSource implements CostSource {

    private final SparkSession spark;
    private final String path;

    private SparkSource(SparkSession spark, String path) {
        this.spark = requireNonNull(spark, "spark");
        this.path = requireNonNull(path, "path");
    }

    /** A source over a file or directory the session can read. */
    public static SparkSource of(SparkSession spark, String path) {
        return new SparkSource(spark, path);
    }

    /** The file or directory. */
    public String path() {
        return path;
    }

    @Override
    public String id() {
        return "spark:" + path;
    }

    /** The data files' names, sizes and modification times, as the file system lists them. */
    @Override
    public String version() {
        return SparkInput.of(spark, path).listing();
    }

    @Override
    public QueryEngine load(ReadOptions options) {
        return SparkQueryEngine.open(spark, path, options);
    }

    @Override
    public String toString() {
        return id();
    }
}
