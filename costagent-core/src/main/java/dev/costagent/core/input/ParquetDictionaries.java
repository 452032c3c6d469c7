package dev.costagent.core.input;

import dev.costagent.core.focus.FocusFormatException;
import dev.costagent.core.parquet.Dictionaries;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What a Parquet file's dictionary-encoded columns can hold, without decoding their rows: the values of text columns
 * from their dictionary pages alone (a few hundred bytes per row group and column, against every data page for a
 * scan), enough to show that an enumerated column holds only allowed values; and whether two timestamp columns ever
 * hold the same instant in a row, from the runs of their dictionary indices.
 *
 * <pre>{@code
 * Map<String, Set<String>> known = ParquetDictionaries.of(Path.of("focus.parquet")).values(List.of("ChargeCategory"));
 * boolean allowed = known.containsKey("ChargeCategory") && allowedSet.containsAll(known.get("ChargeCategory"));
 * }</pre>
 */
public final class ParquetDictionaries {

    private final Dictionaries footer;

    private ParquetDictionaries(Dictionaries footer) {
        this.footer = footer;
    }

    /**
     * Reads a Parquet file's footer, once for the questions that follow.
     *
     * @throws FocusFormatException when the file is not Parquet or its footer is corrupt
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ParquetDictionaries of(Path file) {
        return new ParquetDictionaries(Dictionaries.read(file));
    }

    /**
     * For each of the columns the file settles, every value its rows hold, or a superset of them (the union of the
     * dictionary pages of the column's chunks; a dictionary may hold values no row uses). A column is settled when each
     * of its chunks holds only nulls, or starts with a dictionary page and its footer says every data page is
     * dictionary-encoded (page encoding statistics; without them, an encodings list with no non-dictionary value
     * encoding). A column the file lacks is settled with no value. Columns left out of the answer (PLAIN fallback
     * pages, no dictionary, not a text column) need their rows read.
     *
     * @param columns the column names to look at
     * @throws FocusFormatException when a dictionary page is corrupt
     * @throws UncheckedIOException when the file cannot be read
     */
    public Map<String, Set<String>> values(Collection<String> columns) {
        return footer.values(columns);
    }

    /**
     * True when the file shows, without decoding its rows, that no row holds the same instant in both timestamp
     * columns (e.g. no charge period ending at its start): both are INT64 timestamps of one unit (milliseconds or
     * microseconds), and in every row group both chunks hold no null and only dictionary-encoded data pages (v1), whose
     * runs of dictionary indices are compared run by run. False when the file does not tell (some row may hold equal
     * values, or the columns are stored otherwise): read the rows. A file lacking either column holds no such row.
     *
     * @throws FocusFormatException when a page is corrupt
     * @throws UncheckedIOException when the file cannot be read
     */
    public boolean neverEqual(String first, String second) {
        return footer.neverEqual(first, second);
    }
}
