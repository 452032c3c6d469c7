package dev.costagent.perf.report;

/**
 * The console form of a {@link TestReport}: a status line with the key figures, then every failed check and every
 * note, indented.
 */
public final class ConsoleSummary {

    private ConsoleSummary() {}

    /** A few lines, e.g. {@code [perf] PASS parse (benchmark): median=12.3 ns/op, ...}. */
    public static String render(TestReport report) {
        StringBuilder text = new StringBuilder("[perf] ")
                .append(report.passed() ? "PASS " : "FAIL ")
                .append(report.displayName())
                .append(" (")
                .append(report.kind())
                .append(")");
        if (!report.figures().isEmpty()) {
            text.append(": ");
            report.figures()
                    .forEach((k, v) -> text.append(k).append('=').append(v).append(", "));
            text.setLength(text.length() - 2);
        }
        for (Check check : report.checks()) {
            text.append(System.lineSeparator())
                    .append("    ")
                    .append(check.met() ? "ok   " : "FAIL ")
                    .append(check.describe());
        }
        for (String note : report.notes()) {
            text.append(System.lineSeparator()).append("    note ").append(note);
        }
        return text.toString();
    }
}
