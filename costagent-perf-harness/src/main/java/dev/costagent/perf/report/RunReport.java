package dev.costagent.perf.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.costagent.perf.baseline.EnvironmentFingerprint;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports of one test run: each added {@link TestReport} is printed as a console summary, written as JSON
 * ({@code <dir>/<test name>-<hash of id>.json}) and the aggregated HTML report ({@code <dir>/index.html}) is rewritten, so the
 * report is complete after every test even if the JVM ends abruptly.
 *
 * <p>The directory is the setting {@value #DIRECTORY_PROPERTY} (system property, then
 * {@code junit-platform.properties}; see {@link PerfConfig}), default {@code target/perf-reports}.
 * {@link #shared()} is the JVM-wide instance the JUnit extensions and the harness reporter use; with several
 * Surefire forks, each fork writes its own index.html over the same path, so run perf tests in one fork.
 */
public final class RunReport {

    /** System property naming the report directory. */
    public static final String DIRECTORY_PROPERTY = "perf.reportDir";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static RunReport shared;

    private final Path directory;
    private final PrintStream console;
    private final Instant startedAt = Instant.now();
    private final List<TestReport> reports = new ArrayList<>();

    /** A report writing into {@code directory} and printing summaries to {@code console} (null: no console). */
    public RunReport(Path directory, PrintStream console) {
        this.directory = directory;
        this.console = console;
    }

    /** The JVM-wide report, in the configured directory, printing to standard output. */
    public static synchronized RunReport shared() {
        if (shared == null) {
            shared = new RunReport(
                    Path.of(PerfConfig.get(DIRECTORY_PROPERTY).orElse("target/perf-reports")), System.out);
        }
        return shared;
    }

    /** The output directory. */
    public Path directory() {
        return directory;
    }

    /** The aggregated HTML file. */
    public Path htmlFile() {
        return directory.resolve("index.html");
    }

    /**
     * The JSON file of a test: its display name made file-safe, plus a hash of its id so that tests with the same
     * display name (same method name in two classes) do not overwrite each other.
     */
    public Path jsonFile(TestReport report) {
        String safe = report.displayName().replaceAll("[^A-Za-z0-9._-]+", "_");
        return directory.resolve(safe + "-" + Integer.toHexString(report.id().hashCode()) + ".json");
    }

    /** The reports added so far, in order. */
    public synchronized List<TestReport> reports() {
        return List.copyOf(reports);
    }

    /** Adds one test's report (replacing an earlier one with the same id) and writes every output. */
    public void add(TestReport report) {
        add(report, true);
    }

    /**
     * Adds one test's report and writes the JSON and HTML; prints the console summary only when
     * {@code printSummary} (harness load tests have their own console reporter).
     */
    public synchronized void add(TestReport report, boolean printSummary) {
        reports.removeIf(r -> r.id().equals(report.id()));
        reports.add(report);
        if (console != null && printSummary) {
            console.println(ConsoleSummary.render(report));
        }
        try {
            Files.createDirectories(directory);
            JSON.writeValue(jsonFile(report).toFile(), report);
            Files.writeString(
                    htmlFile(),
                    HtmlReport.render(reports, EnvironmentFingerprint.current(), startedAt),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write performance report to " + directory + ": " + e.getMessage(), e);
        }
    }
}
