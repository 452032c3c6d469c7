package dev.costagent.spark.engine;

/** Spark SQL text: identifiers quoted with back-ticks. */
final class SparkSql {

    private SparkSql() {}

    /** {@code name} as a quoted identifier. */
    static String id(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
