package dev.costagent.core.table;

import dev.costagent.core.focus.FocusColumn;
import java.util.List;
import java.util.Map;

/**
 * The distinct attribute sets of a {@link CostTable} and the dictionaries their codes index (see
 * {@link TableSchema}). Immutable once built.
 */
final class Attributes {

    final int width;
    final int count;
    /** Attribute set {@code s}, element {@code i}: {@code sets[s * width + i]}. */
    final int[] sets;
    /** Per attribute index: code → string value (code 0 → null). */
    final String[][] values;
    /** Tags code → parsed tags. */
    final List<Map<String, String>> tags;
    /** Non-FOCUS column names, in attribute order after {@link TableSchema#FIXED_WIDTH}. */
    final List<String> extraNames;

    Attributes(int width, int count, int[] sets, String[][] values, List<Map<String, String>> tags,
            List<String> extraNames) {
        this.width = width;
        this.count = count;
        this.sets = sets;
        this.values = values;
        this.tags = tags;
        this.extraNames = List.copyOf(extraNames);
    }

    /** The attribute index of a string column by name (FOCUS or not), or -1. */
    int indexOf(String columnName) {
        var known = FocusColumn.byName(columnName);
        if (known.isPresent()) {
            return TableSchema.stringIndex(known.get());
        }
        int extra = extraNames.indexOf(columnName);
        return extra < 0 ? -1 : TableSchema.FIXED_WIDTH + extra;
    }

    /** The code of attribute {@code index} in set {@code set}. */
    int code(int set, int index) {
        return sets[set * width + index];
    }

    /** Approximate heap bytes held. */
    long heapBytes() {
        long bytes = (long) sets.length * 4;
        for (String[] column : values) {
            bytes += 16L + column.length * 8L;
            for (String value : column) {
                bytes += value == null ? 0 : 40L + value.length();
            }
        }
        return bytes + tags.size() * 64L;
    }
}
