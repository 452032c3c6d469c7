/**
 * Where FOCUS records come from on disk: one place that tells CSV from Parquet (by extension and magic) and reads
 * a file or a directory of either into record sinks, for the table, streaming queries and file sources alike.
 */
package dev.costagent.core.input;
