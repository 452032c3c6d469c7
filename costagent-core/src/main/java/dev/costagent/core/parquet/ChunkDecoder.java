package dev.costagent.core.parquet;

import static dev.costagent.core.parquet.FileMetadata.Encoding.BYTE_STREAM_SPLIT;
import static dev.costagent.core.parquet.FileMetadata.Encoding.DELTA_BINARY_PACKED;
import static dev.costagent.core.parquet.FileMetadata.Encoding.DELTA_BYTE_ARRAY;
import static dev.costagent.core.parquet.FileMetadata.Encoding.DELTA_LENGTH_BYTE_ARRAY;
import static dev.costagent.core.parquet.FileMetadata.Encoding.PLAIN;
import static dev.costagent.core.parquet.FileMetadata.Encoding.PLAIN_DICTIONARY;
import static dev.costagent.core.parquet.FileMetadata.Encoding.RLE;
import static dev.costagent.core.parquet.FileMetadata.Encoding.RLE_DICTIONARY;
import static dev.costagent.core.parquet.FileMetadata.PageType.DATA_PAGE;
import static dev.costagent.core.parquet.FileMetadata.PageType.DATA_PAGE_V2;
import static dev.costagent.core.parquet.FileMetadata.PageType.DICTIONARY_PAGE;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes one column chunk (the pages of one column in one row group) into {@link ColumnValues}: dictionary pages,
 * data pages v1 and v2, PLAIN, dictionary (RLE / bit-packed indices), RLE booleans, DELTA_BINARY_PACKED,
 * DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT values, with definition levels for nullable columns.
 */
final class ChunkDecoder {

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final double[] POWERS = new double[23];

    static {
        double power = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = power;
            power *= 10;
        }
    }

    private final FileMetadata.Column column;
    private final int kind;
    /** The dictionary: text ids 0..n-1 live in the values; numbers and times here. */
    private double[] dictionaryNumbers;

    private long[] dictionaryTimes;
    private int dictionarySize = -1;
    private int[] levels = new int[0];
    private int[] indices = new int[0];
    /**
     * Numbers and timestamps formatted as text (for a sink that keeps them as text), by their bits, in a small
     * direct-mapped cache: a plain-encoded price column repeats few values, so each is formatted and stored once per
     * chunk and its rows share the text id. Only for {@link #formattedOwner}'s values: ids belong to one target.
     */
    private long[] formattedBits;

    private static final int FORMATTED_SLOTS = 1 << 10;

    private int[] formattedIds;
    private ColumnValues formattedOwner;

    private ChunkDecoder(FileMetadata.Column column, int kind) {
        this.column = column;
        this.kind = kind;
    }

    /**
     * How a column's values reach the row: as numbers or timestamps when a sink reads them so, else as text (a
     * dictionary's numbers and timestamps are then formatted once per entry, not once per row).
     */
    static int kindOf(FileMetadata.Column column, boolean numericTarget) {
        if (!numericTarget) {
            return ColumnValues.TEXT;
        }
        if (column.timeUnit() != FileMetadata.NO_TIME) {
            return ColumnValues.TIME;
        }
        int type = column.physicalType();
        if (column.decimal()
                || type == FileMetadata.FLOAT
                || type == FileMetadata.DOUBLE
                || type == FileMetadata.INT32
                || type == FileMetadata.INT64) {
            return ColumnValues.NUMBER;
        }
        return ColumnValues.TEXT;
    }

    /**
     * Whether every value of a chunk comes from its dictionary and every dictionary entry is one of {@code allowed}
     * (so, to a reader that only checks values against that set, only the chunk's nulls matter). Looks at the page
     * headers and the dictionary page only; {@code false} for anything else, a corrupt chunk included (decoding it
     * then reports the corruption as before).
     */
    static boolean onlyAllowedValues(
            FileMetadata.Column column, FileMetadata.Chunk chunk, byte[] data, int rows, List<byte[]> allowed) {
        ChunkDecoder decoder = new ChunkDecoder(column, ColumnValues.TEXT);
        ColumnValues dictionary = new ColumnValues(ColumnValues.TEXT, 0);
        try {
            int pos = 0;
            int row = 0;
            while (row < rows) {
                if (pos >= data.length) {
                    return false;
                }
                PageHeader page = PageHeader.read(data, pos);
                pos = page.dataStart;
                if (page.compressedSize < 0 || page.compressedSize > data.length - pos || page.uncompressedSize < 0) {
                    return false;
                }
                switch (page.type) {
                    case DICTIONARY_PAGE ->
                        decoder.readDictionary(
                                Codecs.decompress(chunk.codec(), data, pos, page.compressedSize, page.uncompressedSize),
                                page.values,
                                dictionary);
                    case DATA_PAGE, DATA_PAGE_V2 -> {
                        if (decoder.dictionarySize < 0
                                || (page.encoding != PLAIN_DICTIONARY && page.encoding != RLE_DICTIONARY)
                                || page.values < 0) {
                            return false;
                        }
                        row += page.values;
                    }
                    default -> {}
                }
                pos += page.compressedSize;
            }
        } catch (RuntimeException e) { // a corrupt header or page: decoding reports it
            return false;
        }
        for (int id = 0; id < dictionary.textCount; id++) {
            if (!isOneOf(dictionary, id, allowed)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOneOf(ColumnValues values, int id, List<byte[]> allowed) {
        int from = values.textStart[id];
        int to = from + values.textLength[id];
        for (byte[] value : allowed) {
            if (java.util.Arrays.equals(values.text, from, to, value, 0, value.length)) {
                return true;
            }
        }
        return false;
    }

    /** Decodes a chunk into {@code reusable}'s arrays when they fit (see {@link ColumnValues#reuse}). */
    static ColumnValues decode(
            FileMetadata.Column column,
            FileMetadata.Chunk chunk,
            byte[] data,
            int kind,
            int rows,
            ColumnValues reusable) {
        return new ChunkDecoder(column, kind).run(chunk, data, ColumnValues.reuse(reusable, kind, rows));
    }

    private ColumnValues run(FileMetadata.Chunk chunk, byte[] data, ColumnValues out) {
        int rows = out.rows;
        int pos = 0;
        int row = 0;
        while (row < rows) {
            if (pos >= data.length) {
                throw new ParquetException("column chunk ends after " + row + " of " + rows + " rows");
            }
            PageHeader page = PageHeader.read(data, pos);
            pos = page.dataStart;
            if (page.compressedSize < 0 || page.compressedSize > data.length - pos || page.uncompressedSize < 0) {
                throw new ParquetException("page of " + page.compressedSize + " bytes runs past the column chunk");
            }
            switch (page.type) {
                case DICTIONARY_PAGE -> {
                    if (kind != ColumnValues.PRESENCE) {
                        byte[] plain =
                                Codecs.decompress(chunk.codec(), data, pos, page.compressedSize, page.uncompressedSize);
                        readDictionary(plain, page.values, out);
                    }
                }
                case DATA_PAGE -> row = dataPageV1(chunk, data, pos, page, out, row);
                case DATA_PAGE_V2 -> row = dataPageV2(chunk, data, pos, page, out, row);
                default -> {} // index pages and the like carry no values
            }
            pos += page.compressedSize;
        }
        return out;
    }

    private int dataPageV1(FileMetadata.Chunk chunk, byte[] data, int pos, PageHeader page, ColumnValues out, int row) {
        byte[] plain = Codecs.decompress(chunk.codec(), data, pos, page.compressedSize, page.uncompressedSize);
        int at = 0;
        int count = checkCount(page.values, out, row);
        int present = count;
        if (column.optional()) {
            if (plain.length < 4) {
                throw new ParquetException("data page too short for its definition levels");
            }
            int length = le32(plain, 0);
            if (length < 0 || length > plain.length - 4) {
                throw new ParquetException("definition levels of " + length + " bytes run past the page");
            }
            // Levels of a chunk the statistics say has no null are all 1: not worth decoding.
            present = chunk.nullCount() == 0 ? count : definitionLevels(plain, 4, 4 + length, count, out, row);
            at = 4 + length;
        }
        if (kind != ColumnValues.PRESENCE) {
            values(page.encoding, plain, at, plain.length, present, count, out, row);
        }
        return row + count;
    }

    private int dataPageV2(FileMetadata.Chunk chunk, byte[] data, int pos, PageHeader page, ColumnValues out, int row) {
        int count = checkCount(page.values, out, row);
        int levelBytes = page.repetitionLength + page.definitionLength;
        if (page.repetitionLength < 0 || page.definitionLength < 0 || levelBytes > page.compressedSize) {
            throw new ParquetException("level bytes run past the page");
        }
        int present = count;
        if (column.optional() && chunk.nullCount() != 0) {
            int start = pos + page.repetitionLength;
            present = definitionLevels(data, start, start + page.definitionLength, count, out, row);
        }
        if (kind == ColumnValues.PRESENCE) {
            return row + count;
        }
        int valuesStart = pos + levelBytes;
        int valuesLength = page.compressedSize - levelBytes;
        byte[] values;
        int from;
        int to;
        if (page.compressed && chunk.codec() != Codecs.UNCOMPRESSED) {
            values = Codecs.decompress(
                    chunk.codec(), data, valuesStart, valuesLength, page.uncompressedSize - levelBytes);
            from = 0;
            to = values.length;
        } else {
            values = data;
            from = valuesStart;
            to = valuesStart + valuesLength;
        }
        values(page.encoding, values, from, to, present, count, out, row);
        return row + count;
    }

    private static int checkCount(int values, ColumnValues out, int row) {
        if (values < 0 || values > out.rows - row) {
            throw new ParquetException("page holds " + values + " values, more than the row group's rows left");
        }
        return values;
    }

    /** Reads the definition levels of a flat optional column (0 null, 1 present); the number present. */
    private int definitionLevels(byte[] in, int from, int to, int count, ColumnValues out, int row) {
        if (levels.length < count) {
            levels = new int[count];
        }
        Levels.decodeHybrid(in, from, to, 1, levels, 0, count);
        int present = 0;
        for (int i = 0; i < count; i++) {
            if (levels[i] == 0) {
                out.setNull(row + i);
            } else {
                present++;
            }
        }
        return present;
    }

    /** Decodes {@code present} values and places them on the non-null rows of {@code row .. row + count}. */
    private void values(int encoding, byte[] in, int from, int to, int present, int count, ColumnValues out, int row) {
        switch (encoding) {
            case PLAIN -> plain(in, from, to, present, count, out, row);
            case PLAIN_DICTIONARY, RLE_DICTIONARY -> dictionaryIndices(in, from, to, present, count, out, row);
            case RLE -> {
                if (column.physicalType() != FileMetadata.BOOLEAN) {
                    throw new ParquetException("RLE values in a non-boolean column");
                }
                int[] bits = indices(present);
                Levels.decodeHybrid(in, from + 4, to, 1, bits, 0, present);
                int v = 0;
                for (int i = 0; i < count; i++) {
                    if (!out.isNull(row + i)) {
                        out.ids[row + i] = booleanId(out, bits[v++] != 0);
                    }
                }
            }
            case DELTA_BINARY_PACKED -> {
                long[] decoded = new long[present];
                Levels.decodeDelta(in, from, to, decoded);
                int v = 0;
                for (int i = 0; i < count; i++) {
                    if (!out.isNull(row + i)) {
                        integer(decoded[v++], out, row + i);
                    }
                }
            }
            case DELTA_LENGTH_BYTE_ARRAY -> {
                long[] lengths = new long[present];
                int at = (int) Levels.decodeDelta(in, from, to, lengths)[0];
                int v = 0;
                for (int i = 0; i < count; i++) {
                    if (!out.isNull(row + i)) {
                        int length = (int) lengths[v++];
                        check(at, length, to);
                        binary(in, at, length, out, row + i);
                        at += length;
                    }
                }
            }
            case DELTA_BYTE_ARRAY -> deltaByteArray(in, from, to, present, count, out, row);
            case BYTE_STREAM_SPLIT -> byteStreamSplit(in, from, to, present, count, out, row);
            default -> throw new ParquetException("encoding " + encoding + " is not supported");
        }
    }

    private void plain(byte[] in, int from, int to, int present, int count, ColumnValues out, int row) {
        int type = column.physicalType();
        if (type == FileMetadata.DOUBLE
                && kind == ColumnValues.NUMBER
                && out.nulls == null
                && count <= (to - from) >>> 3) {
            // No null: the page is one run of doubles (costs written plain), read in one tight loop.
            double[] numbers = out.numbers;
            for (int i = 0; i < count; i++) {
                numbers[row + i] = Double.longBitsToDouble(le64(in, from + 8 * i));
            }
            return;
        }
        int at = from;
        int bit = 0;
        for (int i = 0; i < count; i++) {
            int r = row + i;
            if (out.isNull(r)) {
                continue;
            }
            switch (type) {
                case FileMetadata.INT32 -> {
                    check(at, 4, to);
                    integer(le32(in, at), out, r);
                    at += 4;
                }
                case FileMetadata.INT64 -> {
                    check(at, 8, to);
                    integer(le64(in, at), out, r);
                    at += 8;
                }
                case FileMetadata.INT96 -> {
                    check(at, 12, to);
                    time(julian(in, at), out, r);
                    at += 12;
                }
                case FileMetadata.FLOAT -> {
                    check(at, 4, to);
                    number(Float.intBitsToFloat(le32(in, at)), out, r);
                    at += 4;
                }
                case FileMetadata.DOUBLE -> {
                    check(at, 8, to);
                    number(Double.longBitsToDouble(le64(in, at)), out, r);
                    at += 8;
                }
                case FileMetadata.BYTE_ARRAY -> {
                    check(at, 4, to);
                    int length = le32(in, at);
                    at += 4;
                    check(at, length, to);
                    binary(in, at, length, out, r);
                    at += length;
                }
                case FileMetadata.FIXED_LEN_BYTE_ARRAY -> {
                    int length = column.typeLength();
                    check(at, length, to);
                    binary(in, at, length, out, r);
                    at += length;
                }
                case FileMetadata.BOOLEAN -> {
                    check(from + (bit >>> 3), 1, to);
                    boolean value = (in[from + (bit >>> 3)] >>> (bit & 7) & 1) != 0;
                    bit++;
                    out.ids[r] = booleanId(out, value);
                }
                default -> throw new ParquetException("physical type " + type + " is not supported");
            }
        }
    }

    /** Places the indices of a page without nulls (row i takes index i): one loop per kind, no per-row switch. */
    private void denseIndices(int[] ids, int count, ColumnValues out, int row) {
        for (int i = 0; i < count; i++) {
            int id = ids[i];
            if (id < 0 || id >= dictionarySize) {
                throw new ParquetException("dictionary index " + id + " out of range (" + dictionarySize + ")");
            }
        }
        switch (kind) {
            case ColumnValues.NUMBER -> {
                double[] numbers = out.numbers;
                for (int i = 0; i < count; i++) {
                    numbers[row + i] = dictionaryNumbers[ids[i]];
                }
            }
            case ColumnValues.TIME -> {
                long[] times = out.times;
                for (int i = 0; i < count; i++) {
                    times[row + i] = dictionaryTimes[ids[i]];
                }
            }
            default -> System.arraycopy(ids, 0, out.ids, row, count);
        }
    }

    private void dictionaryIndices(byte[] in, int from, int to, int present, int count, ColumnValues out, int row) {
        if (dictionarySize < 0) {
            throw new ParquetException("dictionary-encoded page without a dictionary page");
        }
        int[] ids = indices(present);
        if (present > 0) {
            check(from, 1, to);
            Levels.decodeHybrid(in, from + 1, to, in[from] & 0xff, ids, 0, present);
        }
        if (out.nulls == null) {
            denseIndices(ids, count, out, row);
            return;
        }
        int v = 0;
        for (int i = 0; i < count; i++) {
            int r = row + i;
            if (out.nulls[r]) {
                continue;
            }
            int id = ids[v++];
            if (id < 0 || id >= dictionarySize) {
                throw new ParquetException("dictionary index " + id + " out of range (" + dictionarySize + ")");
            }
            switch (kind) {
                case ColumnValues.NUMBER -> out.numbers[r] = dictionaryNumbers[id];
                case ColumnValues.TIME -> out.times[r] = dictionaryTimes[id];
                default -> out.ids[r] = id;
            }
        }
    }

    /** Decodes the dictionary page's PLAIN values once: text as ids 0..n-1, numbers and times into arrays. */
    private void readDictionary(byte[] in, int values, ColumnValues out) {
        if (values < 0) {
            throw new ParquetException("dictionary of " + values + " values");
        }
        ColumnValues dictionary = new ColumnValues(kind, values);
        plain(in, 0, in.length, values, values, dictionary, 0);
        dictionarySize = values;
        switch (kind) {
            case ColumnValues.NUMBER -> dictionaryNumbers = dictionary.numbers;
            case ColumnValues.TIME -> dictionaryTimes = dictionary.times;
            default -> {
                // Text ids must be the dictionary's: the chunk's text starts with the dictionary's entries.
                if (out.textCount != 0) {
                    throw new ParquetException("dictionary page after data pages");
                }
                for (int i = 0; i < values; i++) {
                    int id = dictionary.ids[i];
                    out.addText(dictionary.text, dictionary.textStart[id], dictionary.textLength[id]);
                }
                out.sharedTexts = values;
            }
        }
    }

    private void deltaByteArray(byte[] in, int from, int to, int present, int count, ColumnValues out, int row) {
        long[] prefixes = new long[present];
        int at = (int) Levels.decodeDelta(in, from, to, prefixes)[0];
        long[] suffixes = new long[present];
        at = (int) Levels.decodeDelta(in, at, to, suffixes)[0];
        byte[] previous = new byte[0];
        int v = 0;
        for (int i = 0; i < count; i++) {
            if (out.isNull(row + i)) {
                continue;
            }
            int prefix = (int) prefixes[v];
            int suffix = (int) suffixes[v++];
            if (prefix < 0 || prefix > previous.length) {
                throw new ParquetException("corrupt DELTA_BYTE_ARRAY prefix");
            }
            check(at, suffix, to);
            byte[] value = new byte[prefix + suffix];
            System.arraycopy(previous, 0, value, 0, prefix);
            System.arraycopy(in, at, value, prefix, suffix);
            at += suffix;
            binary(value, 0, value.length, out, row + i);
            previous = value;
        }
    }

    private void byteStreamSplit(byte[] in, int from, int to, int present, int count, ColumnValues out, int row) {
        int width = switch (column.physicalType()) {
            case FileMetadata.INT32, FileMetadata.FLOAT -> 4;
            case FileMetadata.INT64, FileMetadata.DOUBLE -> 8;
            case FileMetadata.FIXED_LEN_BYTE_ARRAY -> column.typeLength();
            default -> throw new ParquetException("BYTE_STREAM_SPLIT on physical type " + column.physicalType());
        };
        check(from, present * width, to);
        byte[] value = new byte[width];
        int v = 0;
        for (int i = 0; i < count; i++) {
            int r = row + i;
            if (out.isNull(r)) {
                continue;
            }
            for (int b = 0; b < width; b++) {
                value[b] = in[from + b * present + v];
            }
            v++;
            switch (column.physicalType()) {
                case FileMetadata.INT32 -> integer(le32(value, 0), out, r);
                case FileMetadata.INT64 -> integer(le64(value, 0), out, r);
                case FileMetadata.FLOAT -> number(Float.intBitsToFloat(le32(value, 0)), out, r);
                case FileMetadata.DOUBLE -> number(Double.longBitsToDouble(le64(value, 0)), out, r);
                default -> binary(value, 0, width, out, r);
            }
        }
    }

    /** An INT32 or INT64 value: a timestamp, a date, a decimal's unscaled value or a plain integer. */
    private void integer(long value, ColumnValues out, int r) {
        if (column.timeUnit() != FileMetadata.NO_TIME) {
            time(seconds(value), out, r);
        } else if (column.decimal()) {
            number(decimal(value, column.scale()), out, r);
        } else if (kind == ColumnValues.NUMBER) {
            out.numbers[r] = value;
        } else {
            text(Long.toString(value), out, r);
        }
    }

    /** A BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY value: a decimal's big-endian unscaled value, or text. */
    private void binary(byte[] in, int at, int length, ColumnValues out, int r) {
        if (column.decimal()) {
            number(bigEndianDecimal(in, at, length, column.scale()), out, r);
        } else if (kind == ColumnValues.TEXT) {
            out.ids[r] = out.addText(in, at, length);
        } else {
            throw new ParquetException(
                    "binary value in a " + (kind == ColumnValues.TIME ? "timestamp" : "numeric") + " column");
        }
    }

    private void number(double value, ColumnValues out, int r) {
        if (kind == ColumnValues.NUMBER) {
            out.numbers[r] = value;
        } else if (kind == ColumnValues.TEXT) {
            long bits = Double.doubleToRawLongBits(value);
            int id = formattedId(bits, out);
            if (id < 0) {
                text(decimalText(value), out, r);
                remember(bits, out.ids[r]);
            } else {
                out.ids[r] = id;
            }
        } else {
            throw new ParquetException("number in a timestamp column");
        }
    }

    private void time(long epochSecond, ColumnValues out, int r) {
        if (kind == ColumnValues.TIME) {
            out.times[r] = epochSecond;
        } else if (kind == ColumnValues.TEXT) {
            int id = formattedId(epochSecond, out);
            if (id < 0) {
                text(Instant.ofEpochSecond(epochSecond).toString(), out, r);
                remember(epochSecond, out.ids[r]);
            } else {
                out.ids[r] = id;
            }
        } else {
            throw new ParquetException("timestamp in a numeric column");
        }
    }

    /** The text id of a value formatted before into {@code out} (by its bits), or -1. */
    private int formattedId(long bits, ColumnValues out) {
        if (formattedOwner != out) {
            if (formattedBits == null) {
                formattedBits = new long[FORMATTED_SLOTS];
                formattedIds = new int[FORMATTED_SLOTS];
            }
            Arrays.fill(formattedIds, -1);
            formattedOwner = out;
        }
        int slot = formattedSlot(bits);
        return formattedIds[slot] >= 0 && formattedBits[slot] == bits ? formattedIds[slot] : -1;
    }

    private void remember(long bits, int id) {
        int slot = formattedSlot(bits);
        formattedBits[slot] = bits;
        formattedIds[slot] = id;
    }

    private static int formattedSlot(long bits) {
        return (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - 10));
    }

    private static void text(String value, ColumnValues out, int r) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        out.ids[r] = out.addText(bytes, 0, bytes.length);
    }

    /** Plain decimal text that parses back to the same double (as a typed row formats it). */
    static String decimalText(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).toPlainString();
    }

    private static int booleanId(ColumnValues out, boolean value) {
        // Ids 0 and 1 are "false" and "true", added on first use.
        if (out.textCount == 0) {
            out.addText(FALSE, 0, FALSE.length);
            out.addText(TRUE, 0, TRUE.length);
            out.sharedTexts = 2;
        }
        return value ? 1 : 0;
    }

    private long seconds(long value) {
        return switch (column.timeUnit()) {
            case FileMetadata.MILLIS -> Math.floorDiv(value, 1_000L);
            case FileMetadata.MICROS -> Math.floorDiv(value, 1_000_000L);
            case FileMetadata.NANOS -> Math.floorDiv(value, 1_000_000_000L);
            case FileMetadata.DAYS -> value * 86_400L;
            default -> throw new ParquetException("timestamp unit " + column.timeUnit() + " on an integer column");
        };
    }

    /** INT96 timestamps: nanoseconds of the day, then the Julian day number. */
    private static long julian(byte[] in, int at) {
        long nanos = le64(in, at);
        long day = le32(in, at + 8) & 0xffffffffL;
        return (day - 2_440_588L) * 86_400L + Math.floorDiv(nanos, 1_000_000_000L);
    }

    /** {@code unscaled / 10^scale}, rounded once to the nearest double. */
    static double decimal(long unscaled, int scale) {
        if (scale >= 0 && scale < POWERS.length && Math.abs(unscaled) <= (1L << 53)) {
            // Both operands are exact doubles, so the one division rounds correctly.
            return unscaled / POWERS[scale];
        }
        return new BigDecimal(BigInteger.valueOf(unscaled), scale).doubleValue();
    }

    static double bigEndianDecimal(byte[] in, int at, int length, int scale) {
        if (length == 0) {
            return 0;
        }
        // Fits a long when the bytes above the last eight are only the sign's extension.
        int first = Math.max(0, length - 8);
        boolean fits = true;
        byte sign = (byte) (in[at] >> 7);
        for (int i = 0; i < first; i++) {
            if (in[at + i] != sign) {
                fits = false;
                break;
            }
        }
        if (fits && (length <= 8 || (in[at + first] >> 7) == sign)) {
            long value = sign;
            for (int i = first; i < length; i++) {
                value = (value << 8) | (in[at + i] & 0xff);
            }
            return decimal(value, scale);
        }
        byte[] bytes = java.util.Arrays.copyOfRange(in, at, at + length);
        return new BigDecimal(new BigInteger(bytes), scale).doubleValue();
    }

    private int[] indices(int count) {
        if (indices.length < count) {
            indices = new int[count];
        }
        return indices;
    }

    private static void check(int at, int length, int to) {
        if (length < 0 || at > to - length) {
            throw new ParquetException("value runs past the end of its page");
        }
    }

    static int le32(byte[] in, int at) {
        return (in[at] & 0xff) | (in[at + 1] & 0xff) << 8 | (in[at + 2] & 0xff) << 16 | (in[at + 3] & 0xff) << 24;
    }

    static long le64(byte[] in, int at) {
        return (le32(in, at) & 0xffffffffL) | (long) le32(in, at + 4) << 32;
    }

    /** The fields of a page header the decoder uses. */
    static final class PageHeader {
        int type;
        int uncompressedSize;
        int compressedSize;
        int values;
        int encoding;
        int definitionLength;
        int repetitionLength;
        boolean compressed = true;
        int dataStart;

        static PageHeader read(byte[] data, int pos) {
            PageHeader page = new PageHeader();
            ThriftReader in = new ThriftReader(data, pos, data.length);
            in.beginStruct();
            while (in.nextField()) {
                switch (in.fieldId()) {
                    case 1 -> page.type = in.readInt();
                    case 2 -> page.uncompressedSize = in.readInt();
                    case 3 -> page.compressedSize = in.readInt();
                    case 5 -> page.dataPageV1(in);
                    case 7 -> page.dictionaryPage(in);
                    case 8 -> page.dataPageV2(in);
                    default -> in.skip();
                }
            }
            in.endStruct();
            page.dataStart = in.position();
            return page;
        }

        private void dataPageV1(ThriftReader in) {
            in.beginStruct();
            while (in.nextField()) {
                switch (in.fieldId()) {
                    case 1 -> values = in.readInt();
                    case 2 -> encoding = in.readInt();
                    default -> in.skip();
                }
            }
            in.endStruct();
        }

        private void dictionaryPage(ThriftReader in) {
            in.beginStruct();
            while (in.nextField()) {
                if (in.fieldId() == 1) {
                    values = in.readInt();
                } else {
                    in.skip();
                }
            }
            in.endStruct();
        }

        private void dataPageV2(ThriftReader in) {
            in.beginStruct();
            while (in.nextField()) {
                switch (in.fieldId()) {
                    case 1 -> values = in.readInt();
                    case 4 -> encoding = in.readInt();
                    case 5 -> definitionLength = in.readInt();
                    case 6 -> repetitionLength = in.readInt();
                    case 7 -> compressed = in.readBool();
                    default -> in.skip();
                }
            }
            in.endStruct();
        }
    }
}
