package dev.costagent.core.table;

import dev.costagent.core.focus.FocusRow;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Remembers, for each distinct combination of a row's descriptive fields (as raw bytes), the attribute set it
 * encoded to, so that a row repeating an earlier combination — most billing rows do — costs one hash and one
 * comparison over its bytes instead of a dictionary lookup per column. A hit is always verified byte for byte, so a
 * hash collision can never merge two different rows.
 */
final class RowSignatures {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int NULL_LENGTH = -1;

    private final int[] fields;
    private long[] hashes = new long[1024];
    private int[] sets = new int[1024]; // set code + 1, 0 when free
    private int mask = hashes.length - 1;
    private int size;
    /** Per cached entry: the field lengths (NULL_LENGTH for null) and the concatenated bytes. */
    private int[][] lengths = new int[64][];
    private byte[][] bytes = new byte[64][];
    private int[] durations = new int[64];
    private int entries;

    RowSignatures(int[] fields) {
        this.fields = fields;
    }

    /** The hash of the row's descriptive fields and its charge period length code. */
    long hash(FocusRow row, int duration) {
        byte[] buf = row.buffer();
        long h = 0x9E3779B97F4A7C15L + duration;
        for (int field : fields) {
            if (row.isNull(field)) {
                h = Long.rotateLeft(h * 0xBF58476D1CE4E5B9L, 31) ^ 0x5555;
                continue;
            }
            int i = row.start(field);
            int end = row.end(field);
            h ^= end - i;
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
            int entry = sets[slot];
            if (entry == 0) {
                return -1;
            }
            if (hashes[slot] == hash) {
                int index = entry - 1;
                if (durations[index] == duration && sameFields(index, row)) {
                    return setOf[index];
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    private int[] setOf = new int[64];

    /** Remembers that the row's fields encode to {@code set}. */
    void remember(long hash, FocusRow row, int duration, int set) {
        int index = entries++;
        if (index == lengths.length) {
            lengths = Arrays.copyOf(lengths, index * 2);
            bytes = Arrays.copyOf(bytes, index * 2);
            durations = Arrays.copyOf(durations, index * 2);
            setOf = Arrays.copyOf(setOf, index * 2);
        }
        int[] fieldLengths = new int[fields.length];
        int total = 0;
        for (int f = 0; f < fields.length; f++) {
            fieldLengths[f] = row.isNull(fields[f]) ? NULL_LENGTH : row.end(fields[f]) - row.start(fields[f]);
            total += Math.max(fieldLengths[f], 0);
        }
        byte[] copy = new byte[total];
        int at = 0;
        for (int f = 0; f < fields.length; f++) {
            if (fieldLengths[f] > 0) {
                System.arraycopy(row.buffer(), row.start(fields[f]), copy, at, fieldLengths[f]);
                at += fieldLengths[f];
            }
        }
        lengths[index] = fieldLengths;
        bytes[index] = copy;
        durations[index] = duration;
        setOf[index] = set;
        int slot = (int) hash & mask;
        while (sets[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        sets[slot] = index + 1;
        if (++size * 2 > sets.length) {
            rehash();
        }
    }

    private boolean sameFields(int index, FocusRow row) {
        int[] fieldLengths = lengths[index];
        byte[] stored = bytes[index];
        byte[] buf = row.buffer();
        int at = 0;
        for (int f = 0; f < fields.length; f++) {
            int field = fields[f];
            int length = fieldLengths[f];
            if (length == NULL_LENGTH) {
                if (!row.isNull(field)) {
                    return false;
                }
                continue;
            }
            if (row.isNull(field)) {
                return false;
            }
            int start = row.start(field);
            if (row.end(field) - start != length
                    || !Arrays.equals(stored, at, at + length, buf, start, start + length)) {
                return false;
            }
            at += length;
        }
        return true;
    }

    private void rehash() {
        long[] oldHashes = hashes;
        int[] oldSets = sets;
        hashes = new long[oldHashes.length * 2];
        sets = new int[oldSets.length * 2];
        mask = sets.length - 1;
        for (int i = 0; i < oldSets.length; i++) {
            if (oldSets[i] != 0) {
                int slot = (int) oldHashes[i] & mask;
                while (sets[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                sets[slot] = oldSets[i];
            }
        }
    }
}
