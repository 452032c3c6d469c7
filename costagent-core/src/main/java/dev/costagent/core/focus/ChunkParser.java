package dev.costagent.core.focus;

import dev.costagent.core.focus.parse.TextCheck;
import java.nio.charset.StandardCharsets;

/**
 * Parses the records of one stretch of one file into one sink, counting lines, accepted and rejected records and nulls
 * in non-nullable columns. Line numbers are local to the stretch until the reader knows where the stretch starts.
 */
final class ChunkParser<S extends RecordSink> {

    private static final int SNIPPET_CHARS = 120;

    final FocusHeader header;
    final S sink;
    final RecordTally tally;
    private final CsvRecordScanner scanner = new CsvRecordScanner();
    private final CsvRow row;

    long lines;
    /** Whether the last {@link #parse} stopped at a record that needs more bytes. */
    boolean needMore;

    ChunkParser(FocusHeader header, S sink, ReadOptions options) {
        this.header = header;
        this.sink = sink;
        this.tally = new RecordTally(header, options);
        this.row = new CsvRow(header, scanner);
    }

    /**
     * Parses records that start before {@code stopAt} (an index into {@code buf}).
     *
     * @return where parsing stopped: at {@code stopAt} or beyond (the start of the next record), at {@code limit}, at
     *     an incomplete record ({@link #needMore} set), or after a strict failure
     */
    int parse(byte[] buf, int pos, int limit, boolean eof, int stopAt) {
        needMore = false;
        while (pos < stopAt && pos < limit && tally.failure == null) {
            int next = scanner.scan(buf, pos, limit, eof);
            if (next == CsvRecordScanner.NEED_MORE) {
                needMore = true;
                return pos;
            }
            long line = lines + 1;
            lines += scanner.lines;
            if (scanner.fieldCount == 1 && !scanner.quoted[0] && scanner.starts[0] == scanner.ends[0]) {
                pos = next; // a blank line holds no record
                continue;
            }
            if (scanner.error != null) {
                bad(line, fieldName(scanner.errorField), scanner.error, buf, pos, next);
            } else if (scanner.fieldCount != header.size()) {
                bad(line, null, "expected " + header.size() + " fields, found " + scanner.fieldCount, buf, pos, next);
            } else {
                int badByte = TextCheck.firstBad(buf, scanner.plainUpTo, next);
                row.reset(buf);
                if (badByte >= 0) {
                    int field = fieldAt(badByte);
                    bad(
                            line,
                            fieldName(field),
                            TextCheck.describe(buf, badByte, field >= 0 ? scanner.starts[field] : pos),
                            buf,
                            pos,
                            next);
                } else if (tally.validator.validate(row) && sink.accept(row)) {
                    tally.accepted(row);
                } else {
                    bad(line, row.failedColumn(), row.failure(), buf, pos, next);
                }
            }
            pos = next;
        }
        return pos;
    }

    /** The field holding the byte at {@code at} (fields lie in order), or -1. */
    private int fieldAt(int at) {
        for (int f = 0; f < scanner.fieldCount; f++) {
            if (at < scanner.ends[f]) {
                return f;
            }
        }
        return -1;
    }

    private String fieldName(int field) {
        return field >= 0 && field < header.size() ? header.names().get(field) : null;
    }

    private void bad(long line, String column, String reason, byte[] buf, int from, int to) {
        tally.bad(line, column, reason, snippet(buf, from, to));
    }

    private static String snippet(byte[] buf, int from, int to) {
        int length = Math.min(to - from, SNIPPET_CHARS);
        String text = new String(buf, from, Math.max(length, 0), StandardCharsets.UTF_8).strip();
        return to - from > SNIPPET_CHARS ? text + "..." : text;
    }
}
