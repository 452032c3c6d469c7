package dev.costagent.core.focus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the fields of one RFC 4180 record in a byte buffer: comma separated, LF or CRLF terminated, fields optionally
 * in double quotes with {@code ""} for a quote and newlines allowed inside. Quoted fields with doubled quotes are
 * unescaped in place (the buffer is the reader's private copy), so every field is a plain byte range afterwards.
 *
 * <p>One instance per thread; it allocates only when a record has more fields than any before it.
 */
final class CsvRecordScanner {

    /** {@link #scan} result: the record is not complete before the end of the buffer. */
    static final int NEED_MORE = -1;

    private static final byte QUOTE = '"';
    private static final byte COMMA = ',';
    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long COMMAS = ONES * COMMA;
    private static final long NEWLINES = ONES * LF;
    private static final long QUOTES = ONES * QUOTE;
    private static final long RETURNS = ONES * CR;
    private static final long HIGH_BITS = ONES * 0x80;
    private static final long SPACES = ONES * ' ';

    int fieldCount;
    int[] starts = new int[64];
    int[] ends = new int[64];
    boolean[] quoted = new boolean[64];
    /** Fields holding doubled quotes, unescaped once the whole record is known. */
    boolean[] escaped = new boolean[64];

    private int escapedFields;
    /** Newlines consumed by the record, including its terminator and any inside quotes. */
    int lines;
    /** Index of the field where a syntax error was found, or -1. */
    int errorField = -1;
    /** The syntax error, or {@code null}. */
    String error;
    /**
     * The record's bytes before this index are printable ASCII ({@code 0x20} to {@code 0x7F}; the terminator aside),
     * where no text check can find anything: a check of the record may start here. The record's start says only that
     * nothing was seen.
     */
    int plainUpTo;

    /**
     * Scans the record starting at {@code pos}.
     *
     * @param eof whether {@code limit} is the end of the input (a last record without a newline is complete)
     * @return the start of the next record, or {@link #NEED_MORE}
     */
    int scan(byte[] buf, int pos, int limit, boolean eof) {
        escapedFields = 0;
        int next = scanPlain(buf, pos, limit);
        if (next >= 0) {
            return next;
        }
        // The fields before the one the fast path stopped in are found; the general scan goes on from that one.
        java.util.Arrays.fill(quoted, 0, fieldCount, false);
        return scanFields(buf, limit, eof, fieldCount, starts[fieldCount]);
    }

    /** {@link #scan} without its fast path, for tests that compare the two. */
    int scanGeneral(byte[] buf, int pos, int limit, boolean eof) {
        escapedFields = 0;
        plainUpTo = pos;
        return scanFields(buf, limit, eof, 0, pos);
    }

    /**
     * The common record, without quotes and ending in LF or CRLF within the buffer, scanned eight bytes at a time
     * with no branch per byte: each word's commas become the field boundaries in one go, and whether the record is
     * {@linkplain #plainUpTo plain text} comes out of the same words.
     *
     * @return the start of the next record, or -1 when the rest of the record needs {@link #scanFields} (a quote, a
     *     lone CR, or no newline before the last eight bytes of the buffer): then {@link #fieldCount} fields are found
     *     and the next one starts at {@code starts[fieldCount]}
     */
    private int scanPlain(byte[] buf, int pos, int limit) {
        int[] fieldStarts = starts;
        int[] fieldEnds = ends;
        int field = 0;
        fieldStarts[0] = pos;
        long unusual = 0;
        for (int p = pos; p + 8 <= limit; p += 8) {
            if (field + 9 >= fieldStarts.length) {
                grow(); // room for the most commas a word can hold, written below without a test each
                fieldStarts = starts;
                fieldEnds = ends;
            }
            long word = (long) LONGS.get(buf, p);
            long commas = zeroBytes(word ^ COMMAS);
            // A byte >= 0x80 has its high bit set; a byte < 0x20 (LF and CR too) borrows when 0x20 is taken from it,
            // which can only mark bytes after it as well: a false alarm at most, never a miss.
            long odd = (word | (word - SPACES)) & HIGH_BITS;
            int next = -1;
            int end = -1;
            long quotes = zeroBytes(word ^ QUOTES);
            if ((odd | quotes) != 0) {
                // Most words hold none of these: a newline, a quote, a CR, a control or non-ASCII byte.
                long newlines = zeroBytes(word ^ NEWLINES);
                long stops = quotes | zeroBytes(word ^ RETURNS);
                if (newlines != 0) {
                    long lineFeed = newlines & -newlines;
                    long terminator = (stops & (lineFeed >>> 8)) != 0 && buf[p + byteAt(lineFeed) - 1] == CR
                            ? lineFeed >>> 8 // CRLF, both in this word
                            : lineFeed;
                    long before = terminator - 1; // the high bits of the bytes before the terminator
                    stops &= before;
                    commas &= before;
                    odd &= before;
                    end = p + byteAt(terminator);
                    next = p + byteAt(lineFeed) + 1;
                }
                if (stops != 0) {
                    fieldCount = field;
                    plainUpTo = unusual == 0 ? fieldStarts[field] : pos;
                    return -1;
                }
                unusual |= odd;
            }
            field = cut(commas, p, field, fieldStarts, fieldEnds);
            if (next >= 0) {
                fieldEnds[field] = end;
                fieldCount = field + 1;
                java.util.Arrays.fill(quoted, 0, fieldCount, false);
                lines = 1;
                errorField = -1;
                error = null;
                plainUpTo = unusual == 0 ? next : pos;
                return next;
            }
        }
        fieldCount = field;
        plainUpTo = unusual == 0 ? fieldStarts[field] : pos;
        return -1;
    }

    /**
     * Ends the current field at each comma of a word and starts the next one after it; the new current field. The
     * first two commas are written whether or not they exist (a word seldom holds more, and a test per comma costs a
     * mispredicted branch): a write for a comma that is not there lands at or after the current field's end and
     * start, which the next comma or the record's end overwrites.
     */
    private static int cut(long commas, int p, int field, int[] fieldStarts, int[] fieldEnds) {
        int count = Long.bitCount(commas);
        int first = p + byteAt(commas);
        long rest = commas & (commas - 1);
        int second = p + byteAt(rest);
        fieldEnds[field] = first;
        fieldStarts[field + 1] = first + 1;
        fieldEnds[field + 1] = second;
        fieldStarts[field + 2] = second + 1;
        if (count > 2) {
            int at = field + 2;
            for (rest &= rest - 1; rest != 0; rest &= rest - 1) {
                int comma = p + byteAt(rest);
                fieldEnds[at++] = comma;
                fieldStarts[at] = comma + 1;
            }
        }
        return field + count;
    }

    /** The byte index, within its word, of a mask's lowest marked byte (8 for an empty mask). */
    private static int byteAt(long mask) {
        return Long.numberOfTrailingZeros(mask) >>> 3;
    }

    /**
     * Replaces each {@code ""} by {@code "} in a field that has them, shortening its range. Done on first access, so
     * fields nobody reads (e.g. Tags when a query does not group by a tag) are never rewritten.
     */
    void unescape(byte[] buf, int field) {
        if (escapedFields == 0 || !escaped[field]) {
            return;
        }
        escaped[field] = false;
        int write = starts[field];
        for (int read = starts[field]; read < ends[field]; read++) {
            byte b = buf[read];
            buf[write++] = b;
            if (b == QUOTE) {
                read++; // skip the second quote of the pair
            }
        }
        ends[field] = write;
    }

    /** Scans the record's fields from field {@code first}, which starts at {@code p} (those before it are known). */
    private int scanFields(byte[] buf, int limit, boolean eof, int first, int p) {
        fieldCount = first;
        lines = 0;
        errorField = -1;
        error = null;
        while (true) {
            if (fieldCount == starts.length) {
                grow();
            }
            int field = fieldCount++;
            if (p < limit && buf[p] == QUOTE) {
                quoted[field] = true;
                escaped[field] = false;
                int start = ++p;
                while (true) {
                    if (p >= limit) {
                        if (!eof) {
                            return NEED_MORE;
                        }
                        fail(field, "unterminated quote (the field opened with \" never closes)");
                        ends[field] = p;
                        starts[field] = start;
                        lines++;
                        return limit;
                    }
                    p = nextQuoteOrNewline(buf, p, limit);
                    if (p >= limit) {
                        continue;
                    }
                    byte b = buf[p];
                    if (b == QUOTE) {
                        if (p + 1 < limit && buf[p + 1] == QUOTE) {
                            if (!escaped[field]) {
                                escaped[field] = true;
                                escapedFields++;
                            }
                            p += 2;
                            continue;
                        }
                        if (p + 1 >= limit && !eof) {
                            return NEED_MORE;
                        }
                        starts[field] = start;
                        ends[field] = p;
                        p++;
                        break;
                    }
                    if (b == LF) {
                        lines++;
                    }
                    p++;
                }
                // After a closing quote: a delimiter, the end of the record, or an error.
                if (p >= limit) {
                    if (!eof) {
                        return NEED_MORE;
                    }
                    lines++;
                    return limit;
                }
                byte next = buf[p];
                if (next == COMMA) {
                    p++;
                    continue;
                }
                int end = recordEnd(buf, p, limit, eof);
                if (end == NEED_MORE) {
                    return NEED_MORE;
                }
                if (end != p) {
                    fail(field, "unexpected text after a closing quote");
                    return skipToLineEnd(buf, p, limit, eof);
                }
                lines++;
                return terminatorEnd(buf, p, limit);
            }
            quoted[field] = false;
            escaped[field] = false;
            int start = p;
            while (true) {
                p = nextStructural(buf, p, limit);
                if (p >= limit) {
                    break;
                }
                byte b = buf[p];
                if (b == COMMA || b == LF || (b == CR && (p + 1 >= limit || buf[p + 1] == LF))) {
                    break;
                }
                if (b == QUOTE) {
                    fail(field, "quote inside an unquoted field");
                }
                p++;
            }
            if (p >= limit && !eof) {
                return NEED_MORE;
            }
            starts[field] = start;
            ends[field] = p;
            if (p >= limit) {
                lines++;
                return limit;
            }
            if (buf[p] == COMMA) {
                p++;
                continue;
            }
            lines++;
            return terminatorEnd(buf, p, limit);
        }
    }

    /**
     * The index of the first comma, LF, CR or quote at or after {@code p}, or {@code limit}. Eight bytes at a time: a
     * byte equal to the pattern becomes zero after XOR, and the exact zero-byte test sets its high bit.
     */
    private static int nextStructural(byte[] buf, int p, int limit) {
        for (; p + 8 <= limit; p += 8) {
            long word = (long) LONGS.get(buf, p);
            long matches = zeroBytes(word ^ COMMAS)
                    | zeroBytes(word ^ NEWLINES)
                    | zeroBytes(word ^ QUOTES)
                    | zeroBytes(word ^ RETURNS);
            if (matches != 0) {
                return p + (Long.numberOfTrailingZeros(matches) >>> 3);
            }
        }
        for (; p < limit; p++) {
            byte b = buf[p];
            if (b == COMMA || b == LF || b == QUOTE || b == CR) {
                return p;
            }
        }
        return limit;
    }

    /** The index of the first quote or LF at or after {@code p}, or {@code limit}. */
    private static int nextQuoteOrNewline(byte[] buf, int p, int limit) {
        for (; p + 8 <= limit; p += 8) {
            long word = (long) LONGS.get(buf, p);
            long matches = zeroBytes(word ^ QUOTES) | zeroBytes(word ^ NEWLINES);
            if (matches != 0) {
                return p + (Long.numberOfTrailingZeros(matches) >>> 3);
            }
        }
        for (; p < limit; p++) {
            byte b = buf[p];
            if (b == QUOTE || b == LF) {
                return p;
            }
        }
        return limit;
    }

    /** High bit set in exactly the bytes of {@code x} that are zero. */
    private static long zeroBytes(long x) {
        long t = (x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
        return ~(t | x | 0x7F7F7F7F7F7F7F7FL);
    }

    private void fail(int field, String reason) {
        if (error == null) {
            error = reason;
            errorField = field;
        }
    }

    /** {@code p} if a record terminator starts at {@code p}; another index otherwise; NEED_MORE if undecidable. */
    private static int recordEnd(byte[] buf, int p, int limit, boolean eof) {
        if (buf[p] == LF) {
            return p;
        }
        if (buf[p] == CR) {
            if (p + 1 >= limit) {
                return eof ? p : NEED_MORE;
            }
            return buf[p + 1] == LF ? p : p + 1;
        }
        return p + 1;
    }

    private static int terminatorEnd(byte[] buf, int p, int limit) {
        if (buf[p] == CR) {
            return p + 2 <= limit ? p + 2 : limit;
        }
        return p + 1;
    }

    /** After a syntax error: the record ends at the next newline (quotes no longer trusted). */
    private int skipToLineEnd(byte[] buf, int p, int limit, boolean eof) {
        while (p < limit && buf[p] != LF) {
            p++;
        }
        if (p >= limit) {
            if (!eof) {
                return NEED_MORE;
            }
            lines++;
            return limit;
        }
        lines++;
        return p + 1;
    }

    private void grow() {
        int size = starts.length * 2;
        starts = java.util.Arrays.copyOf(starts, size);
        ends = java.util.Arrays.copyOf(ends, size);
        quoted = java.util.Arrays.copyOf(quoted, size);
        escaped = java.util.Arrays.copyOf(escaped, size);
    }
}
