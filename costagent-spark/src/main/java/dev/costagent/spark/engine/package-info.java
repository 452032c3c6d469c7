/**
 * The cost queries on Spark SQL: {@link dev.costagent.spark.engine.SparkQueryEngine} answers every
 * {@link dev.costagent.core.table.CostQuery} over a {@code Dataset<Row>} of FOCUS rows (Parquet or CSV, on local disk,
 * HDFS or S3), and {@link dev.costagent.spark.engine.SparkSource} lets {@code CostAgent} run on it.
 */
package dev.costagent.spark.engine;
