package dev.costagent.examples.probe;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.costagent.perf.result.Format;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.result.SecondSample;
import dev.costagent.perf.spi.PerfReport;
import dev.costagent.perf.spi.PerfReporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A custom reporter: one Markdown table row per load test (calls, errors, throughput, p50/p99 response time,
 * pass/fail, and the peak of one probe's series), written to a file when the test run ends, ready to paste into a
 * pull request. Register it per test class with {@code new PerfExtension().withReporter(...)}, or call it yourself
 * after a programmatic run.
 */
public final class MarkdownReporter implements PerfReporter {

    private final Path file;
    private final String probe;
    private final List<String> rows = new ArrayList<>();

    /**
     * A reporter writing to {@code file}.
     *
     * @param file the Markdown file, replaced when the run ends
     * @param probe the probe whose per-second peak gets a column (e.g. {@link RunsInFlight#NAME})
     */
    public MarkdownReporter(Path file, String probe) {
        this.file = file;
        this.probe = probe;
    }

    @Override
    public synchronized void report(PerfReport report) {
        LoadResult r = report.result();
        double peak = 0;
        for (SecondSample second : r.series()) {
            peak = Math.max(peak, second.probes().getOrDefault(probe, 0.0));
        }
        rows.add(String.format(
                Locale.ROOT,
                "| %s | %,d | %,d | %.1f/s | %s | %s | %s | %.0f |",
                report.displayName(),
                r.count(),
                r.errorCount(),
                r.throughput(),
                Format.duration(r.responseTime(50)),
                Format.duration(r.responseTime(99)),
                report.passed() ? "pass" : "FAIL",
                peak));
    }

    /** The table so far: a header and one row per reported test. */
    public synchronized String table() {
        StringBuilder out = new StringBuilder("| test | calls | errors | throughput | p50 | p99 | requirements | peak ")
                .append(probe)
                .append(" |\n|---|---:|---:|---:|---:|---:|---|---:|\n");
        rows.forEach(row -> out.append(row).append('\n'));
        return out.toString();
    }

    @Override
    public void testRunFinished() {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, table(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
