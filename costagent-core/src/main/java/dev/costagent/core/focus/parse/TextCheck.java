package dev.costagent.core.focus.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * Finds bytes FOCUS text must not hold: invalid UTF-8 (a stray {@code 0xFF}, a truncated or overlong sequence, a
 * surrogate) and control characters other than tab, line feed and carriage return (a NUL, say).
 *
 * <p>Fast on the common case: eight bytes at a time, a word with no byte at or above {@code 0x80} and none below
 * {@code 0x20} is passed over in a few instructions; only words holding such a byte are looked at byte by byte.
 */
public final class TextCheck {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;

    private TextCheck() {}

    /** The index of the first bad byte in {@code bytes[from, to)}, or -1 when the text is clean. */
    public static int firstBad(byte[] bytes, int from, int to) {
        int p = from;
        while (p + 8 <= to) {
            long word = (long) LONGS.get(bytes, p);
            // A byte >= 0x80 has its high bit set; a byte < 0x20 borrows when 0x20 is taken from it. Neither: clean.
            if (((word | (word - SPACES)) & HIGH_BITS) == 0) {
                p += 8;
                continue;
            }
            int end = p + 8;
            while (p < end) {
                int step = check(bytes, p, to);
                if (step < 0) {
                    return p;
                }
                p += step;
            }
        }
        while (p < to) {
            int step = check(bytes, p, to);
            if (step < 0) {
                return p;
            }
            p += step;
        }
        return -1;
    }

    /** The length of the valid character at {@code p}, or -1. */
    private static int check(byte[] bytes, int p, int to) {
        int b = bytes[p] & 0xFF;
        if (b < 0x80) {
            return b >= 0x20 || b == '\t' || b == '\n' || b == '\r' ? 1 : -1;
        }
        int length;
        int min = 0x80;
        int max = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            if (b == 0xE0) {
                min = 0xA0; // no overlong forms
            } else if (b == 0xED) {
                max = 0x9F; // no surrogates
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            if (b == 0xF0) {
                min = 0x90;
            } else if (b == 0xF4) {
                max = 0x8F; // nothing above U+10FFFF
            }
        } else {
            return -1;
        }
        if (p + length > to) {
            return -1;
        }
        int second = bytes[p + 1] & 0xFF;
        if (second < min || second > max) {
            return -1;
        }
        for (int i = 2; i < length; i++) {
            int next = bytes[p + i] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return -1;
            }
        }
        return length;
    }

    /** Why the byte at {@code at} is bad, for a one-line message, e.g. {@code invalid UTF-8 (byte 0xFF)}. */
    public static String describe(byte[] bytes, int at, int fieldStart) {
        int b = bytes[at] & 0xFF;
        String where = " at byte " + (at - fieldStart + 1) + " of the field";
        if (b < 0x20) {
            return "control character " + (b == 0 ? "NUL" : String.format(Locale.ROOT, "U+%04X", b)) + " (0x"
                    + String.format(Locale.ROOT, "%02X", b) + ")" + where;
        }
        return "invalid UTF-8 (byte 0x" + String.format(Locale.ROOT, "%02X", b) + ")" + where;
    }
}
