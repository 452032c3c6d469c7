package dev.costagent.core.recommend.catalog;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The text form of the catalog's tables ({@code instances.csv}, {@code rates.csv} and users' overrides): one record a
 * line, {@code #} comments, blank lines and the header line skipped; a malformed record fails naming its origin and
 * line ({@code rates.csv:12: ...}).
 */
final class CatalogText {

    /** Reads one record's text; throws {@link IllegalArgumentException} saying what is wrong with it. */
    @FunctionalInterface
    interface RecordParser {
        void parse(String text);
    }

    /** Makes a table from the text of a shipped resource. */
    @FunctionalInterface
    interface TableReader<T> {
        T read(InputStream in, String origin) throws IOException;
    }

    private CatalogText() {}

    /**
     * Passes each record of {@code in} to {@code parser}.
     *
     * @param header how the header line starts ({@code "kind,"}), ignoring case
     * @throws IllegalArgumentException {@code origin:line: } and the parser's message
     */
    static void records(InputStream in, String origin, String header, RecordParser parser) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty()
                    || text.startsWith("#")
                    || text.toLowerCase(Locale.ROOT).startsWith(header)) {
                continue;
            }
            try {
                parser.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + ":" + number + ": " + e.getMessage(), e);
            }
        }
    }

    /** A table shipped in the jar beside this class, read by {@code reader}; a missing resource is a broken jar. */
    static <T> T shipped(String resource, String what, TableReader<T> reader) {
        try (InputStream in = CatalogText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(what + " is missing from the jar");
            }
            return reader.read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
