package dev.costagent.core.table;

import java.util.Arrays;

/**
 * Dictionary encoding of fixed-width int tuples: each distinct tuple gets a code 0, 1, 2, ... The cost table uses it
 * to store each distinct combination of a billing row's descriptive attributes once.
 */
final class IntTupleDictionary {

    private final int width;
    private int[] tuples;
    private int[] hashes;
    private int size;
    private int[] slots; // code + 1, or 0 when free
    private int mask;

    IntTupleDictionary(int width) {
        this(width, 64);
    }

    /** A dictionary sized for {@code expected} tuples: it grows past them, but never before. */
    IntTupleDictionary(int width, int expected) {
        this.width = width;
        int capacity = Math.max(64, expected);
        this.hashes = new int[capacity];
        this.tuples = new int[Math.max(width, 1) * capacity];
        this.slots = new int[Math.max(128, Integer.highestOneBit(capacity - 1) << 2)];
        this.mask = slots.length - 1;
    }

    /** The code of a tuple (the first {@code width} ints of {@code values}), adding it if new. */
    int code(int[] values) {
        int hash = hash(values);
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                return insert(values, hash, slot);
            }
            int code = entry - 1;
            if (hashes[code] == hash && Arrays.equals(tuples, code * width, code * width + width, values, 0, width)) {
                return code;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int insert(int[] values, int hash, int slot) {
        int code = size++;
        if (size > hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
            tuples = Arrays.copyOf(tuples, size * 2 * width);
        }
        System.arraycopy(values, 0, tuples, code * width, width);
        hashes[code] = hash;
        slots[slot] = code + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return code;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        mask = slots.length - 1;
        for (int code = 0; code < size; code++) {
            int slot = hashes[code] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = code + 1;
        }
    }

    /** The number of distinct tuples. */
    int size() {
        return size;
    }

    /** Element {@code index} of tuple {@code code}. */
    int get(int code, int index) {
        return tuples[code * width + index];
    }

    /** All tuples, flat: {@code code * width + index}, trimmed. */
    int[] flat() {
        return Arrays.copyOf(tuples, size * width);
    }

    private int hash(int[] values) {
        int h = 0x2545F491;
        for (int i = 0; i < width; i++) {
            h = (h ^ values[i]) * 0x9E3779B1;
            h = Integer.rotateLeft(h, 13);
        }
        return h ^ (h >>> 16);
    }
}
