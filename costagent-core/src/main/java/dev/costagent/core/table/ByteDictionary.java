package dev.costagent.core.table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Dictionary encoding of byte strings: each distinct value gets a small int code (1, 2, 3, ...; 0 means null), found
 * by hashing the bytes in place, so encoding a field allocates nothing unless the value is new.
 */
final class ByteDictionary {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] arena = new byte[1 << 12];
    private int arenaSize;
    private int[] offsets = new int[64];
    private int[] lengths = new int[64];
    private int[] hashes = new int[64];
    private int size; // codes 1..size are in use
    private int[] slots = new int[128]; // code, or 0 when free
    private int mask = slots.length - 1;

    /** The code of {@code bytes[from, to)}, adding it if new. */
    int code(byte[] bytes, int from, int to) {
        int hash = hash(bytes, from, to);
        int slot = hash & mask;
        while (true) {
            int code = slots[slot];
            if (code == 0) {
                return insert(bytes, from, to, hash, slot);
            }
            if (hashes[code] == hash
                    && Arrays.equals(arena, offsets[code], offsets[code] + lengths[code], bytes, from, to)) {
                return code;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int insert(byte[] bytes, int from, int to, int hash, int slot) {
        int length = to - from;
        int code = ++size;
        if (code == offsets.length) {
            offsets = Arrays.copyOf(offsets, code * 2);
            lengths = Arrays.copyOf(lengths, code * 2);
            hashes = Arrays.copyOf(hashes, code * 2);
        }
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + length));
        }
        System.arraycopy(bytes, from, arena, arenaSize, length);
        offsets[code] = arenaSize;
        lengths[code] = length;
        hashes[code] = hash;
        arenaSize += length;
        slots[slot] = code;
        if (size * 2 > slots.length) {
            rehash();
        }
        return code;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        mask = slots.length - 1;
        for (int code = 1; code <= size; code++) {
            int slot = hashes[code] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = code;
        }
    }

    /** Approximate heap bytes held: the value bytes, their offsets, lengths and hashes, and the hash table. */
    long heapBytes() {
        return arena.length + 12L * offsets.length + 4L * slots.length;
    }

    /** The values, compact and read-only, in code order (the dictionary stays usable). */
    ByteValues compact() {
        byte[] packed = new byte[arenaSize];
        int[] ends = new int[size + 1];
        int at = 0;
        for (int code = 1; code <= size; code++) {
            System.arraycopy(arena, offsets[code], packed, at, lengths[code]);
            at += lengths[code];
            ends[code] = at;
        }
        return new ByteValues(packed, ends);
    }

    /** The number of distinct values. */
    int size() {
        return size;
    }

    /** The value of a code as a string ({@code null} for code 0). */
    String value(int code) {
        return code == 0 ? null : new String(arena, offsets[code], lengths[code], StandardCharsets.UTF_8);
    }

    /** Copies a code's bytes into another dictionary and returns the code there. */
    int copyTo(int code, ByteDictionary other) {
        return code == 0 ? 0 : other.code(arena, offsets[code], offsets[code] + lengths[code]);
    }

    /** Appends a code's bytes (not 0) to a per-row column. */
    void appendTo(int code, RowLevelColumn column) {
        column.append(arena, offsets[code], offsets[code] + lengths[code]);
    }

    /** Every value, indexed by code (index 0 is null). */
    String[] values() {
        String[] values = new String[size + 1];
        for (int code = 1; code <= size; code++) {
            values[code] = value(code);
        }
        return values;
    }

    private static int hash(byte[] bytes, int from, int to) {
        long h = 0x9E3779B97F4A7C15L ^ (to - from);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = Long.rotateLeft(h ^ (long) LONGS.get(bytes, i), 29) * 0xBF58476D1CE4E5B9L;
        }
        for (; i < to; i++) {
            h = Long.rotateLeft(h ^ bytes[i], 11) * 0x94D049BB133111EBL;
        }
        h ^= h >>> 31;
        h *= 0xD6E8FEB86659FD93L;
        return (int) (h ^ (h >>> 32));
    }
}
