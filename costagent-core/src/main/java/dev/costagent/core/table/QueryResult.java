package dev.costagent.core.table;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a {@link CostQuery}: one group per distinct key, sorted by key (nulls first), plus the total over all
 * groups.
 *
 * @param query the question
 * @param groups one per distinct combination of dimension values
 * @param total the metric summed over every matching row
 * @param rows the number of matching rows
 */
public record QueryResult(CostQuery query, List<Group> groups, double total, long rows) {

    /**
     * The order of {@link #groups}, which every engine gives: keys compared element by element, each element in
     * {@link String#compareTo} order with null first.
     */
    public static final java.util.Comparator<List<String>> KEY_ORDER = new java.util.Comparator<>() {
        @Override
        public int compare(List<String> a, List<String> b) {
            for (int i = 0; i < a.size(); i++) {
                String x = a.get(i);
                String y = b.get(i);
                if (x == null || y == null) {
                    if (x != y) {
                        return x == null ? -1 : 1;
                    }
                    continue;
                }
                int c = x.compareTo(y);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    };

    /** Copies the groups. */
    public QueryResult {
        Objects.requireNonNull(query, "query");
        groups = groups instanceof ResultGroups
                ? groups // a table's result, unmodifiable, held column by column: no copy, no object per group
                : List.copyOf(groups);
    }

    /**
     * Every group's key part at {@code part} ({@code null} for none), in group order: one array, no group made, for
     * reading results of 100,000 groups and more column by column. A copy the caller may change.
     */
    public String[] keyColumn(int part) {
        if (groups instanceof ResultGroups columns) {
            return columns.column(part);
        }
        String[] column = new String[groups.size()];
        for (int g = 0; g < column.length; g++) {
            column[g] = groups.get(g).key(part);
        }
        return column;
    }

    /** Every group's value, in group order; a copy the caller may change (see {@link #keyColumn}). */
    public double[] values() {
        if (groups instanceof ResultGroups columns) {
            return columns.values();
        }
        double[] values = new double[groups.size()];
        for (int g = 0; g < values.length; g++) {
            values[g] = groups.get(g).value();
        }
        return values;
    }

    /**
     * One group.
     *
     * @param key the dimension values in the query's {@code groupBy} order; an element is {@code null} for rows
     *     without a value
     * @param value the metric summed over the group's rows
     * @param rows the number of rows in the group
     */
    public record Group(List<String> key, double value, long rows) {
        /** Copies the key (which may hold nulls). */
        public Group {
            key = key instanceof GroupKey
                    ? key // built by an engine in this package, never changed: no copy per group
                    : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(key));
        }

        /** The key part at an index. */
        public String key(int index) {
            return key.get(index);
        }
    }
}
