package dev.costagent.core.parquet;

import static dev.costagent.core.parquet.FileMetadata.Encoding.BIT_PACKED;
import static dev.costagent.core.parquet.FileMetadata.Encoding.PLAIN_DICTIONARY;
import static dev.costagent.core.parquet.FileMetadata.Encoding.RLE;
import static dev.costagent.core.parquet.FileMetadata.Encoding.RLE_DICTIONARY;
import static dev.costagent.core.parquet.FileMetadata.PageType.DATA_PAGE;
import static dev.costagent.core.parquet.FileMetadata.PageType.DATA_PAGE_V2;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a Parquet footer the reader uses: the flat columns with their types, and per row group where each
 * column chunk lies and how it is compressed.
 *
 * @param columns the top-level columns, in file order
 * @param rowGroups the row groups, in file order
 * @param rows the number of rows
 */
record FileMetadata(List<Column> columns, List<RowGroup> rowGroups, long rows) {

    /** Page types (parquet.thrift {@code PageType}). */
    static final class PageType {
        static final int DATA_PAGE = 0;
        static final int DICTIONARY_PAGE = 2;
        static final int DATA_PAGE_V2 = 3;

        private PageType() {}
    }

    /** Value encodings (parquet.thrift {@code Encoding}). */
    static final class Encoding {
        static final int PLAIN = 0;
        static final int PLAIN_DICTIONARY = 2;
        static final int RLE = 3;
        static final int BIT_PACKED = 4;
        static final int DELTA_BINARY_PACKED = 5;
        static final int DELTA_LENGTH_BYTE_ARRAY = 6;
        static final int DELTA_BYTE_ARRAY = 7;
        static final int RLE_DICTIONARY = 8;
        static final int BYTE_STREAM_SPLIT = 9;

        private Encoding() {}
    }

    // Physical types.
    static final int BOOLEAN = 0;
    static final int INT32 = 1;
    static final int INT64 = 2;
    static final int INT96 = 3;
    static final int FLOAT = 4;
    static final int DOUBLE = 5;
    static final int BYTE_ARRAY = 6;
    static final int FIXED_LEN_BYTE_ARRAY = 7;

    /** Time units of a TIMESTAMP column; {@link #NO_TIME} when the column is not one. */
    static final int NO_TIME = 0;

    static final int MILLIS = 1;
    static final int MICROS = 2;
    static final int NANOS = 3;
    /** INT32 DATE: days since the epoch. */
    static final int DAYS = 4;
    /** INT96: nanoseconds of the day and a Julian day. */
    static final int JULIAN = 5;

    /**
     * One column.
     *
     * @param name its name
     * @param physicalType the Parquet physical type
     * @param typeLength bytes per value of a FIXED_LEN_BYTE_ARRAY
     * @param optional whether it may hold nulls (has definition levels)
     * @param decimal whether it is a DECIMAL
     * @param scale the decimal scale
     * @param timeUnit {@link #NO_TIME} or the unit of a timestamp or date
     * @param unsupported why the column cannot be read (a nested group or list), or {@code null}
     */
    record Column(
            String name,
            int physicalType,
            int typeLength,
            boolean optional,
            boolean decimal,
            int scale,
            int timeUnit,
            String unsupported) {}

    /** One row group: its rows and one chunk per column. */
    record RowGroup(long rows, List<Chunk> chunks) {}

    /**
     * Where a column chunk lies.
     *
     * @param codec the compression codec
     * @param values values in the chunk (nulls included)
     * @param start the file offset of its first page (the dictionary page, if any)
     * @param length its compressed bytes, page headers included
     * @param nullCount its nulls from the statistics, or -1 when the writer did not say
     * @param dictionaryEncoded whether the footer says every data page is dictionary-encoded (its page encoding
     *     statistics, or else an encodings list without a non-dictionary value encoding), so that the dictionary page
     *     holds every value of the chunk
     */
    record Chunk(int codec, long values, long start, long length, long nullCount, boolean dictionaryEncoded) {}

    /** Parses a footer. */
    static FileMetadata parse(byte[] footer) {
        ThriftReader in = new ThriftReader(footer, 0, footer.length);
        List<SchemaElement> schema = new ArrayList<>();
        List<RowGroup> groups = new ArrayList<>();
        long rows = 0;
        in.beginStruct();
        while (in.nextField()) {
            switch (in.fieldId()) {
                case 2 -> {
                    int size = in.readListHeader();
                    for (int i = 0; i < size; i++) {
                        schema.add(schemaElement(in));
                    }
                }
                case 3 -> rows = in.readLong();
                case 4 -> {
                    int size = in.readListHeader();
                    for (int i = 0; i < size; i++) {
                        groups.add(rowGroup(in));
                    }
                }
                default -> in.skip();
            }
        }
        in.endStruct();
        List<Column> columns = flatColumns(schema);
        for (RowGroup group : groups) {
            if (group.chunks().size() != columns.size()) {
                throw new ParquetException("row group has " + group.chunks().size() + " column chunks for "
                        + columns.size() + " columns (nested columns are not supported)");
            }
        }
        return new FileMetadata(columns, groups, rows);
    }

    /** The top-level columns; a nested group is kept as one unsupported column so that its name can be reported. */
    private static List<Column> flatColumns(List<SchemaElement> schema) {
        if (schema.isEmpty()) {
            throw new ParquetException("footer has no schema");
        }
        List<Column> columns = new ArrayList<>();
        int[] next = {1};
        for (int child = 0; child < schema.get(0).children && next[0] < schema.size(); child++) {
            SchemaElement element = schema.get(next[0]);
            int leaves = skipSubtree(schema, next);
            if (element.children > 0 || element.repetition == 2) {
                String why = "nested column (group, list or map) is not supported";
                // Keep a slot per leaf so chunks still line up with columns.
                for (int i = 0; i < leaves; i++) {
                    columns.add(new Column(element.name, -1, 0, true, false, 0, NO_TIME, why));
                }
                continue;
            }
            columns.add(element.toColumn());
        }
        return columns;
    }

    /** Moves past an element and its descendants; the number of leaves under it. */
    private static int skipSubtree(List<SchemaElement> schema, int[] next) {
        SchemaElement element = schema.get(next[0]++);
        if (element.children == 0) {
            return 1;
        }
        int leaves = 0;
        for (int i = 0; i < element.children && next[0] < schema.size(); i++) {
            leaves += skipSubtree(schema, next);
        }
        return leaves;
    }

    private static final class SchemaElement {
        int type = -1;
        int typeLength;
        int repetition;
        String name = "";
        int children;
        int convertedType = -1;
        int scale;
        boolean decimal;
        boolean string;
        int timeUnit = NO_TIME;

        Column toColumn() {
            boolean isDecimal = decimal || convertedType == 5;
            int unit = timeUnit;
            if (unit == NO_TIME) {
                unit = switch (convertedType) {
                    case 6 -> DAYS;
                    case 9 -> MILLIS;
                    case 10 -> MICROS;
                    default -> NO_TIME;
                };
            }
            if (type == INT96) {
                unit = JULIAN;
            }
            if (type == -1) {
                return new Column(name, -1, 0, true, false, 0, NO_TIME, "column has no type");
            }
            return new Column(name, type, typeLength, repetition == 1, isDecimal, scale, unit, null);
        }
    }

    private static SchemaElement schemaElement(ThriftReader in) {
        SchemaElement element = new SchemaElement();
        in.beginStruct();
        while (in.nextField()) {
            switch (in.fieldId()) {
                case 1 -> element.type = in.readInt();
                case 2 -> element.typeLength = in.readInt();
                case 3 -> element.repetition = in.readInt();
                case 4 -> element.name = in.readString();
                case 5 -> element.children = in.readInt();
                case 6 -> element.convertedType = in.readInt();
                case 7 -> element.scale = in.readInt();
                case 10 -> logicalType(in, element);
                default -> in.skip();
            }
        }
        in.endStruct();
        return element;
    }

    /** The LogicalType union: DECIMAL (5), DATE (6), TIMESTAMP (8), STRING (1); others keep the physical reading. */
    private static void logicalType(ThriftReader in, SchemaElement element) {
        in.beginStruct();
        while (in.nextField()) {
            switch (in.fieldId()) {
                case 1 -> {
                    element.string = true;
                    in.skip();
                }
                case 5 -> {
                    element.decimal = true;
                    in.beginStruct();
                    while (in.nextField()) {
                        if (in.fieldId() == 1) {
                            element.scale = in.readInt();
                        } else {
                            in.skip();
                        }
                    }
                    in.endStruct();
                }
                case 6 -> {
                    element.timeUnit = DAYS;
                    in.skip();
                }
                case 8 -> element.timeUnit = timestampUnit(in);
                default -> in.skip();
            }
        }
        in.endStruct();
    }

    /** TimestampType: isAdjustedToUTC (1) does not change the instant's digits; unit (2) is a union. */
    private static int timestampUnit(ThriftReader in) {
        int unit = MICROS;
        in.beginStruct();
        while (in.nextField()) {
            if (in.fieldId() == 2) {
                in.beginStruct();
                while (in.nextField()) {
                    unit = switch (in.fieldId()) {
                        case 1 -> MILLIS;
                        case 2 -> MICROS;
                        case 3 -> NANOS;
                        default -> unit;
                    };
                    in.skip();
                }
                in.endStruct();
            } else {
                in.skip();
            }
        }
        in.endStruct();
        return unit;
    }

    private static RowGroup rowGroup(ThriftReader in) {
        List<Chunk> chunks = new ArrayList<>();
        long rows = 0;
        in.beginStruct();
        while (in.nextField()) {
            switch (in.fieldId()) {
                case 1 -> {
                    int size = in.readListHeader();
                    for (int i = 0; i < size; i++) {
                        chunks.add(columnChunk(in));
                    }
                }
                case 3 -> rows = in.readLong();
                default -> in.skip();
            }
        }
        in.endStruct();
        return new RowGroup(rows, chunks);
    }

    private static Chunk columnChunk(ThriftReader in) {
        Chunk chunk = null;
        in.beginStruct();
        while (in.nextField()) {
            if (in.fieldId() == 3) {
                chunk = columnMetaData(in);
            } else if (in.fieldId() == 1) {
                in.readString();
                throw new ParquetException("column chunk in another file is not supported");
            } else {
                in.skip();
            }
        }
        in.endStruct();
        if (chunk == null) {
            throw new ParquetException("column chunk without metadata");
        }
        return chunk;
    }

    private static Chunk columnMetaData(ThriftReader in) {
        int codec = 0;
        long values = 0;
        long compressed = 0;
        long dataPage = -1;
        long dictionaryPage = -1;
        long nulls = -1;
        boolean dictionaryEncodings = false;
        int pageStats = -1; // -1: the writer gave no page encoding statistics; 1: all dictionary data pages; 0: not
        in.beginStruct();
        while (in.nextField()) {
            switch (in.fieldId()) {
                case 2 -> dictionaryEncodings = dictionaryEncodings(in);
                case 13 -> pageStats = dictionaryDataPages(in) ? 1 : 0;
                case 4 -> codec = in.readInt();
                case 5 -> values = in.readLong();
                case 7 -> compressed = in.readLong();
                case 9 -> dataPage = in.readLong();
                case 11 -> dictionaryPage = in.readLong();
                case 12 -> nulls = nullCount(in);
                default -> in.skip();
            }
        }
        in.endStruct();
        // Some writers put 0 for "no dictionary page"; a dictionary page always comes before the data pages.
        long start = dictionaryPage > 0 && dictionaryPage < dataPage ? dictionaryPage : dataPage;
        return new Chunk(
                codec, values, start, compressed, nulls, pageStats == -1 ? dictionaryEncodings : pageStats == 1);
    }

    /**
     * ColumnMetaData's encodings: true when a dictionary encoding is listed and nothing else but the level encodings.
     * PLAIN makes it false, though some writers list it for the dictionary page itself: without page statistics a
     * PLAIN fallback data page cannot be told from that.
     */
    private static boolean dictionaryEncodings(ThriftReader in) {
        int size = in.readListHeader();
        boolean dictionary = false;
        boolean other = false;
        for (int i = 0; i < size; i++) {
            int encoding = in.readInt();
            dictionary |= encoding == PLAIN_DICTIONARY || encoding == RLE_DICTIONARY;
            other |= encoding != PLAIN_DICTIONARY
                    && encoding != RLE_DICTIONARY
                    && encoding != RLE
                    && encoding != BIT_PACKED;
        }
        return dictionary && !other;
    }

    /** ColumnMetaData's encoding_stats (PageEncodingStats): whether every data page is dictionary-encoded. */
    private static boolean dictionaryDataPages(ThriftReader in) {
        int size = in.readListHeader();
        boolean all = true;
        for (int i = 0; i < size; i++) {
            int pageType = -1;
            int encoding = -1;
            int count = 1;
            in.beginStruct();
            while (in.nextField()) {
                switch (in.fieldId()) {
                    case 1 -> pageType = in.readInt();
                    case 2 -> encoding = in.readInt();
                    case 3 -> count = in.readInt();
                    default -> in.skip();
                }
            }
            in.endStruct();
            boolean data = pageType == DATA_PAGE || pageType == DATA_PAGE_V2;
            all &= !data || count == 0 || encoding == PLAIN_DICTIONARY || encoding == RLE_DICTIONARY;
        }
        return all;
    }

    private static long nullCount(ThriftReader in) {
        long nulls = -1;
        in.beginStruct();
        while (in.nextField()) {
            if (in.fieldId() == 3) {
                nulls = in.readLong();
            } else {
                in.skip();
            }
        }
        in.endStruct();
        return nulls;
    }
}
