package dev.costagent.core.testing;

import dev.costagent.core.focus.FocusColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Typed FOCUS rows for tests that write Parquet with DuckDB: per column, a SQL expression of the row number {@code i}
 * (a {@code range(0, n) r(i)} table), so that a file of any size is one {@code COPY (SELECT ...)}.
 */
public final class FocusSqlRows {

    private FocusSqlRows() {}

    /**
     * Every mandatory FOCUS column, typed (timestamps with zone, DECIMAL amounts), its values varying by row, with a
     * few made to look real (services, usage and purchases, two providers, hourly periods); {@code i} itself too.
     * The caller puts its own columns on top and drops {@code i} when writing.
     */
    public static Map<String, String> mandatoryColumns() {
        Map<String, String> values = new TreeMap<>();
        values.put("i", "i");
        for (FocusColumn column : FocusColumn.values()) {
            if (!column.mandatory()) {
                continue;
            }
            String value = switch (column.type()) {
                case TIMESTAMP -> "TIMESTAMPTZ '2024-02-27 00:00:00+00' + INTERVAL (i % 2000) HOUR";
                case DECIMAL -> "CAST((i % 97) * 0.37 + i * 0.001 AS DECIMAL(18, 6))";
                case TAGS -> "NULL";
                default ->
                    column.allowedValues().isEmpty()
                            ? "'" + column.columnName() + "-' || (i % 3)"
                            : "'" + column.allowedValues().get(0) + "'";
            };
            values.put(column.columnName(), value);
        }
        values.put("ChargePeriodEnd", "TIMESTAMPTZ '2024-02-27 01:00:00+00' + INTERVAL (i % 2000) HOUR");
        values.put("ServiceName", "['EC2', 'S3', 'Lambda', 'RDS', 'CloudFront'][1 + i % 5]");
        values.put("ChargeCategory", "CASE WHEN i % 10 = 0 THEN 'Purchase' ELSE 'Usage' END");
        values.put("ProviderName", "CASE WHEN i % 3 = 0 THEN 'Microsoft' ELSE 'AWS' END");
        values.put("BillingCurrency", "'USD'");
        values.put("EffectiveCost", "CAST((i % 97) * 0.37 + i * 0.001 AS DOUBLE)");
        return values;
    }

    /** A SELECT list: {@code expression AS name} per column. */
    public static List<String> selectList(Map<String, String> columns) {
        List<String> select = new ArrayList<>();
        columns.forEach((name, value) -> select.add(value + " AS " + name));
        return select;
    }
}
