package dev.costagent.core.table;

import java.util.Arrays;

/**
 * Accumulators per group key: a row count and a sum kept with Neumaier compensated summation, so the error of a sum
 * stays near one rounding of the total however many rows it adds. Keys are non-negative longs; slots live in a dense
 * array indexed by the key when keys are small codes (growing as larger ones come), in an open-addressing hash
 * otherwise. A NaN value (a null metric) counts as a
 * row and adds nothing, as SQL {@code SUM} ignores nulls.
 */
final class GroupSlots {

    private final boolean dense;
    private long[] keys;
    private double[] sums;
    private double[] compensations;
    private long[] rows;
    private int used;
    private int mask;

    /** Slots for keys {@code 0 .. size-1} (the array grows for larger keys), in a plain array. */
    static GroupSlots dense(int size) {
        return new GroupSlots(size, true);
    }

    /** Slots for any non-negative keys, in an open-addressing hash table. */
    static GroupSlots hashed(int expected) {
        return new GroupSlots(Math.max(expected, 1024), false);
    }

    private GroupSlots(int capacity, boolean dense) {
        this.dense = dense;
        int size = dense ? Math.max(capacity, 1) : Integer.highestOneBit(Math.max(capacity, 16) * 2);
        sums = new double[size];
        compensations = new double[size];
        rows = new long[size];
        if (!dense) {
            keys = new long[size];
            Arrays.fill(keys, -1);
            mask = size - 1;
        }
    }

    void add(long key, double value) {
        int slot = dense ? denseSlot(key) : slot(key);
        rows[slot]++;
        if (value != value) {
            return; // null metric: counted as a row, adds nothing, like SQL SUM
        }
        double sum = sums[slot];
        double t = sum + value;
        compensations[slot] += CompensatedSum.error(sum, value, t);
        sums[slot] = t;
    }

    private int denseSlot(long key) {
        if (key >= rows.length) {
            growDense(key); // rare, and kept out of line so that add stays small enough to inline
        }
        return (int) key;
    }

    private void growDense(long key) {
        int size = (int) Math.max(key + 1, (long) rows.length * 2);
        sums = Arrays.copyOf(sums, size);
        compensations = Arrays.copyOf(compensations, size);
        rows = Arrays.copyOf(rows, size);
    }

    private int slot(long key) {
        int slot = (int) (mix(key) & mask);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return slot;
            }
            if (k == -1) {
                keys[slot] = key;
                if (++used * 2 > keys.length) {
                    grow();
                    return slot(key);
                }
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldSums = sums;
        double[] oldCompensations = compensations;
        long[] oldRows = rows;
        int size = oldKeys.length * 2;
        keys = new long[size];
        Arrays.fill(keys, -1);
        sums = new double[size];
        compensations = new double[size];
        rows = new long[size];
        mask = size - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1) {
                int slot = (int) (mix(oldKeys[i]) & mask);
                while (keys[slot] != -1) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                sums[slot] = oldSums[i];
                compensations[slot] = oldCompensations[i];
                rows[slot] = oldRows[i];
            }
        }
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    int size() {
        return rows.length;
    }

    long key(int slot) {
        return dense ? slot : keys[slot];
    }

    long rows(int slot) {
        return rows[slot];
    }

    double value(int slot) {
        return sums[slot] + compensations[slot];
    }
}
