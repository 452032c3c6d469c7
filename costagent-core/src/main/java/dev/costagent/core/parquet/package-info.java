/**
 * Reading FOCUS Parquet files: a pure-Java decoder of the Parquet format (footer, row groups, pages, encodings,
 * compression) that feeds typed values to the same record sinks as the CSV reader. {@link
 * dev.costagent.core.parquet.ParquetReader} is the entry point.
 */
package dev.costagent.core.parquet;
