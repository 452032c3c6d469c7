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
     * Scans the record starting at {@code pos}.
     *
     * @param eof whether {@code limit} is the end of the input (a last record without a newline is complete)
     * @return the start of the next record, or {@link #NEED_MORE}
     */
    int scan(byte[] buf, int pos, int limit, boolean eof) {
        escapedFields = 0;
        return scanFields(buf, pos, limit, eof);
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

    private int scanFields(byte[] buf, int pos, int limit, boolean eof) {
        fieldCount = 0;
        lines = 0;
        errorField = -1;
        error = null;
        int p = pos;
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
