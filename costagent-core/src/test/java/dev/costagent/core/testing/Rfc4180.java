package dev.costagent.core.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately small, independent RFC 4180 splitter for tests: it shares no code with the production reader or
 * writer, so a round trip through it checks the writer against the standard rather than against itself.
 */
public final class Rfc4180 {

    /** One parsed cell: its text and whether it was quoted (so {@code ""} and an empty cell stay apart). */
    public record Cell(String text, boolean quoted) {
        /** Null for an empty unquoted cell, the text otherwise. */
        public String value() {
            return !quoted && text.isEmpty() ? null : text;
        }
    }

    private Rfc4180() {}

    /** Splits a whole CSV document into records of cells. Accepts LF and CRLF record ends. */
    public static List<List<Cell>> parse(String csv) {
        List<List<Cell>> records = new ArrayList<>();
        List<Cell> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean inQuotes = false;
        int i = 0;
        int n = csv.length();
        while (i < n) {
            char c = csv.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && csv.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    inQuotes = false;
                } else {
                    cell.append(c);
                }
                i++;
                continue;
            }
            if (c == '"') {
                if (cell.length() > 0) {
                    throw new IllegalArgumentException("quote inside an unquoted cell at char " + i);
                }
                inQuotes = true;
                quoted = true;
            } else if (c == ',') {
                record.add(new Cell(cell.toString(), quoted));
                cell.setLength(0);
                quoted = false;
            } else if (c == '\n' || c == '\r') {
                record.add(new Cell(cell.toString(), quoted));
                cell.setLength(0);
                quoted = false;
                records.add(record);
                record = new ArrayList<>();
                if (c == '\r' && i + 1 < n && csv.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                cell.append(c);
            }
            i++;
        }
        if (inQuotes) {
            throw new IllegalArgumentException("unterminated quote");
        }
        if (cell.length() > 0 || quoted || !record.isEmpty()) {
            record.add(new Cell(cell.toString(), quoted));
            records.add(record);
        }
        return records;
    }
}
