package dev.costagent.core.table;

import java.util.Arrays;

/**
 * Orders a query's groups by the ranks of their key parts, first part first: one stable counting pass per part, from
 * the last part to the first (a least-significant-digit radix sort), so ordering {@code n} groups costs
 * {@code O(parts × (n + ranks))} and allocates a few int arrays, never an object per group.
 */
final class GroupOrder {

    /** A part with more ranks than this multiple of the groups is sorted by comparison instead of counting. */
    private static final int SPARSE_FACTOR = 8;

    private GroupOrder() {}

    /**
     * The groups {@code 0 .. n-1} in key order.
     *
     * @param ranks per key part, each group's rank (0 .. range-1)
     * @param ranges per key part, the number of ranks
     * @param n the number of groups
     */
    static int[] sort(int[][] ranks, int[] ranges, int n) {
        int[] order = new int[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        if (n < 2 || ranks.length == 0) {
            return order;
        }
        for (int range : ranges) {
            if (range > (long) SPARSE_FACTOR * n + 4096) {
                return compareSort(ranks, n); // a few groups out of a large column: counting would sweep it
            }
        }
        int[] next = new int[n];
        for (int d = ranks.length - 1; d >= 0; d--) {
            int[] rank = ranks[d];
            int[] start = new int[ranges[d] + 1];
            for (int j = 0; j < n; j++) {
                start[rank[j] + 1]++;
            }
            for (int r = 1; r < start.length; r++) {
                start[r] += start[r - 1];
            }
            for (int j = 0; j < n; j++) {
                int g = order[j];
                next[start[rank[g]]++] = g;
            }
            int[] swap = order;
            order = next;
            next = swap;
        }
        return order;
    }

    private static int[] compareSort(int[][] ranks, int n) {
        Integer[] boxed = new Integer[n];
        for (int j = 0; j < n; j++) {
            boxed[j] = j;
        }
        Arrays.sort(boxed, (a, b) -> {
            for (int[] rank : ranks) {
                int c = Integer.compare(rank[a], rank[b]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        int[] order = new int[n];
        for (int j = 0; j < n; j++) {
            order[j] = boxed[j];
        }
        return order;
    }
}
