package dev.costagent.core.input;

import dev.costagent.core.focus.FocusFormatException;
import dev.costagent.core.parquet.Dictionaries;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What a Parquet file's text columns can hold, from their dictionary pages alone (a few hundred bytes per row group and
 * column, against every data page for a scan): enough to show that an enumerated column holds only allowed values
 * without reading its rows.
 *
 * <pre>{@code
 * Map<String, Set<String>> known = ParquetDictionaries.values(Path.of("focus.parquet"), List.of("ChargeCategory"));
 * boolean allowed = known.containsKey("ChargeCategory") && allowedSet.containsAll(known.get("ChargeCategory"));
 * }</pre>
 */
public final class ParquetDictionaries {

    private ParquetDictionaries() {}

    /**
     * For each of the columns the file settles, every value its rows hold, or a superset of them (the union of the
     * dictionary pages of the column's chunks; a dictionary may hold values no row uses). A column is settled when each
     * of its chunks holds only nulls, or starts with a dictionary page and its footer says every data page is
     * dictionary-encoded (page encoding statistics; without them, an encodings list with no non-dictionary value
     * encoding). A column the file lacks is settled with no value. Columns left out of the answer (PLAIN fallback
     * pages, no dictionary, not a text column) need their rows read.
     *
     * @param file a Parquet file
     * @param columns the column names to look at
     * @throws FocusFormatException when the file is not Parquet or is corrupt
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Map<String, Set<String>> values(Path file, Collection<String> columns) {
        return Dictionaries.of(file, columns);
    }
}
