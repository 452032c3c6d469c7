package dev.costagent.core.parquet;

import static dev.costagent.core.parquet.FileMetadata.Encoding.PLAIN_DICTIONARY;
import static dev.costagent.core.parquet.FileMetadata.Encoding.RLE_DICTIONARY;
import static dev.costagent.core.parquet.FileMetadata.PageType.DATA_PAGE;
import static dev.costagent.core.parquet.FileMetadata.PageType.DATA_PAGE_V2;
import static dev.costagent.core.parquet.FileMetadata.PageType.DICTIONARY_PAGE;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Whether two timestamp columns of a Parquet file can hold the same value in one row, answered from their dictionary
 * indices run by run: dictionary-encoded timestamps sorted by time are long runs of one index, so a 10M-row pair of
 * columns is a few thousand run comparisons instead of 20M decoded values. Public for {@code core.input} only (this
 * package is not exported).
 */
final class EqualValues {

    private EqualValues() {}

    /**
     * True when the file shows that no row holds equal values in both columns: each column is an INT64 timestamp of the
     * same unit (milliseconds or microseconds), and in every row group both chunks have no null, a dictionary, and
     * dictionary-encoded data pages (v1). False when it does not tell: some row may hold equal values, or the columns
     * are stored otherwise; the rows must then be read. A file lacking either column holds no such row.
     */
    static boolean neverEqual(FileChannel channel, FileMetadata metadata, String first, String second)
            throws IOException {
        int a = index(metadata, first);
        int b = index(metadata, second);
        if (a < 0 || b < 0) {
            return true;
        }
        FileMetadata.Column ca = metadata.columns().get(a);
        FileMetadata.Column cb = metadata.columns().get(b);
        boolean comparable = ca.unsupported() == null
                && cb.unsupported() == null
                && ca.physicalType() == FileMetadata.INT64
                && cb.physicalType() == FileMetadata.INT64
                && ca.timeUnit() == cb.timeUnit()
                && (ca.timeUnit() == FileMetadata.MILLIS || ca.timeUnit() == FileMetadata.MICROS);
        if (!comparable) {
            return false;
        }
        for (FileMetadata.RowGroup group : metadata.rowGroups()) {
            FileMetadata.Chunk x = group.chunks().get(a);
            FileMetadata.Chunk y = group.chunks().get(b);
            if (!settles(x, group) || !settles(y, group)) {
                return false;
            }
            Runs rx = new Runs(ca, x, ParquetReader.readFully(channel, x.start(), (int) x.length()));
            Runs ry = new Runs(cb, y, ParquetReader.readFully(channel, y.start(), (int) y.length()));
            if (!rx.hasDictionary() || !ry.hasDictionary() || !differ(rx, ry, group.rows())) {
                return false;
            }
        }
        return true;
    }

    private static int index(FileMetadata metadata, String column) {
        for (int i = 0; i < metadata.columns().size(); i++) {
            if (metadata.columns().get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** A chunk this check reads: every row has a value (statistics say no null) and its data pages are dictionary. */
    private static boolean settles(FileMetadata.Chunk chunk, FileMetadata.RowGroup group) {
        return chunk.nullCount() == 0 && chunk.values() == group.rows() && chunk.dictionaryEncoded();
    }

    /**
     * Walks both index streams together, one stretch at a time (the overlap of the current runs): two repeated runs are
     * one comparison; a bit-packed run is compared value by value. False at the first row with equal values, or when
     * the streams do not hold {@code rows} values each.
     */
    private static boolean differ(Runs x, Runs y, long rows) {
        long done = 0;
        while (done < rows) {
            if ((x.left == 0 && !x.advance()) || (y.left == 0 && !y.advance())) {
                return false; // fewer values than rows: not a chunk this check understands
            }
            int n = Math.min(x.left, y.left);
            if (x.repeated && y.repeated) {
                if (x.value(x.index) == y.value(y.index)) {
                    return false;
                }
            } else {
                for (int k = 0; k < n; k++) {
                    int i = x.repeated ? x.index : x.packed[x.packedAt + k];
                    int j = y.repeated ? y.index : y.packed[y.packedAt + k];
                    if (x.value(i) == y.value(j)) {
                        return false;
                    }
                }
            }
            x.consume(n);
            y.consume(n);
            done += n;
        }
        return true;
    }

    /** The dictionary and the runs of dictionary indices of one chunk, page after page. */
    private static final class Runs {
        private final FileMetadata.Column column;
        private final FileMetadata.Chunk chunk;
        private final byte[] data;
        private int next; // where the next page header starts
        private long[] dictionary;
        private byte[] page;
        private int pos;
        private int end;
        private int bitWidth;
        private int pageLeft; // values of the current page not yet in a run
        int left; // values of the current run not yet compared
        boolean repeated;
        int index;
        int[] packed = new int[64];
        int packedAt;

        Runs(FileMetadata.Column column, FileMetadata.Chunk chunk, byte[] data) {
            this.column = column;
            this.chunk = chunk;
            this.data = data;
            ChunkDecoder.PageHeader header = ChunkDecoder.PageHeader.read(data, 0);
            if (header.type == DICTIONARY_PAGE) {
                checkPage(header);
                byte[] plain = Codecs.decompress(
                        chunk.codec(), data, header.dataStart, header.compressedSize, header.uncompressedSize);
                if (header.values < 0 || (long) header.values * 8 > plain.length) {
                    throw new ParquetException(
                            "dictionary of " + header.values + " values in " + plain.length + " bytes");
                }
                dictionary = new long[header.values];
                for (int i = 0; i < header.values; i++) {
                    dictionary[i] = ChunkDecoder.le64(plain, 8 * i);
                }
                next = header.dataStart + header.compressedSize;
            }
        }

        boolean hasDictionary() {
            return dictionary != null;
        }

        long value(int i) {
            if (i < 0 || i >= dictionary.length) {
                throw new ParquetException("dictionary index " + i + " of " + dictionary.length + " values");
            }
            return dictionary[i];
        }

        void consume(int n) {
            left -= n;
            if (!repeated) {
                packedAt += n;
            }
        }

        /** Loads the next run; false when the chunk ends or holds a page this check does not read. */
        boolean advance() {
            while (pageLeft == 0) {
                if (!nextPage()) {
                    return false;
                }
            }
            int start = pos;
            long packedHeader = Levels.runHeader(page, pos, end);
            pos += (int) (packedHeader & 7);
            long header = packedHeader >>> 3;
            if ((header & 1) == 0) {
                int byteWidth = (bitWidth + 7) >>> 3;
                index = Levels.runValue(page, pos, end, byteWidth);
                pos += byteWidth;
                repeated = true;
                left = (int) Math.min(header >>> 1, pageLeft);
            } else {
                int values = (int) Math.min((header >>> 1) * 8, pageLeft);
                if (packed.length < values) {
                    packed = new int[Math.max(values, packed.length * 2)];
                }
                pos = Levels.decodeHybrid(page, start, end, bitWidth, packed, 0, values);
                repeated = false;
                packedAt = 0;
                left = values;
            }
            if (left <= 0) {
                throw new ParquetException("empty run");
            }
            pageLeft -= left;
            return true;
        }

        /** Moves to the next dictionary-encoded data page (v1); false at the chunk's end or for another page. */
        private boolean nextPage() {
            if (next >= data.length) {
                return false;
            }
            ChunkDecoder.PageHeader header = ChunkDecoder.PageHeader.read(data, next);
            checkPage(header);
            next = header.dataStart + header.compressedSize;
            if (header.type == DICTIONARY_PAGE) {
                return false; // a second dictionary: not a chunk this check reads
            }
            if (header.type != DATA_PAGE) {
                return header.type != DATA_PAGE_V2
                        && nextPage(); // v2 data pages are left to the scan; index pages skipped
            }
            if (header.encoding != PLAIN_DICTIONARY && header.encoding != RLE_DICTIONARY) {
                return false;
            }
            page = Codecs.decompress(
                    chunk.codec(), data, header.dataStart, header.compressedSize, header.uncompressedSize);
            pos = 0;
            end = page.length;
            if (column.optional()) { // no null (statistics): the definition levels are all 1, skipped
                if (end < 4) {
                    throw new ParquetException("data page too short for its definition levels");
                }
                int length = ChunkDecoder.le32(page, 0);
                if (length < 0 || length > end - 4) {
                    throw new ParquetException("definition levels of " + length + " bytes run past the page");
                }
                pos = 4 + length;
            }
            if (pos >= end) {
                throw new ParquetException("data page without its bit width");
            }
            bitWidth = page[pos++] & 0xff;
            if (bitWidth > 32) {
                throw new ParquetException("bit width " + bitWidth + " out of range");
            }
            pageLeft = header.values;
            return true;
        }

        private void checkPage(ChunkDecoder.PageHeader header) {
            if (header.compressedSize < 0
                    || header.uncompressedSize < 0
                    || header.compressedSize > data.length - header.dataStart) {
                throw new ParquetException("page of " + header.compressedSize + " bytes runs past its chunk");
            }
        }
    }
}
