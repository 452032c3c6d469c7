package dev.costagent.core.focus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the records of one stretch of one file into one sink, counting lines, accepted and rejected records and nulls
 * in non-nullable columns. Line numbers are local to the stretch until the reader knows where the stretch starts.
 */
final class ChunkParser<S extends RecordSink> {

    private static final int SNIPPET_CHARS = 120;
    private static final FocusColumn[] COLUMNS = FocusColumn.values();

    final FocusHeader header;
    final S sink;
    private final boolean lenient;
    private final int maxRejectDetails;
    private final CsvRecordScanner scanner = new CsvRecordScanner();
    private final FocusRow row;
    /** Field indexes of the non-nullable FOCUS columns the file has, and their null counts. */
    private final int[] nonNullableFields;
    final long[] nullCounts;

    long accepted;
    long rejected;
    long lines;
    final List<RejectedRecord> rejects = new ArrayList<>();
    /** The first bad record in strict mode, with a local line, or {@code null}. */
    RejectedRecord failure;
    /** Whether the last {@link #parse} stopped at a record that needs more bytes. */
    boolean needMore;

    ChunkParser(FocusHeader header, S sink, ReadOptions options) {
        this.header = header;
        this.sink = sink;
        this.lenient = options.lenient();
        this.maxRejectDetails = options.maxRejectDetails();
        this.row = new FocusRow(header, scanner);
        List<Integer> fields = new ArrayList<>();
        for (FocusColumn column : COLUMNS) {
            if (!column.nullable() && header.has(column)) {
                fields.add(header.field(column));
            }
        }
        this.nonNullableFields = fields.stream().mapToInt(Integer::intValue).toArray();
        this.nullCounts = new long[nonNullableFields.length];
    }

    /**
     * Parses records that start before {@code stopAt} (an index into {@code buf}).
     *
     * @return where parsing stopped: at {@code stopAt} or beyond (the start of the next record), at {@code limit}, at
     *     an incomplete record ({@link #needMore} set), or after a strict failure
     */
    int parse(byte[] buf, int pos, int limit, boolean eof, int stopAt) {
        needMore = false;
        while (pos < stopAt && pos < limit && failure == null) {
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
                row.reset(buf);
                if (sink.accept(row)) {
                    accepted++;
                    countNulls();
                } else {
                    bad(line, row.failedColumn(), row.failure(), buf, pos, next);
                }
            }
            pos = next;
        }
        return pos;
    }

    private void countNulls() {
        for (int i = 0; i < nonNullableFields.length; i++) {
            if (row.isNull(nonNullableFields[i])) {
                nullCounts[i]++;
            }
        }
    }

    /** The FOCUS columns whose nulls {@link #nullCounts} counts, in the same order. */
    List<String> nullCountedColumns() {
        List<String> names = new ArrayList<>();
        for (int field : nonNullableFields) {
            names.add(header.names().get(field));
        }
        return names;
    }

    private String fieldName(int field) {
        return field >= 0 && field < header.size() ? header.names().get(field) : null;
    }

    private void bad(long line, String column, String reason, byte[] buf, int from, int to) {
        RejectedRecord record = new RejectedRecord(header.file(), line, column, reason, snippet(buf, from, to));
        if (!lenient) {
            failure = record;
            return;
        }
        rejected++;
        if (rejects.size() < maxRejectDetails) {
            rejects.add(record);
        }
    }

    private static String snippet(byte[] buf, int from, int to) {
        int length = Math.min(to - from, SNIPPET_CHARS);
        String text = new String(buf, from, Math.max(length, 0), StandardCharsets.UTF_8).strip();
        return to - from > SNIPPET_CHARS ? text + "..." : text;
    }
}
