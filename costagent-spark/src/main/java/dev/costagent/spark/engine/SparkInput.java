package dev.costagent.spark.engine;

import dev.costagent.core.focus.FocusFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * FOCUS files as Spark reads them: a {@code .parquet}, {@code .csv} or {@code .csv.gz} file or a directory tree of them,
 * on any file system Spark's Hadoop layer knows ({@code file:}, {@code hdfs:}, {@code s3a:}). CSV is read as text with
 * its header, RFC 4180 quoting and Spark's malformed-record column, every file's header checked against the first's.
 *
 * @param path the path as given
 * @param csv CSV rather than Parquet
 * @param directory a directory (read recursively)
 * @param listing every data file with its size and modification time, for cache keys
 */
record SparkInput(String path, boolean csv, boolean directory, String listing) {

    /** Looks at the path: its kind, and (for a directory) the first data file's format. */
    static SparkInput of(SparkSession spark, String path) {
        Path p = new Path(path);
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(p)) {
                throw new FocusFormatException(path, 0, null, "no such file or directory");
            }
            FileStatus status = fs.getFileStatus(p);
            Boolean csv = status.isDirectory() ? null : format(p.getName());
            StringBuilder listing = new StringBuilder();
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(p, true);
            while (files.hasNext()) {
                LocatedFileStatus file = files.next();
                Boolean kind = format(file.getPath().getName());
                if (kind != null) {
                    csv = csv == null ? kind : csv;
                    if (kind.equals(csv)) {
                        listing.append(file.getPath())
                                .append(':')
                                .append(file.getLen())
                                .append(':')
                                .append(file.getModificationTime())
                                .append(';');
                    }
                }
            }
            if (csv == null) {
                throw new FocusFormatException(path, 0, null, "no .parquet, .csv or .csv.gz file");
            }
            return new SparkInput(path, csv, status.isDirectory(), listing.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
        }
    }

    /** {@code true} for CSV names, {@code false} for Parquet, {@code null} for other files. */
    private static Boolean format(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith(".") || n.startsWith("_")) {
            return null;
        }
        if (n.endsWith(".csv") || n.endsWith(".csv.gz")) {
            return true;
        }
        return n.endsWith(".parquet") ? false : null;
    }

    /** The rows as Spark reads them (CSV: every column text, plus Spark's malformed-record column). */
    Dataset<Row> read(SparkSession spark) {
        DataFrameReader reader = spark.read();
        if (directory) {
            reader = reader.option("recursiveFileLookup", "true")
                    .option("pathGlobFilter", csv ? "*.{csv,csv.gz,CSV,CSV.GZ}" : "*.parquet");
        }
        if (!csv) {
            return reader.parquet(path);
        }
        reader = reader.option("header", "true")
                .option("inferSchema", "false")
                .option("quote", "\"")
                .option("escape", "\"")
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", FocusDataset.CORRUPT)
                // each file's header must name the first file's columns in the same order, or the read fails
                .option("enforceSchema", "false");
        StructType header = reader.csv(path).schema();
        return reader.schema(header.add(FocusDataset.CORRUPT, DataTypes.StringType))
                .csv(path);
    }
}
