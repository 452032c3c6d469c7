package dev.costagent.examples.quickstart;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.agent.ReportSummary;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.examples.data.SampleBilling;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Embeds the cost agent: generates a sample cloud bill, runs collect → analyze → recommend → explain on it, and
 * prints the top recommendations.
 *
 * <pre>
 * java -cp costagent-examples/target/costagent.jar dev.costagent.examples.quickstart.QuickStart [rows] [top]
 * </pre>
 *
 * With your own data, replace the sample with {@code FocusFileSource.of(Path.of("billing/"))}.
 */
public final class QuickStart {

    private QuickStart() {}

    /** Runs the example; arguments: billing rows (default 10,000) and how many recommendations to print (5). */
    public static void main(String[] args) throws IOException {
        try {
            int rows = args.length > 0 ? positive(args[0], "rows") : 10_000;
            int top = args.length > 1 ? positive(args[1], "top") : 5;
            Path dir = Files.createTempDirectory("costagent-quickstart");
            run(rows, top, dir, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("quickstart: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Writes a sample bill of {@code rows} rows into {@code dir}, runs the agent on it and prints the summary and the
     * {@code top} recommendations to {@code out}.
     */
    public static Report run(int rows, int top, Path dir, PrintStream out) {
        SampleBilling sample = SampleBilling.of(42, rows);
        try (CostAgent agent = CostAgent.builder()
                .source(sample.writeFocusCsv(dir.resolve("billing.csv"))) // any FOCUS file or directory
                .utilization(sample.utilization(200)) // CPU series enable rightsizing
                .build()) {
            Report report = agent.run();
            print(report, top, out);
            return report;
        }
    }

    private static void print(Report report, int top, PrintStream out) {
        ReportSummary s = report.summary();
        out.printf(
                Locale.ROOT,
                "%,d billing rows, %s to %s, total %,.2f %s%n",
                s.rows(),
                s.firstDay(),
                s.lastDay(),
                s.totalCost(),
                s.currency());
        out.printf(
                Locale.ROOT,
                "%d recommendations, %,.2f per month (%,.2f per year), %d quick wins%n",
                s.recommendations(),
                s.monthlySavings(),
                s.annualSavings(),
                s.quickWins());
        List<Recommendation> recommendations = report.recommendations();
        out.printf(Locale.ROOT, "Top %d:%n", Math.min(top, recommendations.size()));
        for (int i = 0; i < Math.min(top, recommendations.size()); i++) {
            Recommendation r = recommendations.get(i);
            out.printf(
                    Locale.ROOT,
                    "%2d. %-20s %-36s %,10.2f/month  confidence %.2f  risk %s%n      %s%n",
                    i + 1,
                    r.type(),
                    r.resourceId(),
                    r.monthlySavings(),
                    r.confidence(),
                    r.risk(),
                    r.title());
        }
        report.narratives().stream()
                .filter(n -> n.subject().equals("summary"))
                .findFirst()
                .ifPresent(n -> out.println("Summary (" + n.source().json() + "): " + n.text()));
    }

    private static int positive(String text, String name) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the name of the argument
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, got '" + text + "'");
    }
}
