package dev.costagent.core.table;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The values of a finished {@link ByteDictionary}, read-only and compact: the value bytes back to back and one offset
 * per code. A table keeps a row-level column's values so, costing little more than their bytes; only encoding needs
 * the dictionary's hash table.
 */
final class ByteValues {

    private final byte[] bytes;
    /** Code {@code c}'s bytes are {@code bytes[offsets[c - 1], offsets[c])}; code 0 is null. */
    private final int[] offsets;

    ByteValues(byte[] bytes, int[] offsets) {
        this.bytes = bytes;
        this.offsets = offsets;
    }

    /** The number of distinct values, null excluded. */
    int size() {
        return offsets.length - 1;
    }

    /** The value of a code ({@code null} for 0). */
    String value(int code) {
        if (code == 0) {
            return null;
        }
        return new String(bytes, offsets[code - 1], offsets[code] - offsets[code - 1], StandardCharsets.UTF_8);
    }

    /** Approximate heap bytes held. */
    long heapBytes() {
        return 32L + bytes.length + 4L * offsets.length;
    }

    @Override
    public String toString() {
        return "ByteValues[" + size() + " values, " + bytes.length + " bytes]";
    }

    /** For tests: the values in code order. */
    String[] all() {
        String[] values = new String[size() + 1];
        Arrays.setAll(values, this::value);
        return values;
    }
}
