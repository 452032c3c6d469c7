package dev.costagent.core.table;

import dev.costagent.core.focus.FocusRow;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Remembers, for each distinct text of a row's descriptive fields, the attribute set it encoded to, so that a row
 * repeating an earlier combination — most billing rows do — costs one hash and one comparison over its bytes instead
 * of a dictionary lookup per column.
 *
 * <p>It works on the raw text of <em>runs</em>: maximal stretches of consecutive descriptive fields, which lie next to
 * each other in the record, commas and quotes included. Equal raw text means equal values, so a hit (always verified
 * byte for byte, so a hash collision can never merge two different rows) is exact; different text for equal values
 * (e.g. {@code NULL} versus an empty field) is only a miss, and the slow path then finds the same set.
 */
final class RowSignatures {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int[] runFirst;
    private final int[] runLast;
    private long[] hashes = new long[1024];
    private int[] slots = new int[1024]; // entry index + 1, 0 when free
    private int mask = slots.length - 1;
    private int size;
    /** Per entry: the runs' lengths, their concatenated bytes, the charge period length code and the set. */
    private int[][] lengths = new int[64][];

    private byte[][] bytes = new byte[64][];
    private int[] durations = new int[64];
    private int[] setOf = new int[64];
    private int entries;

    /**
     * Signatures over the given fields of each record.
     *
     * @param descriptive per field of the header, whether it is descriptive (part of the attribute set)
     * @param adjacent whether consecutive fields lie next to each other in the row's buffer (CSV text); otherwise
     *     every field is a run of its own
     */
    RowSignatures(boolean[] descriptive, boolean adjacent) {
        int[] first = new int[descriptive.length];
        int[] last = new int[descriptive.length];
        int runs = 0;
        for (int f = 0; f < descriptive.length; f++) {
            if (!descriptive[f]) {
                continue;
            }
            if (adjacent && runs > 0 && last[runs - 1] == f - 1) {
                last[runs - 1] = f;
            } else {
                first[runs] = f;
                last[runs] = f;
                runs++;
            }
        }
        runFirst = Arrays.copyOf(first, runs);
        runLast = Arrays.copyOf(last, runs);
    }

    /** The hash of the row's descriptive text and its charge period length code. */
    long hash(FocusRow row, int duration) {
        byte[] buf = row.buffer();
        long h = 0x9E3779B97F4A7C15L + duration;
        for (int r = 0; r < runFirst.length; r++) {
            int i = row.rawStart(runFirst[r]);
            int end = row.rawEnd(runLast[r]);
            h = Long.rotateLeft(h ^ (end - i), 17) * 0x94D049BB133111EBL;
            for (; i + 8 <= end; i += 8) {
                h = Long.rotateLeft((h ^ (long) LONGS.get(buf, i)) * 0xBF58476D1CE4E5B9L, 27);
            }
            long tail = 0;
            for (int shift = 0; i < end; i++, shift += 8) {
                tail |= (buf[i] & 0xFFL) << shift;
            }
            h = Long.rotateLeft((h ^ tail) * 0x94D049BB133111EBL, 31);
        }
        return h ^ (h >>> 29);
    }

    /** The attribute set of a row seen before (verified), or -1. */
    int find(long hash, FocusRow row, int duration) {
        int slot = (int) hash & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if (hashes[slot] == hash) {
                int index = entry - 1;
                if (durations[index] == duration && sameText(index, row)) {
                    return setOf[index];
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Copies a row's descriptive text before anything rewrites it in place; {@link #remember} stores the copy once
     * the row has been encoded.
     */
    Captured capture(FocusRow row) {
        int[] runLengths = new int[runFirst.length];
        int total = 0;
        for (int r = 0; r < runFirst.length; r++) {
            runLengths[r] = row.rawEnd(runLast[r]) - row.rawStart(runFirst[r]);
            total += runLengths[r];
        }
        byte[] copy = new byte[total];
        int at = 0;
        for (int r = 0; r < runFirst.length; r++) {
            System.arraycopy(row.buffer(), row.rawStart(runFirst[r]), copy, at, runLengths[r]);
            at += runLengths[r];
        }
        return new Captured(runLengths, copy);
    }

    /** A row's descriptive text: the runs' lengths and their concatenated bytes. */
    record Captured(int[] lengths, byte[] bytes) {}

    /** Remembers that rows with this text and charge period length encode to {@code set}. */
    void remember(long hash, Captured captured, int duration, int set) {
        int index = entries++;
        if (index == lengths.length) {
            lengths = Arrays.copyOf(lengths, index * 2);
            bytes = Arrays.copyOf(bytes, index * 2);
            durations = Arrays.copyOf(durations, index * 2);
            setOf = Arrays.copyOf(setOf, index * 2);
        }
        lengths[index] = captured.lengths();
        bytes[index] = captured.bytes();
        durations[index] = duration;
        setOf[index] = set;
        int slot = (int) hash & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        slots[slot] = index + 1;
        if (++size * 2 > slots.length) {
            rehash();
        }
    }

    private boolean sameText(int index, FocusRow row) {
        int[] runLengths = lengths[index];
        byte[] stored = bytes[index];
        byte[] buf = row.buffer();
        int at = 0;
        for (int r = 0; r < runFirst.length; r++) {
            int start = row.rawStart(runFirst[r]);
            int length = runLengths[r];
            if (row.rawEnd(runLast[r]) - start != length
                    || !Arrays.equals(stored, at, at + length, buf, start, start + length)) {
                return false;
            }
            at += length;
        }
        return true;
    }

    private void rehash() {
        long[] oldHashes = hashes;
        int[] oldSlots = slots;
        hashes = new long[oldHashes.length * 2];
        slots = new int[oldSlots.length * 2];
        mask = slots.length - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != 0) {
                int slot = (int) oldHashes[i] & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                slots[slot] = oldSlots[i];
            }
        }
    }
}
