package dev.costagent.core.focus;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes {@link CostRecord}s as a FOCUS CSV file: UTF-8 without BOM, LF line ends, RFC 4180 quoting.
 *
 * <p>The header is every FOCUS 1.0 {@link FocusColumn} name in enum order, then the extra (non-FOCUS) columns given
 * when the writer is opened. Cells are written as follows:
 * <ul>
 *   <li>null: an empty cell; an empty string: {@code ""} (so the two stay apart);</li>
 *   <li>decimals: {@link BigDecimal#toPlainString()}, never exponent notation;</li>
 *   <li>timestamps: ISO 8601 UTC as {@link Instant#toString()} writes them, {@code 2024-09-18T22:00:00Z}
 *       (fractional seconds only when present);</li>
 *   <li>Tags: a JSON object, e.g. {@code {"env":"prod"}}; no tags: an empty cell;</li>
 *   <li>text containing a comma, a double quote, CR or LF is quoted, with inner quotes doubled.</li>
 * </ul>
 * A record holding an extra column that is not in the header is an error, never silently dropped.
 *
 * <p>A path ending in {@code .gz} is written gzip-compressed (fastest deflate level; the files are large and
 * short-lived). The writer buffers bytes itself and is not thread-safe.
 */
public final class FocusCsvWriter implements Closeable {

    /**
     * The columns a {@link CostRecord} holds: the FOCUS 1.0 set, so written files are FOCUS 1.0 (later versions'
     * columns would be empty, and their mandatory ones would make a 1.3 file that breaks its own rules).
     */
    private static final FocusColumn[] COLUMNS =
            FocusColumn.definedIn(FocusVersion.V1_0).toArray(new FocusColumn[0]);
    /** ASCII characters that force the careful path: the ones RFC 4180 quotes for. */
    private static final boolean[] NEEDS_CARE = new boolean[128];

    static {
        NEEDS_CARE[','] = true;
        NEEDS_CARE['"'] = true;
        NEEDS_CARE['\n'] = true;
        NEEDS_CARE['\r'] = true;
    }

    private static final int BUFFER_BYTES = 1 << 16;
    /** Recently written timestamps; rows of one charge hour share their four instants. */
    private static final int TIMESTAMP_CACHE = 8;
    /** Decimals with at most this many digits and this scale take the allocation-free path. */
    private static final int MAX_FAST_DIGITS = 18;

    private static final int MAX_CACHED_CELL = 512;
    /** Encoded Tags cells remembered by content (a power of two). */
    private static final int TAG_CACHE = 1024;

    private final OutputStream out;
    private final List<String> extraColumns;
    private final Set<String> extraColumnSet;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private long rowsWritten;
    private final StringBuilder scratch = new StringBuilder(256);
    private final Instant[] cachedInstants = new Instant[TIMESTAMP_CACHE];
    private final String[] cachedInstantText = new String[TIMESTAMP_CACHE];
    private int nextCacheSlot;
    private final TagCell[] tagCells = new TagCell[TAG_CACHE];
    private final byte[] decimalDigits = new byte[2 * MAX_FAST_DIGITS + 2];

    private FocusCsvWriter(OutputStream out, List<String> extraColumns, boolean header) {
        this.out = out;
        this.extraColumns = List.copyOf(extraColumns);
        this.extraColumnSet = new HashSet<>(this.extraColumns);
        if (extraColumnSet.size() != this.extraColumns.size()) {
            throw new IllegalArgumentException("duplicate extra column in " + extraColumns);
        }
        for (String column : this.extraColumns) {
            // Later versions' columns have no CostRecord component and are written as extra columns.
            if (FocusColumn.byName(column)
                    .filter(c -> c.since() == FocusVersion.V1_0)
                    .isPresent()) {
                throw new IllegalArgumentException("extra column " + column + " is a FOCUS column");
            }
            if (column.isEmpty()) {
                throw new IllegalArgumentException("extra column name is empty");
            }
        }
        if (header) {
            writeHeader();
        }
    }

    /**
     * Opens (creates or truncates) a CSV file, gzip-compressed when the name ends with {@code .gz}, and writes the
     * header.
     *
     * @param path the file
     * @param extraColumns non-FOCUS columns after the FOCUS ones, in this order (e.g. {@code x_InstanceType})
     */
    public static FocusCsvWriter open(Path path, List<String> extraColumns) throws IOException {
        requireNonNull(path, "path");
        OutputStream file = Files.newOutputStream(path);
        OutputStream sink = file;
        if (path.getFileName().toString().endsWith(".gz")) {
            sink = new FastGzipOutputStream(file);
        }
        return new FocusCsvWriter(sink, extraColumns, true);
    }

    /** Writes to a stream (not compressed) and writes the header; closing the writer closes the stream. */
    public static FocusCsvWriter to(OutputStream out, List<String> extraColumns) {
        return new FocusCsvWriter(requireNonNull(out, "out"), extraColumns, true);
    }

    /**
     * Writes rows only, without a header, to a stream: for encoding parts of one file on several threads, to be
     * joined in order with {@link #appendEncoded}.
     */
    public static FocusCsvWriter rowsOnly(OutputStream out, List<String> extraColumns) {
        return new FocusCsvWriter(requireNonNull(out, "out"), extraColumns, false);
    }

    /**
     * Appends rows that a {@link #rowsOnly} writer with the same extra columns encoded, and counts them as written.
     *
     * @param encoded the encoded rows, each ending with a line feed
     * @param length how many bytes of {@code encoded} to append
     * @param rows how many rows they hold
     */
    public void appendEncoded(byte[] encoded, int length, long rows) {
        drain();
        try {
            out.write(encoded, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write FOCUS CSV: " + e.getMessage(), e);
        }
        rowsWritten += rows;
    }

    /** The header cells: FOCUS column names in enum order, then the extra columns. */
    public static List<String> header(List<String> extraColumns) {
        List<String> header = new ArrayList<>(COLUMNS.length + extraColumns.size());
        for (FocusColumn column : COLUMNS) {
            header.add(column.columnName());
        }
        header.addAll(extraColumns);
        return header;
    }

    /** The number of data rows written so far. */
    public long rowsWritten() {
        return rowsWritten;
    }

    /** Writes one record as one CSV row. */
    public void write(CostRecord record) {
        for (String column : record.extra().keySet()) {
            if (!extraColumnSet.contains(column)) {
                throw new IllegalArgumentException(
                        "record has extra column " + column + " that is not in the header " + extraColumns);
            }
        }
        for (FocusColumn column : COLUMNS) {
            if (column.ordinal() > 0) {
                comma();
            }
            Object value = record.value(column);
            switch (column.type()) {
                case DECIMAL -> decimal((BigDecimal) value);
                case TIMESTAMP -> timestamp((Instant) value);
                case TAGS -> tags(record.tags());
                default -> text((String) value);
            }
        }
        Map<String, String> extra = record.extra();
        for (String column : extraColumns) {
            comma();
            text(extra.get(column));
        }
        newline();
        rowsWritten++;
    }

    /** Writes buffered bytes through to the file or stream. */
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            out.close();
        }
    }

    private void writeHeader() {
        List<String> header = header(extraColumns);
        for (int i = 0; i < header.size(); i++) {
            if (i > 0) {
                comma();
            }
            text(header.get(i));
        }
        newline();
    }

    private void comma() {
        put((byte) ',');
    }

    private void newline() {
        put((byte) '\n');
    }

    /**
     * Writes a decimal as {@link BigDecimal#toPlainString()} would. Decimals of up to 18 digits (all costs and
     * quantities in practice) are written digit by digit from their unscaled long, without building a String.
     */
    private void decimal(BigDecimal value) {
        if (value == null) {
            return;
        }
        int scale = value.scale();
        if (scale < 0 || scale > MAX_FAST_DIGITS || value.precision() > MAX_FAST_DIGITS) {
            ascii(value.toPlainString());
            return;
        }
        long unscaled = value.scaleByPowerOfTen(scale).longValueExact();
        if (position + 2 * MAX_FAST_DIGITS + 4 > BUFFER_BYTES) {
            drain();
        }
        byte[] buf = buffer;
        int p = position;
        if (unscaled < 0) {
            buf[p++] = '-';
            unscaled = -unscaled;
        }
        byte[] digits = decimalDigits;
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + (unscaled % 10));
            unscaled /= 10;
        } while (unscaled != 0);
        while (n < scale + 1) {
            digits[n++] = '0';
        }
        for (int i = n - 1; i >= 0; i--) {
            if (i == scale - 1) {
                buf[p++] = '.';
            }
            buf[p++] = digits[i];
        }
        position = p;
    }

    private void timestamp(Instant value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < TIMESTAMP_CACHE; i++) {
            if (value.equals(cachedInstants[i])) {
                ascii(cachedInstantText[i]);
                return;
            }
        }
        String formatted = value.toString(); // ISO_INSTANT: seconds always, fraction when present
        int slot = nextCacheSlot;
        cachedInstants[slot] = value;
        cachedInstantText[slot] = formatted;
        nextCacheSlot = (slot + 1) % TIMESTAMP_CACHE;
        ascii(formatted);
    }

    /**
     * Writes the Tags cell. Rows of one resource share their tags, so encoded cells are remembered by content in a
     * small direct-mapped cache.
     */
    private void tags(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        int slot = tags.hashCode() & (TAG_CACHE - 1);
        TagCell cached = tagCells[slot];
        if (cached != null && sameInOrder(tags, cached.tags())) {
            bytes(cached.cell());
            return;
        }
        int begin = encodeCell(tagsJson(tags));
        if (begin >= 0 && position - begin <= MAX_CACHED_CELL) {
            tagCells[slot] = new TagCell(new LinkedHashMap<>(tags), Arrays.copyOfRange(buffer, begin, position));
        }
    }

    /** A Tags cell as encoded, with the tags it encodes. */
    private record TagCell(Map<String, String> tags, byte[] cell) {}

    /** Equal entries in equal order (JSON text follows the order, so equal maps in another order differ). */
    private static boolean sameInOrder(Map<String, String> a, Map<String, String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<Map.Entry<String, String>> left = a.entrySet().iterator();
        Iterator<Map.Entry<String, String>> right = b.entrySet().iterator();
        while (left.hasNext()) {
            if (!left.next().equals(right.next())) {
                return false;
            }
        }
        return true;
    }

    private StringBuilder tagsJson(Map<String, String> tags) {
        StringBuilder json = scratch;
        json.setLength(0);
        json.append('{');
        boolean first = true;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            jsonString(json, tag.getKey());
            json.append(':');
            if (tag.getValue() == null) {
                json.append("null");
            } else {
                jsonString(json, tag.getValue());
            }
        }
        json.append('}');
        return json;
    }

    private static void jsonString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00");
                        json.append(Character.forDigit(c >> 4, 16));
                        json.append(Character.forDigit(c & 0xF, 16));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** Writes a text cell, quoted when RFC 4180 requires it; null is an empty cell, "" is {@code ""}. */
    private void text(String value) {
        if (value != null) {
            encodeCell(value);
        }
    }

    /**
     * Encodes a cell straight into the buffer and returns where it starts there; -1 when the value was too long to
     * stage in one buffer and went out through the slow, byte-at-a-time path instead.
     */
    private int encodeCell(CharSequence value) {
        int length = value.length();
        int worstCase = 3 * length + 2;
        if (worstCase > BUFFER_BYTES / 2) {
            slowCell(value);
            return -1;
        }
        if (position + worstCase > BUFFER_BYTES) {
            drain();
        }
        int begin = position;
        byte[] buf = buffer;
        // Optimistic single pass: plain ASCII needing no quotes is copied as it is checked.
        int p = begin;
        int i = 0;
        for (; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || NEEDS_CARE[c]) {
                break;
            }
            buf[p++] = (byte) c;
        }
        if (i == length && length > 0) {
            position = p;
            return begin;
        }
        boolean quote = length == 0;
        for (int k = i; k < length && !quote; k++) {
            char c = value.charAt(k);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        p = begin;
        if (quote) {
            buf[p++] = '"';
        }
        for (int k = 0; k < length; k++) {
            char c = value.charAt(k);
            if (c == '"') {
                buf[p++] = '"';
                buf[p++] = '"';
            } else if (c < 0x80) {
                buf[p++] = (byte) c;
            } else {
                position = p;
                k = utf8Char(value, k);
                p = position;
            }
        }
        if (quote) {
            buf[p++] = '"';
        }
        position = p;
        return begin;
    }

    /** A cell too long for the staging path: quoted (always, it is simplest) and written byte by byte. */
    private void slowCell(CharSequence value) {
        put((byte) '"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                put((byte) '"');
                put((byte) '"');
            } else if (c < 0x80) {
                put((byte) c);
            } else {
                i = utf8Char(value, i);
            }
        }
        put((byte) '"');
    }

    private void bytes(byte[] cell) {
        if (position + cell.length > BUFFER_BYTES) {
            drain();
        }
        System.arraycopy(cell, 0, buffer, position, cell.length);
        position += cell.length;
    }

    private void ascii(String value) {
        int length = value.length();
        if (length > BUFFER_BYTES / 2) {
            for (int i = 0; i < length; i++) {
                put((byte) value.charAt(i));
            }
            return;
        }
        if (position + length > BUFFER_BYTES) {
            drain();
        }
        byte[] buf = buffer;
        int p = position;
        for (int i = 0; i < length; i++) {
            buf[p++] = (byte) value.charAt(i);
        }
        position = p;
    }

    /** Encodes the non-ASCII char at {@code i} (a surrogate pair as one code point); returns the last index used. */
    private int utf8Char(CharSequence value, int i) {
        char c = value.charAt(i);
        int codePoint = c;
        int last = i;
        if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
            codePoint = Character.toCodePoint(c, value.charAt(i + 1));
            last = i + 1;
        } else if (Character.isSurrogate(c)) {
            codePoint = '?'; // a lone surrogate has no UTF-8 form
        }
        if (codePoint < 0x80) {
            put((byte) codePoint);
        } else if (codePoint < 0x800) {
            put((byte) (0xC0 | (codePoint >> 6)));
            put((byte) (0x80 | (codePoint & 0x3F)));
        } else if (codePoint < 0x10000) {
            put((byte) (0xE0 | (codePoint >> 12)));
            put((byte) (0x80 | ((codePoint >> 6) & 0x3F)));
            put((byte) (0x80 | (codePoint & 0x3F)));
        } else {
            put((byte) (0xF0 | (codePoint >> 18)));
            put((byte) (0x80 | ((codePoint >> 12) & 0x3F)));
            put((byte) (0x80 | ((codePoint >> 6) & 0x3F)));
            put((byte) (0x80 | (codePoint & 0x3F)));
        }
        return last;
    }

    private void put(byte b) {
        if (position == BUFFER_BYTES) {
            drain();
        }
        buffer[position++] = b;
    }

    private void drain() {
        if (position == 0) {
            return;
        }
        try {
            out.write(buffer, 0, position);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write FOCUS CSV: " + e.getMessage(), e);
        }
        position = 0;
    }

    /** Gzip at the fastest level: generated benchmark files are large and compression is not their point. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, BUFFER_BYTES);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
