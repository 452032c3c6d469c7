package dev.costagent.spark.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.QueryException;
import dev.costagent.core.table.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * One {@link CostQuery} as Spark columns: the keys ({@code k0, k1, ...}, text), the row condition, and the metric. Time
 * keys are computed from epoch seconds, so they are UTC buckets whatever the session's time zone; filter values travel
 * as literals (never SQL text).
 */
final class QueryColumns {

    /** Seconds of 0001-01-01 and 10000-01-01 UTC: Spark's timestamp range. */
    private static final long MIN_SECOND = -62_135_596_800L;

    private static final long MAX_SECOND = 253_402_300_800L;

    final List<Column> keys;
    final Column where;
    final Column metric;

    private QueryColumns(List<Column> keys, Column where, Column metric) {
        this.keys = keys;
        this.where = where;
        this.metric = metric;
    }

    /**
     * The columns of a query.
     *
     * @param columns the columns the input has
     * @throws QueryException naming a column the input lacks
     */
    static QueryColumns of(CostQuery query, Set<String> columns) {
        String metric = query.metric().columnName();
        if (!columns.contains(metric)) {
            throw new QueryException("column " + metric + " is absent from the input");
        }
        List<Column> keys = new ArrayList<>();
        for (int i = 0; i < query.groupBy().size(); i++) {
            keys.add(key(query.groupBy().get(i), columns).as("k" + i));
        }
        Column where = range(query.range());
        for (Filter filter : query.filters()) {
            Column f = filter(filter, columns);
            where = where == null ? f : where.and(f);
        }
        return new QueryColumns(keys, where, col(SparkSql.id(metric)));
    }

    /** The key of a dimension as a text column. */
    static Column key(Dimension dimension, Set<String> columns) {
        String start = SparkSql.id(FocusColumn.CHARGE_PERIOD_START.columnName());
        String day = "CAST(date_from_unix_date(CAST(floor(unix_seconds(" + start + ") / 86400) AS INT)) AS STRING)";
        switch (dimension.kind()) {
            case HOUR:
                return concat(
                        expr(day),
                        lit("T"),
                        expr("lpad(CAST(floor(pmod(unix_seconds(" + start + "), 86400) / 3600) AS STRING), 2, '0')"));
            case DAY:
                return expr(day);
            case MONTH:
                return expr("substring(" + day + ", 1, 7)");
            case TAG:
                if (!columns.contains(FocusColumn.TAGS.columnName())) {
                    return lit(null).cast(DataTypes.StringType);
                }
                return try_element_at(
                        from_json(col(SparkSql.id(FocusColumn.TAGS.columnName())), FocusDataset.TAGS, Map.of()),
                        lit(dimension.name()));
            default:
                if (!columns.contains(dimension.name())) {
                    throw new QueryException("column " + dimension.name() + " is absent from the input");
                }
                return col(SparkSql.id(dimension.name()));
        }
    }

    /** Rows without a value match a {@code null} in the values, as {@link Filter#accepts} says. */
    private static Column filter(Filter filter, Set<String> columns) {
        Column key = key(filter.dimension(), columns);
        boolean nullListed = filter.values().contains(null);
        Object[] values = filter.values().stream().filter(v -> v != null).toArray();
        Column in = values.length == 0 ? lit(false) : key.isin(values);
        return when(key.isNull(), lit(nullListed)).otherwise(in).equalTo(lit(!filter.exclude()));
    }

    /** Rows start on whole seconds, so a bound rounds up to the next whole second, as {@link TimeRange} reads it. */
    private static Column range(TimeRange range) {
        if (range.isAll()) {
            return null;
        }
        Column start = col(SparkSql.id(FocusColumn.CHARGE_PERIOD_START.columnName()));
        long first = ceilSeconds(range.start());
        long end = ceilSeconds(range.end());
        if (first >= end || first > MAX_SECOND || end < MIN_SECOND) {
            return lit(false);
        }
        Column where = start.isNotNull();
        if (first > MIN_SECOND) {
            where = where.and(start.geq(timestamp_seconds(lit(first))));
        }
        if (end < MAX_SECOND) {
            where = where.and(start.lt(timestamp_seconds(lit(end))));
        }
        return where;
    }

    private static long ceilSeconds(Instant instant) {
        return instant.getNano() > 0 ? instant.getEpochSecond() + 1 : instant.getEpochSecond();
    }
}
