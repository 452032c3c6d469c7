package dev.costagent.core.table;

import java.util.Arrays;

/**
 * Accumulators per group key: a row count and a sum kept with Neumaier compensated summation, so the error of a sum
 * stays near one rounding of the total however many rows it adds. Keys are non-negative longs; slots live in a dense
 * array indexed by the key when keys are small codes (growing as larger ones come), in an open-addressing hash
 * otherwise. A NaN value (a null metric) counts as a
 * row and adds nothing, as SQL {@code SUM} ignores nulls.
 *
 * <p>A hashed slot keeps its key, sum, compensation and row count side by side in one array (four longs, half a cache
 * line): a query of 100,000+ groups adds a million rows at random slots, and one memory miss per row instead of four
 * is most of its cost. Every slot counts whether it is used, so that a result is sized without a walk over the slots.
 */
final class GroupSlots {

    /** Longs per hashed slot: key, sum bits, compensation bits, rows. */
    static final int STRIDE = 4;

    private final boolean dense;
    /** Dense: sums, compensations and row counts by key. */
    private double[] sums;

    private double[] compensations;
    private long[] rows;
    /** Hashed: {@code STRIDE} longs per slot; key -1 when free. */
    private long[] table;

    private int capacity;
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
        if (dense) {
            int size = Math.max(capacity, 1);
            sums = new double[size];
            compensations = new double[size];
            rows = new long[size];
            this.capacity = size;
        } else {
            allocateTable(Integer.highestOneBit(Math.max(capacity, 16) * 2));
        }
    }

    private void allocateTable(int size) {
        table = new long[size * STRIDE];
        for (int i = 0; i < table.length; i += STRIDE) {
            table[i] = -1;
        }
        capacity = size;
        mask = size - 1;
    }

    void add(long key, double value) {
        if (dense) {
            addDense(key, value);
        } else {
            addHashed(key, value);
        }
    }

    private void addDense(long key, double value) {
        if (key >= rows.length) {
            growDense(key); // rare, and kept out of line so that add stays small enough to inline
        }
        int slot = (int) key;
        if (rows[slot]++ == 0) {
            used++;
        }
        if (value != value) {
            return; // null metric: counted as a row, adds nothing, like SQL SUM
        }
        double sum = sums[slot];
        double t = sum + value;
        compensations[slot] += CompensatedSum.error(sum, value, t);
        sums[slot] = t;
    }

    private void addHashed(long key, double value) {
        int at = slot(key) * STRIDE;
        long[] t = table;
        t[at + 3]++;
        if (value != value) {
            return; // null metric: counted as a row, adds nothing, like SQL SUM
        }
        double sum = Double.longBitsToDouble(t[at + 1]);
        double next = sum + value;
        t[at + 2] =
                Double.doubleToRawLongBits(Double.longBitsToDouble(t[at + 2]) + CompensatedSum.error(sum, value, next));
        t[at + 1] = Double.doubleToRawLongBits(next);
    }

    private void growDense(long key) {
        int size = (int) Math.max(key + 1, (long) rows.length * 2);
        sums = Arrays.copyOf(sums, size);
        compensations = Arrays.copyOf(compensations, size);
        rows = Arrays.copyOf(rows, size);
        capacity = size;
    }

    /**
     * The slot of a key in the hash, taken (sum 0, no rows) if new: what a row loop adding in line calls for a key it
     * did not find ({@link #hashTable()}, whose array may then be a new one).
     */
    int slot(long key) {
        int slot = (int) (mix(key) & mask);
        while (true) {
            long k = table[slot * STRIDE];
            if (k == key) {
                return slot;
            }
            if (k == -1) {
                table[slot * STRIDE] = key; // sum, compensation and rows are 0 (the bits of +0.0) in a free slot
                if (++used * 2 > capacity) {
                    grow();
                    return slotAfterGrow(key);
                }
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int slotAfterGrow(long key) {
        int slot = (int) (mix(key) & mask);
        while (table[slot * STRIDE] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] old = table;
        allocateTable(capacity * 2);
        for (int i = 0; i < old.length; i += STRIDE) {
            long key = old[i];
            if (key != -1) {
                int slot = (int) (mix(key) & mask);
                while (table[slot * STRIDE] != -1) {
                    slot = (slot + 1) & mask;
                }
                System.arraycopy(old, i, table, slot * STRIDE, STRIDE);
            }
        }
    }

    /** The hash of a key; its slot is probed from {@code mix(key) & (size - 1)}, then the next ones. */
    static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    /**
     * Whether the slots are a dense array, whose parts a row loop may add into in line ({@link #denseSums()},
     * {@link #denseCompensations()}, {@link #denseRows()}, then {@link #addUsed}) exactly as {@link #add} does.
     */
    boolean isDense() {
        return dense;
    }

    double[] denseSums() {
        return sums;
    }

    double[] denseCompensations() {
        return compensations;
    }

    long[] denseRows() {
        return rows;
    }

    /**
     * The hashed slots, {@link #STRIDE} longs each (key or -1 when free, sum bits, compensation bits, rows), which a row
     * loop may add into in line exactly as {@link #add} does, taking a key it does not find with {@link #slot}.
     */
    long[] hashTable() {
        return table;
    }

    /** Counts slots a row loop used for the first time, adding in line. */
    void addUsed(int slots) {
        used += slots;
    }

    /** The number of slots, used or not: slot numbers run from 0 to this, less one. */
    int size() {
        return capacity;
    }

    /** The number of slots that hold at least one row. */
    int used() {
        return used;
    }

    long key(int slot) {
        return dense ? slot : table[slot * STRIDE];
    }

    long rows(int slot) {
        return dense ? rows[slot] : table[slot * STRIDE + 3]; // 0 in a free slot
    }

    double value(int slot) {
        if (dense) {
            return sums[slot] + compensations[slot];
        }
        return Double.longBitsToDouble(table[slot * STRIDE + 1]) + Double.longBitsToDouble(table[slot * STRIDE + 2]);
    }
}
