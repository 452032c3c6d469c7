package dev.costagent.core.table;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The groups of a {@link CostTable} query's result, held column by column: per key part an array of its values (the
 * table's own strings, shared), and the sums and row counts. A result of 100,000+ groups is then a few arrays instead
 * of three objects per group that a collector would copy while the result lives; each {@link QueryResult.Group} is made
 * when read, as a view. Unmodifiable.
 */
final class ResultGroups extends AbstractList<QueryResult.Group> implements RandomAccess {

    private final String[][] columns;
    private final double[] values;
    private final long[] rows;

    /** Groups over arrays that the caller hands over and never changes again; all of one length. */
    ResultGroups(String[][] columns, double[] values, long[] rows) {
        this.columns = columns;
        this.values = values;
        this.rows = rows;
    }

    @Override
    public QueryResult.Group get(int index) {
        if (index < 0 || index >= values.length) {
            throw new IndexOutOfBoundsException("group " + index + " of " + values.length);
        }
        return new QueryResult.Group(GroupKey.of(columns, index), values[index], rows[index]);
    }

    @Override
    public int size() {
        return values.length;
    }

    /** A copy of one key part's column. */
    String[] column(int part) {
        return columns[part].clone();
    }

    /** A copy of the sums. */
    double[] values() {
        return values.clone();
    }
}
