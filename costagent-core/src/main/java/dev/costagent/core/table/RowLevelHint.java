package dev.costagent.core.table;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the stretches of one read learned about row-level columns, shared between them: once one stretch has moved a
 * column out of its attribute sets (a line-item id), the stretches that start after it keep that column per row
 * from their first row instead of re-learning it over their own first rows (where each row would be a new attribute
 * set and every value of it looked up). Only the table's layout depends on it, never a query's answer: the
 * assembler joins stretches that disagree.
 */
final class RowLevelHint {

    private final Set<String> columns = ConcurrentHashMap.newKeySet();

    /** Whether some stretch keeps this column per row. */
    boolean rowLevel(String column) {
        return columns.contains(column);
    }

    /** Records that a stretch moved this column to rows. */
    void movedToRows(String column) {
        columns.add(column);
    }
}
