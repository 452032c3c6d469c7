/**
 * {@link dev.costagent.spark.SparkMain}: the CLI's {@code summarize} and {@code analyze} on Spark, for
 * {@code spark-submit --class dev.costagent.spark.SparkMain costagent-spark.jar analyze --input s3a://bucket/focus/}.
 */
package dev.costagent.spark;
