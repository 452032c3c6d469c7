package dev.costagent.perf.report;

import dev.costagent.perf.spi.Metric;
import dev.costagent.perf.spi.PerfReport;
import dev.costagent.perf.spi.PerfReporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes every metric of every perf test, of every kind, as one CSV row: {@code <report dir>/perf-results.csv}
 * with the columns {@code test_id,test,kind,metric,unit,value,passed}. Values are plain numbers (no grouping, a
 * dot as decimal separator); the file is rewritten after each test so it is complete even if the JVM ends abruptly.
 * Registered through {@link java.util.ServiceLoader}, like the HTML report.
 */
public final class CsvReporter implements PerfReporter {

    /** The file name inside the report directory. */
    public static final String FILE = "perf-results.csv";
    /** The header row. */
    public static final String HEADER = "test_id,test,kind,metric,unit,value,passed";

    private final Path directory;
    private final List<String> rows = new ArrayList<>();

    /** A reporter writing into the configured report directory ({@code perf.reportDir}). */
    public CsvReporter() {
        this(null);
    }

    /** A reporter writing into {@code directory}. */
    public CsvReporter(Path directory) {
        this.directory = directory;
    }

    @Override
    public synchronized void report(PerfReport report) {
        String prefix = quote(report.testId()) + "," + quote(report.displayName()) + ","
                + report.kind().name().toLowerCase(Locale.ROOT) + ",";
        rows.removeIf(row -> row.startsWith(prefix));
        for (Metric metric : report.metrics()) {
            if (!Double.isNaN(metric.value())) {
                rows.add(prefix + quote(metric.name()) + "," + quote(metric.unit()) + "," + number(metric.value()) + ","
                        + report.passed());
            }
        }
        Path dir = directory != null ? directory : RunReport.shared().directory();
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve(FILE), HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\""
                : text;
    }
}
