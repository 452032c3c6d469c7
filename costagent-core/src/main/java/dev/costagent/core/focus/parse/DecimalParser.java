package dev.costagent.core.focus.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Parses decimal text straight from bytes into the nearest {@code double}, without allocating.
 *
 * <p>Precision: FOCUS costs are decimals. A decimal with at most 15 significant digits and a small exponent is
 * converted with one correctly rounded division or multiplication by an exact power of ten (Clinger's fast path), so
 * the result is the double nearest to the text; anything else goes through {@link Double#parseDouble}, which is also
 * correctly rounded. Sums are then kept with compensated (Neumaier) summation, so totals match exact
 * {@link java.math.BigDecimal} sums to about 1e-15 relative, far inside the 1e-9 the tests demand.
 *
 * <p>Speed: billing exports write amounts as plain decimals with many fraction digits ({@code 11.8611835519}), so
 * the common shape has its own path that takes the fraction eight digits at a time (SWAR, as in Lemire's fast float
 * parsing); anything else takes the general byte-by-byte path. Both give the same, correctly rounded value.
 */
public final class DecimalParser {

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };
    private static final long MAX_EXACT_MANTISSA = 1L << 53;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030303030303030L;

    private DecimalParser() {}

    /**
     * The value of {@code bytes[from, to)}, or {@code NaN} when the text is not a decimal number (empty, letters,
     * two points, a bare sign, {@code NaN} or {@code Infinity}).
     */
    public static double parse(byte[] bytes, int from, int to) {
        double plain = parsePlain(bytes, from, to);
        return plain == plain ? plain : parseGeneral(bytes, from, to);
    }

    /**
     * The common shape only: an optional sign, digits, and optionally a point and more digits, at most 18 digits in
     * all, whose value is exact as a double numerator and denominator. {@code NaN} for anything else, which the
     * general path then decides.
     */
    private static double parsePlain(byte[] bytes, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        int digitsStart = i;
        long mantissa = 0;
        int d;
        while (i < to && (d = bytes[i] - '0') >= 0 && d <= 9) {
            mantissa = mantissa * 10 + d;
            i++;
        }
        int digits = i - digitsStart;
        int fraction = 0;
        if (i < to && bytes[i] == '.') {
            int fractionStart = ++i;
            while (i + 8 <= to && digits + (i - fractionStart) + 8 <= 18) {
                long word = (long) LONGS.get(bytes, i);
                if (!eightDigits(word)) {
                    break;
                }
                mantissa = mantissa * 100_000_000L + eightDigitValue(word);
                i += 8;
            }
            while (i < to && (d = bytes[i] - '0') >= 0 && d <= 9) {
                mantissa = mantissa * 10 + d;
                i++;
            }
            fraction = i - fractionStart;
        }
        if (i != to
                || digits + fraction == 0
                || digits + fraction > 18
                || fraction > 22
                || mantissa >= MAX_EXACT_MANTISSA) {
            return Double.NaN;
        }
        double value = fraction == 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction];
        return negative ? -value : value;
    }

    /** Whether all eight bytes of a little-endian word are ASCII digits. */
    private static boolean eightDigits(long word) {
        return ((word & 0xF0F0F0F0F0F0F0F0L) | (((word + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4))
                == 0x3333333333333333L;
    }

    /** The value of eight ASCII digits read as a little-endian word (the first digit in the lowest byte). */
    private static long eightDigitValue(long word) {
        long v = word - ZEROS;
        v = v * 10 + (v >>> 8); // pairs of digits in every other byte
        return (((v & 0x000000FF000000FFL) * (100 + (1_000_000L << 32)))
                        + (((v >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32))))
                >>> 32;
    }

    private static double parseGeneral(byte[] bytes, int from, int to) {
        int i = from;
        if (i >= to) {
            return Double.NaN;
        }
        boolean negative = false;
        byte first = bytes[i];
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        int digits = 0;
        int pendingZeros = 0;
        boolean point = false;
        for (; i < to; i++) {
            int c = bytes[i];
            if (c >= '0' && c <= '9') {
                digits++;
                if (point) {
                    exponent--;
                }
                if (c == '0') {
                    // Trailing zeros need no mantissa digits; count them and apply only if a non-zero digit follows.
                    if (significant > 0) {
                        pendingZeros++;
                    }
                    continue;
                }
                if (significant + pendingZeros + 1 > 18) {
                    return slowPath(bytes, from, to);
                }
                for (; pendingZeros > 0; pendingZeros--) {
                    mantissa *= 10;
                    significant++;
                }
                mantissa = mantissa * 10 + (c - '0');
                significant++;
            } else if (c == '.' && !point) {
                point = true;
            } else if (c == 'e' || c == 'E') {
                return digits == 0 ? Double.NaN : slowPath(bytes, from, to);
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        // The zeros after the last non-zero digit scale the mantissa; the decimal point has been counted already.
        exponent += pendingZeros;
        double value;
        if (mantissa == 0) {
            value = 0.0;
        } else if (mantissa < MAX_EXACT_MANTISSA && exponent >= -22 && exponent <= 22) {
            value = exponent < 0 ? mantissa / POWERS_OF_TEN[-exponent] : mantissa * POWERS_OF_TEN[exponent];
        } else {
            return slowPath(bytes, from, to);
        }
        return negative ? -value : value;
    }

    private static double slowPath(byte[] bytes, int from, int to) {
        String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return Double.NaN;
            }
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isInfinite(value) ? Double.NaN : value;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
