package dev.costagent.core.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.input.ParquetDictionaries;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the dictionary pages settle a column's values: files written byte by byte, one text column of three rows in one
 * chunk, a dictionary page ("Compute") then two data pages. A writer whose dictionary grows too large falls back to
 * PLAIN pages for the rest of the chunk, whose values the dictionary does not hold; the footer's encodings and page
 * encoding statistics are what tell.
 */
class DictionariesTest {

    // parquet.thrift numbers
    private static final int PLAIN = 0;
    private static final int PLAIN_DICTIONARY = 2;
    private static final int RLE = 3;
    private static final int RLE_DICTIONARY = 8;
    private static final int DATA_PAGE = 0;
    private static final int DICTIONARY_PAGE = 2;
    private static final String COLUMN = "ServiceCategory";

    @TempDir
    Path dir;

    @Test
    void aPlainFallbackPageAfterTheDictionaryLeavesTheColumnToTheRows() throws Exception {
        Path withStats = write("stats.parquet", true, List.of(RLE_DICTIONARY, PLAIN, RLE), true);
        Path withoutStats = write("no-stats.parquet", true, List.of(PLAIN_DICTIONARY, PLAIN, RLE), false);
        for (Path file : List.of(withStats, withoutStats)) {
            assertThat(rows(file))
                    .as("the file is valid Parquet: its last row is the PLAIN page's")
                    .containsExactly("Compute", "Compute", "Servers");
            assertThat(ParquetDictionaries.of(file).values(List.of(COLUMN, "Absent")))
                    .as("the dictionary holds only 'Compute': it does not settle the column")
                    .doesNotContainKey(COLUMN)
                    .containsEntry("Absent", Set.of());
        }
    }

    @Test
    void dictionaryDataPagesOnlySettleTheColumnWhateverTheDictionaryPageIsListedAs() throws Exception {
        // parquet-mr v2: the dictionary page is listed as PLAIN; its page statistics tell it apart from data pages
        Path v2 = write("v2.parquet", false, List.of(RLE_DICTIONARY, PLAIN, RLE), true);
        Path v1 = write("v1.parquet", false, List.of(PLAIN_DICTIONARY, RLE), false);
        for (Path file : List.of(v2, v1)) {
            assertThat(rows(file)).containsExactly("Compute", "Compute", "Compute");
            assertThat(ParquetDictionaries.of(file).values(List.of(COLUMN)))
                    .containsExactly(java.util.Map.entry(COLUMN, Set.of("Compute")));
        }
        Path ambiguous = write("ambiguous.parquet", false, List.of(RLE_DICTIONARY, PLAIN, RLE), false);
        assertThat(ParquetDictionaries.of(ambiguous).values(List.of(COLUMN)))
                .as("PLAIN listed without page statistics: a fallback page cannot be ruled out")
                .doesNotContainKey(COLUMN);
    }

    private static List<String> rows(Path file) throws Exception {
        try (DuckDb duckdb = new DuckDb()) {
            return List.of(duckdb.scalar("SELECT string_agg(" + COLUMN + ", ',' ORDER BY i) FROM (SELECT *, "
                            + "row_number() OVER () AS i FROM read_parquet(" + DuckDb.quote(file) + "))")
                    .split(","));
        }
    }

    /**
     * Writes the file: a dictionary page, a data page of two dictionary indices, and a third row either PLAIN
     * ("Servers", the fallback) or a dictionary index; the footer lists {@code encodings} and, when asked, the page
     * encoding statistics that match the pages.
     */
    private Path write(String name, boolean fallback, List<Integer> encodings, boolean stats) throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write("PAR1".getBytes(StandardCharsets.US_ASCII));
        long chunkStart = file.size();
        page(file, DICTIONARY_PAGE, PLAIN, 1, plain("Compute"));
        long dataStart = file.size();
        page(file, DATA_PAGE, RLE_DICTIONARY, 2, new byte[] {1, 2 << 1, 0}); // bit width 1, a run of two zeros
        if (fallback) {
            page(file, DATA_PAGE, PLAIN, 1, plain("Servers"));
        } else {
            page(file, DATA_PAGE, RLE_DICTIONARY, 1, new byte[] {1, 1 << 1, 0});
        }
        long chunkLength = file.size() - chunkStart;
        Compact footer = new Compact();
        footer.field(1, Compact.I32).varint(zigzag(1));
        footer.field(2, Compact.LIST).list(2, Compact.STRUCT);
        footer.begin()
                .field(4, Compact.BINARY)
                .string("schema")
                .field(5, Compact.I32)
                .varint(zigzag(1))
                .end();
        footer.begin()
                .field(1, Compact.I32)
                .varint(zigzag(6)) // BYTE_ARRAY
                .field(3, Compact.I32)
                .varint(zigzag(0)) // REQUIRED
                .field(4, Compact.BINARY)
                .string(COLUMN)
                .field(6, Compact.I32)
                .varint(zigzag(0)) // UTF8
                .end();
        footer.field(3, Compact.I64).varint(zigzag(3));
        footer.field(4, Compact.LIST).list(1, Compact.STRUCT);
        footer.begin().field(1, Compact.LIST).list(1, Compact.STRUCT);
        footer.begin().field(2, Compact.I64).varint(zigzag(chunkStart)).field(3, Compact.STRUCT);
        footer.begin()
                .field(1, Compact.I32)
                .varint(zigzag(6))
                .field(2, Compact.LIST)
                .list(encodings.size(), Compact.I32);
        for (int encoding : encodings) {
            footer.varint(zigzag(encoding));
        }
        footer.field(3, Compact.LIST).list(1, Compact.BINARY).string(COLUMN);
        footer.field(4, Compact.I32).varint(zigzag(0)); // UNCOMPRESSED
        footer.field(5, Compact.I64).varint(zigzag(3));
        footer.field(6, Compact.I64).varint(zigzag(chunkLength));
        footer.field(7, Compact.I64).varint(zigzag(chunkLength));
        footer.field(9, Compact.I64).varint(zigzag(dataStart));
        footer.field(11, Compact.I64).varint(zigzag(chunkStart));
        if (stats) {
            footer.field(13, Compact.LIST).list(fallback ? 3 : 2, Compact.STRUCT);
            pageStats(footer, DICTIONARY_PAGE, PLAIN, 1);
            pageStats(footer, DATA_PAGE, RLE_DICTIONARY, fallback ? 1 : 2);
            if (fallback) {
                pageStats(footer, DATA_PAGE, PLAIN, 1);
            }
        }
        footer.end(); // ColumnMetaData
        footer.end(); // ColumnChunk
        footer.field(2, Compact.I64)
                .varint(zigzag(chunkLength))
                .field(3, Compact.I64)
                .varint(zigzag(3))
                .end();
        footer.end(); // FileMetaData
        byte[] bytes = footer.bytes();
        file.write(bytes);
        file.write(new byte[] {(byte) bytes.length, (byte) (bytes.length >>> 8), 0, 0});
        file.write("PAR1".getBytes(StandardCharsets.US_ASCII));
        return Files.write(dir.resolve(name), file.toByteArray());
    }

    private static void pageStats(Compact footer, int pageType, int encoding, int count) {
        footer.begin()
                .field(1, Compact.I32)
                .varint(zigzag(pageType))
                .field(2, Compact.I32)
                .varint(zigzag(encoding))
                .field(3, Compact.I32)
                .varint(zigzag(count))
                .end();
    }

    /** A page header (uncompressed) and its body. */
    private static void page(ByteArrayOutputStream file, int type, int encoding, int values, byte[] body)
            throws Exception {
        Compact header = new Compact();
        header.field(1, Compact.I32).varint(zigzag(type));
        header.field(2, Compact.I32).varint(zigzag(body.length));
        header.field(3, Compact.I32).varint(zigzag(body.length));
        if (type == DATA_PAGE) {
            header.field(5, Compact.STRUCT)
                    .begin()
                    .field(1, Compact.I32)
                    .varint(zigzag(values))
                    .field(2, Compact.I32)
                    .varint(zigzag(encoding))
                    .field(3, Compact.I32)
                    .varint(zigzag(RLE))
                    .field(4, Compact.I32)
                    .varint(zigzag(RLE))
                    .end();
        } else {
            header.field(7, Compact.STRUCT)
                    .begin()
                    .field(1, Compact.I32)
                    .varint(zigzag(values))
                    .field(2, Compact.I32)
                    .varint(zigzag(encoding))
                    .end();
        }
        header.end();
        file.write(header.bytes());
        file.write(body);
    }

    /** PLAIN byte arrays: each a little-endian length and its bytes. */
    private static byte[] plain(String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String value : values) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length);
            out.write(0);
            out.write(0);
            out.write(0);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static long zigzag(long n) {
        return (n << 1) ^ (n >> 63);
    }

    /**
     * Thrift's compact protocol, the subset a footer needs; {@link #begin()} enters a struct written as a field value
     * or list element, and {@link #end()} writes its stop byte. The top-level struct is open from the start.
     */
    private static final class Compact {
        static final int I32 = 5;
        static final int I64 = 6;
        static final int BINARY = 8;
        static final int LIST = 9;
        static final int STRUCT = 12;

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Deque<Integer> lastIds = new ArrayDeque<>(List.of(0));

        Compact field(int id, int type) {
            int delta = id - lastIds.peek();
            if (delta <= 0 || delta > 15) {
                throw new IllegalArgumentException("fields in increasing order, at most 15 apart");
            }
            out.write(delta << 4 | type);
            lastIds.pop();
            lastIds.push(id);
            return this;
        }

        Compact begin() {
            lastIds.push(0);
            return this;
        }

        Compact end() {
            out.write(0);
            lastIds.pop();
            return this;
        }

        Compact list(int size, int elementType) {
            out.write(size << 4 | elementType); // sizes below 15
            return this;
        }

        Compact varint(long value) {
            while ((value & ~0x7fL) != 0) {
                out.write((int) (value & 0x7f) | 0x80);
                value >>>= 7;
            }
            out.write((int) value);
            return this;
        }

        Compact string(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            varint(bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
