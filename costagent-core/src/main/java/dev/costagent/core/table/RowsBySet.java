package dev.costagent.core.table;

/**
 * The rows of a {@link CostTable} listed by attribute set (each set's rows in row order, back to back), built once on
 * the first query that keeps only a few sets: such a query (a rule's candidates, on-demand compute rows) then reads
 * the rows of the sets it keeps instead of scanning every row. Four bytes per row, plus one int per set.
 */
final class RowsBySet {

    /** Row numbers, grouped by set. */
    final int[] rows;
    /** Set {@code s}'s rows are {@code rows[start[s] .. start[s+1])}. */
    final int[] start;

    private RowsBySet(int[] rows, int[] start) {
        this.rows = rows;
        this.start = start;
    }

    /** The index of a table's rows by set: one counting pass and one placing pass. */
    static RowsBySet of(int[] setOf, int rowCount, int sets) {
        int[] start = new int[sets + 1];
        for (int r = 0; r < rowCount; r++) {
            start[setOf[r] + 1]++;
        }
        for (int s = 0; s < sets; s++) {
            start[s + 1] += start[s];
        }
        int[] next = java.util.Arrays.copyOf(start, sets);
        int[] rows = new int[rowCount];
        for (int r = 0; r < rowCount; r++) {
            rows[next[setOf[r]]++] = r;
        }
        return new RowsBySet(rows, start);
    }

    /** The number of rows of set {@code s}. */
    int count(int s) {
        return start[s + 1] - start[s];
    }

    /** Approximate heap bytes held. */
    long heapBytes() {
        return 32L + rows.length * 4L + start.length * 4L;
    }
}
