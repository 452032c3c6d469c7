package dev.costagent.core.table;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A group's key as an unmodifiable list over the key columns of a {@link ResultGroups} (nulls allowed): a view that
 * copies nothing, so that {@link QueryResult.Group} keeps it as it is.
 */
final class GroupKey extends AbstractList<String> implements RandomAccess {

    private final String[][] columns;
    private final int group;

    private GroupKey(String[][] columns, int group) {
        this.columns = columns;
        this.group = group;
    }

    /** The key of group {@code group} over {@code columns} (one array per key part), which never change again. */
    static GroupKey of(String[][] columns, int group) {
        return new GroupKey(columns, group);
    }

    @Override
    public String get(int index) {
        return columns[index][group];
    }

    @Override
    public int size() {
        return columns.length;
    }
}
