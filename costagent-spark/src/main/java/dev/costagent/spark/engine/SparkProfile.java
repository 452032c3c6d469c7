package dev.costagent.spark.engine;

import dev.costagent.core.focus.DataQualityIssue;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.FocusVersion;
import dev.costagent.core.focus.Granularity;
import dev.costagent.core.focus.InputProfile;
import dev.costagent.core.focus.RejectedRecord;
import dev.costagent.core.table.DataProfile;
import dev.costagent.core.table.QueryException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the data holds, in two Spark jobs: one aggregate (rows, first and last ChargePeriodStart, currencies, nulls in
 * non-nullable columns, values outside the allowed sets, charge periods that end at their start) and one grouping for
 * each provider's granularity. Findings come in the default reader's order; an example value is the first in input
 * order where the input has an order (files read by this module), else any.
 */
final class SparkProfile {

    private final Dataset<Row> data;
    private final Set<String> columns;
    private final Set<FocusColumn> focusColumns;
    private final List<String> missingMandatory;
    private final boolean ordered;
    private final String name;

    SparkProfile(
            Dataset<Row> data,
            Set<String> columns,
            Set<FocusColumn> focusColumns,
            List<String> missingMandatory,
            boolean ordered,
            String name) {
        this.data = data;
        this.columns = columns;
        this.focusColumns = focusColumns;
        this.missingMandatory = missingMandatory;
        this.ordered = ordered;
        this.name = name;
    }

    DataProfile compute(long rejected, List<RejectedRecord> rejects, FocusVersion version) {
        String start = SparkSql.id(FocusColumn.CHARGE_PERIOD_START.columnName());
        String end = SparkSql.id(FocusColumn.CHARGE_PERIOD_END.columnName());
        boolean hasStart = columns.contains(FocusColumn.CHARGE_PERIOD_START.columnName());
        boolean hasEnd = columns.contains(FocusColumn.CHARGE_PERIOD_END.columnName());
        boolean hasCurrency = columns.contains(FocusColumn.BILLING_CURRENCY.columnName());
        List<String> select = new ArrayList<>();
        select.add("count(*)");
        select.add(hasStart ? "min(" + start + ")" : "CAST(NULL AS TIMESTAMP)");
        select.add(hasStart ? "max(" + start + ")" : "CAST(NULL AS TIMESTAMP)");
        select.add(
                hasCurrency
                        ? "sort_array(collect_set(" + SparkSql.id(FocusColumn.BILLING_CURRENCY.columnName()) + "))"
                        : "array()");
        List<FocusColumn> nullChecked = new ArrayList<>();
        for (FocusColumn column : FocusColumn.values()) {
            if (!column.nullable() && columns.contains(column.columnName())) {
                nullChecked.add(column);
                select.add("count(*) - count(" + SparkSql.id(column.columnName()) + ")");
            }
        }
        List<FocusColumn> valueChecked = new ArrayList<>();
        for (FocusColumn column : FocusColumn.values()) {
            List<String> allowed = column.allowedValues();
            if (allowed.isEmpty() || !focusColumns.contains(column)) {
                continue;
            }
            valueChecked.add(column);
            String id = SparkSql.id(column.columnName());
            StringBuilder in = new StringBuilder();
            for (String value : allowed) {
                in.append(in.length() == 0 ? "" : ", ")
                        .append('\'')
                        .append(value.replace("'", "\\'"))
                        .append('\'');
            }
            String filter = " FILTER (WHERE " + id + " IS NOT NULL AND " + id + " NOT IN (" + in + "))";
            select.add("count(*)" + filter);
            select.add(first(id) + filter);
        }
        boolean periods = hasStart && hasEnd;
        if (periods) {
            String filter = " FILTER (WHERE " + end + " = " + start + ")";
            select.add("count(*)" + filter);
            select.add(first("concat(" + iso(start) + ", ' to ', " + iso(end) + ")") + filter);
        }
        Row r;
        try {
            r = data.selectExpr(select.toArray(String[]::new)).first();
        } catch (RuntimeException e) {
            throw new QueryException("Spark query failed on " + name + ": " + SparkQueryEngine.firstLine(e));
        }
        long rows = r.getLong(0);
        Instant first = instant(r.get(1));
        Instant last = instant(r.get(2));
        List<String> currencies = new ArrayList<>(r.<String>getList(3));
        Collections.sort(currencies);
        List<DataQualityIssue> issues = new ArrayList<>();
        for (String column : missingMandatory) {
            issues.add(DataQualityIssue.missingMandatoryColumn(column, rows));
        }
        int at = 4;
        for (FocusColumn column : nullChecked) {
            long nulls = r.getLong(at++);
            if (nulls > 0) {
                issues.add(DataQualityIssue.nullInNonNullableColumn(column.columnName(), nulls));
            }
        }
        for (FocusColumn column : valueChecked) {
            long count = r.getLong(at++);
            String example = r.getString(at++);
            if (count > 0) {
                issues.add(new DataQualityIssue(
                        DataQualityIssue.VALUE_NOT_ALLOWED,
                        column.columnName(),
                        count,
                        DataQualityIssue.valueNotAllowedDetail(column.allowedValues()),
                        example));
            }
        }
        if (periods) {
            long count = r.getLong(at++);
            String example = r.getString(at);
            if (count > 0) {
                issues.add(DataQualityIssue.chargePeriodEndNotAfterStart(count, example));
            }
        }
        InputProfile input = new InputProfile(version, periods ? granularity(start, end) : Map.of());
        return new DataProfile(
                rows, rejected, focusColumns, currencies, first, last, rejects, List.copyOf(issues), input);
    }

    /** A timestamp as Spark hands it out (java.sql or java.time, as spark.sql.datetime.java8API.enabled says). */
    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    }

    /** The first value in input order where the rows have one, else any. */
    private String first(String expression) {
        return ordered ? "min_by(" + expression + ", " + FocusDataset.ROW + ")" : "first(" + expression + ", true)";
    }

    /** A timestamp as ISO 8601 UTC text ({@code 2024-09-18T22:00:00Z}), whatever the session's time zone. */
    private static String iso(String timestamp) {
        String seconds = "unix_seconds(" + timestamp + ")";
        return "concat(CAST(date_from_unix_date(CAST(floor(" + seconds + " / 86400) AS INT)) AS STRING), 'T', "
                + "lpad(CAST(floor(pmod(" + seconds + ", 86400) / 3600) AS STRING), 2, '0'), ':', "
                + "lpad(CAST(floor(pmod(" + seconds + ", 3600) / 60) AS STRING), 2, '0'), ':', "
                + "lpad(CAST(pmod(" + seconds + ", 60) AS STRING), 2, '0'), 'Z')";
    }

    /**
     * Each provider's granularity from its usage rows' ChargePeriodEnd - ChargePeriodStart, classified as the default
     * reader does (rows without a provider under {@code ""}; every row when there is no ChargeCategory).
     */
    private Map<String, Granularity> granularity(String start, String end) {
        String provider = columns.contains(FocusColumn.PROVIDER_NAME.columnName())
                ? FocusColumn.PROVIDER_NAME.columnName()
                : columns.contains(FocusColumn.SERVICE_PROVIDER_NAME.columnName())
                        ? FocusColumn.SERVICE_PROVIDER_NAME.columnName()
                        : null;
        String category = FocusColumn.CHARGE_CATEGORY.columnName();
        Dataset<Row> usage = data.where(start + " IS NOT NULL AND " + end + " IS NOT NULL"
                + (columns.contains(category) ? " AND " + SparkSql.id(category) + " = 'Usage'" : ""));
        List<Row> found;
        try {
            found = usage.selectExpr(
                            (provider == null ? "''" : "coalesce(" + SparkSql.id(provider) + ", '')") + " AS p",
                            "unix_seconds(" + end + ") - unix_seconds(" + start + ") AS s")
                    .groupBy("p", "s")
                    .count()
                    .orderBy("p", "s")
                    .collectAsList();
        } catch (RuntimeException e) {
            throw new QueryException("Spark query failed on " + name + ": " + SparkQueryEngine.firstLine(e));
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Row row : found) {
            counts.computeIfAbsent(row.getString(0), p -> new long[Granularity.values().length])[
                            Granularity.ofSeconds(row.getLong(1)).ordinal()] +=
                    row.getLong(2);
        }
        Map<String, Granularity> byProvider = new LinkedHashMap<>();
        counts.forEach((p, c) -> byProvider.put(p, Granularity.ofCounts(c)));
        return byProvider;
    }
}
