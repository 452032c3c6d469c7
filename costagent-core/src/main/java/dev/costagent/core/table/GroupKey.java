package dev.costagent.core.table;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A group's key as an unmodifiable list over the array the executor filled (nulls allowed), so that a result of many
 * groups allocates one array per group and no copy: {@link QueryResult.Group} keeps it as it is.
 */
final class GroupKey extends AbstractList<String> implements RandomAccess {

    private final String[] parts;

    private GroupKey(String[] parts) {
        this.parts = parts;
    }

    /** A key over {@code parts}, which the caller hands over and never changes again. */
    static GroupKey of(String[] parts) {
        return new GroupKey(parts);
    }

    @Override
    public String get(int index) {
        return parts[index];
    }

    @Override
    public int size() {
        return parts.length;
    }
}
