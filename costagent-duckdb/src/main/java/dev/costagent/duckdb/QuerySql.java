package dev.costagent.duckdb;

import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.QueryException;
import dev.costagent.core.table.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One {@link CostQuery} as one {@code SELECT keys, fsum(metric), count(*) ... GROUP BY ALL} over the {@code focus}
 * relation, whose ChargePeriodStart is a UTC {@code TIMESTAMP}. Filter values travel as parameters.
 */
final class QuerySql {

    /** Seconds of 0001-01-01 and 10000-01-01 UTC: DuckDB's comfortable timestamp range. */
    private static final long MIN_SECOND = -62_135_596_800L;

    private static final long MAX_SECOND = 253_402_300_800L;

    /** ChargePeriodStart as stored in Parquet files, beside the view's UTC {@code TIMESTAMP} (see {@link #of}). */
    static final String STORED_START = "\"__costagent_stored_start\"";

    /** Filters with more values than this pass them as one array parameter (see {@link #filter}). */
    static final int LISTED_VALUES = 16;

    final String sql;
    /** The values to bind, in order: each a {@code String}, or a {@code String[]} bound as a {@code VARCHAR[]}. */
    final List<Object> parameters;

    private QuerySql(String sql, List<Object> parameters) {
        this.sql = sql;
        this.parameters = parameters;
    }

    /**
     * Writes the SQL; with {@code storedStart}, the relation also has {@link #STORED_START}, ChargePeriodStart as the
     * Parquet files store it ({@code TIMESTAMP WITH TIME ZONE}), and a time range is also applied to it: the same rows
     * (the same instants), but DuckDB can compare that column's row-group statistics and skip the row groups outside
     * the range, which it cannot through the view's conversion (a 30-day window of 100M rows over 300 days: 1.04 s
     * of CPU without, 0.17 s with).
     *
     * @param columns the columns the input has
     * @throws QueryException naming a column the input lacks
     */
    static QuerySql of(CostQuery query, Set<String> columns, boolean storedStart) {
        String metric = query.metric().columnName();
        if (!columns.contains(metric)) {
            throw new QueryException("column " + metric + " is absent from the input");
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder select = new StringBuilder("SELECT ");
        StringBuilder outer = new StringBuilder("SELECT ");
        boolean bucketed = false;
        for (int i = 0; i < query.groupBy().size(); i++) {
            Dimension dimension = query.groupBy().get(i);
            String format = timeFormat(dimension);
            if (format != null) {
                bucketed = true;
                select.append(bucket(dimension));
                outer.append("strftime(k")
                        .append(i)
                        .append(", '")
                        .append(format)
                        .append("') AS k")
                        .append(i);
            } else {
                select.append(key(dimension, columns));
                outer.append('k').append(i);
            }
            select.append(" AS k").append(i).append(", ");
            outer.append(", ");
        }
        select.append("coalesce(fsum(").append(Sql.identifier(metric)).append("), 0) AS v, count(*) AS n FROM focus");
        List<String> where = new ArrayList<>();
        range(query.range(), where, storedStart);
        for (Filter filter : query.filters()) {
            where.add(filter(filter, columns, parameters));
        }
        if (!where.isEmpty()) {
            select.append(" WHERE ").append(String.join(" AND ", where));
        }
        if (!query.groupBy().isEmpty()) {
            select.append(" GROUP BY ALL");
        }
        // Time keys are grouped as truncated timestamps and formatted once per group, not once per row (strftime on
        // every row cost about 0.45 s of CPU per 10M rows); truncation and format name the same buckets.
        String sql = bucketed
                ? outer.append("v, n FROM (").append(select).append(')').toString()
                : select.toString();
        return new QuerySql(sql, parameters);
    }

    /** The strftime format of a time dimension's key, or {@code null} for other dimensions. */
    private static String timeFormat(Dimension dimension) {
        return switch (dimension.kind()) {
            case HOUR -> "%Y-%m-%dT%H";
            case DAY -> "%Y-%m-%d";
            case MONTH -> "%Y-%m";
            default -> null;
        };
    }

    /** A time dimension's bucket: ChargePeriodStart (a UTC {@code TIMESTAMP}) truncated to the hour, day or month. */
    private static String bucket(Dimension dimension) {
        String unit = dimension.kind().name().toLowerCase(java.util.Locale.ROOT);
        return "date_trunc('" + unit + "', " + Sql.identifier(FocusColumn.CHARGE_PERIOD_START.columnName()) + ")";
    }

    /** The key of a dimension as a VARCHAR expression. */
    private static String key(Dimension dimension, Set<String> columns) {
        String start = Sql.identifier(FocusColumn.CHARGE_PERIOD_START.columnName());
        switch (dimension.kind()) {
            case HOUR:
            case DAY:
            case MONTH:
                return "strftime(" + start + ", '" + timeFormat(dimension) + "')";
            case TAG:
                if (!columns.contains(FocusColumn.TAGS.columnName())) {
                    return "CAST(NULL AS VARCHAR)";
                }
                return "json_extract_string(" + Sql.identifier(FocusColumn.TAGS.columnName()) + ", "
                        + Sql.literal("$.\"" + dimension.name().replace("\"", "\\\"") + "\"") + ")";
            default:
                if (!columns.contains(dimension.name())) {
                    throw new QueryException("column " + dimension.name() + " is absent from the input");
                }
                return Sql.identifier(dimension.name());
        }
    }

    /**
     * {@code (CASE WHEN key IS NULL THEN <null listed> ELSE key IN (...) END) = <not exclude>}: rows without a value
     * match a {@code null} in the values, as {@link Filter#accepts} says; a plain {@code key IN (...)} when the filter
     * keeps only the listed non-null values (the common case, which DuckDB can push into the scan).
     *
     * <p>Up to {@link #LISTED_VALUES} values are listed as one parameter each. More (the rules' filters to a few
     * thousand resources) travel as one {@code VARCHAR[]} parameter, matched with {@code IN (SELECT unnest(?))}: DuckDB
     * plans that as a hash semi-join, where a long list of parameters is compared value by value on every row (at
     * 550 resources and 1M rows, 0.6 s instead of 7.6 s; it grows with rows times values).
     */
    private static String filter(Filter filter, Set<String> columns, List<Object> parameters) {
        String key = key(filter.dimension(), columns);
        boolean nullListed = filter.values().contains(null);
        List<String> values = filter.values().stream().filter(v -> v != null).toList();
        String in;
        if (values.isEmpty()) {
            in = "false";
        } else if (values.size() <= LISTED_VALUES) {
            in = key + " IN (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")";
            parameters.addAll(values);
        } else {
            in = key + " IN (SELECT unnest(CAST(? AS VARCHAR[])))";
            parameters.add(values.toArray(String[]::new));
        }
        if (!nullListed && !filter.exclude()) {
            return "(" + in + ")";
        }
        return "((CASE WHEN " + key + " IS NULL THEN " + nullListed + " ELSE " + in + " END) = " + !filter.exclude()
                + ")";
    }

    /** Rows start on whole seconds, so a bound rounds up to the next whole second, as {@link TimeRange} reads it. */
    private static void range(TimeRange range, List<String> where, boolean storedStart) {
        if (range.isAll()) {
            return;
        }
        String start = Sql.identifier(FocusColumn.CHARGE_PERIOD_START.columnName());
        long first = ceilSeconds(range.start());
        long end = ceilSeconds(range.end());
        if (first >= end || first > MAX_SECOND || end < MIN_SECOND) {
            where.add("false");
            return;
        }
        where.add(start + " IS NOT NULL");
        if (first > MIN_SECOND) {
            where.add(start + " >= make_timestamp(" + first * 1_000_000L + ")");
            if (storedStart) {
                where.add(STORED_START + " >= to_timestamp(" + first + ")");
            }
        }
        if (end < MAX_SECOND) {
            where.add(start + " < make_timestamp(" + end * 1_000_000L + ")");
            if (storedStart) {
                where.add(STORED_START + " < to_timestamp(" + end + ")");
            }
        }
    }

    private static long ceilSeconds(Instant instant) {
        return instant.getNano() > 0 ? instant.getEpochSecond() + 1 : instant.getEpochSecond();
    }
}
