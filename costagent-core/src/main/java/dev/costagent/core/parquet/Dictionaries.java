package dev.costagent.core.parquet;

import static dev.costagent.core.parquet.FileMetadata.PageType.DICTIONARY_PAGE;

import dev.costagent.core.focus.FocusFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The values of text columns read from their dictionary pages alone: a few hundred bytes per column chunk instead of
 * the chunk's data pages. One file's footer, read once. Public for {@code core.input.ParquetDictionaries} only (this package is not exported).
 */
public final class Dictionaries {

    /** Enough for a dictionary page's header; the page body is read on its own when it does not fit. */
    private static final int HEADER_WINDOW = 4096;

    private final Path file;
    private final FileMetadata metadata;

    private Dictionaries(Path file, FileMetadata metadata) {
        this.file = file;
        this.metadata = metadata;
    }

    /**
     * Reads a file's footer.
     *
     * @throws FocusFormatException when the file is not Parquet or its footer is corrupt
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Dictionaries read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Dictionaries(file, ParquetReader.footer(file.toString(), channel));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * For each named column the file settles, the union of its chunks' dictionaries: a superset of the values its rows
     * hold (a dictionary may hold values no row uses). A column is settled when it is a byte-array column and each of
     * its chunks either holds only nulls or starts with a dictionary page and, as the footer tells, has dictionary-
     * encoded data pages only; a column the file lacks is settled with no value. Others are left out of the answer.
     *
     * @throws FocusFormatException when a dictionary page is corrupt
     * @throws UncheckedIOException when the file cannot be read
     */
    public Map<String, Set<String>> values(Collection<String> columns) {
        String name = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < metadata.columns().size(); i++) {
                index.putIfAbsent(metadata.columns().get(i).name(), i);
            }
            Map<String, Set<String>> settled = new LinkedHashMap<>();
            for (String column : columns) {
                Integer at = index.get(column);
                if (at == null) {
                    settled.put(column, Set.of());
                    continue;
                }
                Set<String> values = values(channel, metadata, at);
                if (values != null) {
                    settled.put(column, values);
                }
            }
            return settled;
        } catch (ParquetException e) {
            throw new FocusFormatException(name, 0, null, "corrupt Parquet dictionary page: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the file shows that no row holds equal values in both timestamp columns ({@link EqualValues}).
     *
     * @throws FocusFormatException when a page is corrupt
     * @throws UncheckedIOException when the file cannot be read
     */
    public boolean neverEqual(String first, String second) {
        String name = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return EqualValues.neverEqual(channel, metadata, first, second);
        } catch (ParquetException e) {
            throw new FocusFormatException(name, 0, null, "corrupt Parquet page: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** The union of one column's dictionaries, or {@code null} when a chunk may hold values outside its own. */
    private static Set<String> values(FileChannel channel, FileMetadata metadata, int column) throws IOException {
        FileMetadata.Column type = metadata.columns().get(column);
        if (type.unsupported() != null || type.physicalType() != FileMetadata.BYTE_ARRAY) {
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        for (FileMetadata.RowGroup group : metadata.rowGroups()) {
            FileMetadata.Chunk chunk = group.chunks().get(column);
            if (chunk.nullCount() >= 0 && chunk.nullCount() >= chunk.values()) {
                continue; // only nulls: no value, whatever the encoding
            }
            if (!chunk.dictionaryEncoded() || !dictionary(channel, chunk, values)) {
                return null;
            }
        }
        return values;
    }

    /** Adds the values of the chunk's dictionary page; false when its first page is not one. */
    private static boolean dictionary(FileChannel channel, FileMetadata.Chunk chunk, Set<String> into)
            throws IOException {
        int window = (int) Math.min(chunk.length(), HEADER_WINDOW);
        byte[] head = ParquetReader.readFully(channel, chunk.start(), window);
        ChunkDecoder.PageHeader page;
        try {
            page = ChunkDecoder.PageHeader.read(head, 0);
        } catch (RuntimeException truncated) {
            throw new ParquetException("unreadable page header at " + chunk.start() + ": " + truncated.getMessage());
        }
        if (page.type != DICTIONARY_PAGE) {
            return false;
        }
        if (page.compressedSize < 0
                || page.uncompressedSize < 0
                || page.values < 0
                || page.dataStart + (long) page.compressedSize > chunk.length()) {
            throw new ParquetException("dictionary page of " + page.compressedSize + " bytes runs past its chunk");
        }
        byte[] body;
        int from;
        if (page.dataStart + page.compressedSize <= window) {
            body = head;
            from = page.dataStart;
        } else {
            body = ParquetReader.readFully(channel, chunk.start() + page.dataStart, page.compressedSize);
            from = 0;
        }
        byte[] plain = Codecs.decompress(chunk.codec(), body, from, page.compressedSize, page.uncompressedSize);
        int pos = 0;
        for (int i = 0; i < page.values; i++) {
            if (pos + 4 > plain.length) {
                throw new ParquetException("dictionary page ends after " + i + " of " + page.values + " values");
            }
            int length = ChunkDecoder.le32(plain, pos);
            if (length < 0 || length > plain.length - pos - 4) {
                throw new ParquetException("dictionary value of " + length + " bytes runs past its page");
            }
            into.add(new String(plain, pos + 4, length, StandardCharsets.UTF_8));
            pos += 4 + length;
        }
        return true;
    }
}
