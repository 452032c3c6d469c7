package dev.costagent.examples.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints rows as an aligned plain-text table; numbers (cells starting with a digit or sign) align right. */
final class TextTable {

    private TextTable() {}

    static void print(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        printRow(out, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.println(rule);
        for (List<String> row : rows) {
            printRow(out, row, widths);
        }
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            boolean numeric = !cell.isEmpty()
                    && (Character.isDigit(cell.charAt(0)) || cell.charAt(0) == '-')
                    && cell.chars().allMatch(ch -> Character.isDigit(ch) || ch == ',' || ch == '.' || ch == '-');
            String padded = numeric
                    ? " ".repeat(widths[c] - cell.length()) + cell
                    : cell + " ".repeat(widths[c] - cell.length());
            line.append(c == 0 ? "" : "  ").append(padded);
        }
        out.println(line.toString().stripTrailing());
    }
}
