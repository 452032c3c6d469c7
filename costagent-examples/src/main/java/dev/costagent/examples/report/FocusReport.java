package dev.costagent.examples.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.report.ReportFormat;
import dev.costagent.core.report.ReportWriter;
import dev.costagent.core.source.CostSource;
import dev.costagent.core.source.FocusFileSource;
import dev.costagent.examples.data.SampleBilling;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns a FOCUS export (a {@code .csv} or {@code .csv.gz} file, or a directory of them) into one self-contained HTML
 * page: daily cost with the forecast band and anomaly markers, top services, savings by type, and the
 * recommendation, anomaly and explanation tables.
 *
 * <pre>
 * java -cp costagent-examples/target/costagent.jar dev.costagent.examples.report.FocusReport [INPUT] [OUTPUT.html]
 * </pre>
 *
 * Without {@code INPUT} it first writes a generated sample export next to the output and reports on that. The
 * output defaults to {@code costagent-report.html} in the working directory.
 */
public final class FocusReport {

    private FocusReport() {}

    /** Runs the example; arguments: the FOCUS input ({@code -} for a generated sample) and the HTML output. */
    public static void main(String[] args) {
        Path input = args.length > 0 && !args[0].equals("-") ? Path.of(args[0]) : null;
        Path output = Path.of(args.length > 1 ? args[1] : "costagent-report.html");
        try {
            write(input, output, System.out);
        } catch (IllegalArgumentException | UncheckedIOException | dev.costagent.core.focus.FocusFormatException e) {
            System.err.println("focus-report: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Analyses {@code input} ({@code null}: a generated 10,000-row sample written beside {@code output}) and writes
     * the HTML report to {@code output}.
     *
     * @throws IllegalArgumentException when the input does not exist or is not valid FOCUS data
     */
    public static Report write(Path input, Path output, PrintStream out) {
        CostSource source;
        if (input == null) {
            Path sample = siblingOf(output, "sample-focus-export.csv");
            source = SampleBilling.of(42, 10_000).writeFocusCsv(sample);
            out.println("no input given: wrote a generated FOCUS export to " + sample);
        } else if (!Files.exists(input)) {
            throw new IllegalArgumentException("input " + input + " does not exist");
        } else {
            source = FocusFileSource.of(input);
        }
        try (CostAgent agent = CostAgent.builder().source(source).build()) {
            Report report = agent.run();
            String html = ReportWriter.render(report, ReportFormat.HTML);
            writeFile(output, html);
            out.printf(
                    Locale.ROOT,
                    "%,d rows, %d recommendations (%,.2f %s per month) -> %s (%,d bytes)%n",
                    report.summary().rows(),
                    report.summary().recommendations(),
                    report.summary().monthlySavings(),
                    report.summary().currency(),
                    output,
                    html.getBytes(UTF_8).length);
            return report;
        }
    }

    private static Path siblingOf(Path file, String name) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(name) : parent.resolve(name);
    }

    private static void writeFile(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
