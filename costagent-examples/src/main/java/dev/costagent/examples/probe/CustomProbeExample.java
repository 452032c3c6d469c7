package dev.costagent.examples.probe;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.examples.data.SampleBilling;
import dev.costagent.perf.Load;
import dev.costagent.perf.requirement.Evaluation;
import dev.costagent.perf.requirement.Requirements;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.spi.PerfReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Adds a custom probe and a custom reporter to the performance harness: four users run the cost agent in a loop
 * while {@link RunsInFlight} samples the agent's runs in progress every second, and {@link MarkdownReporter} writes
 * the result as a Markdown table row.
 *
 * <pre>
 * java -cp costagent-examples/target/costagent.jar dev.costagent.examples.probe.CustomProbeExample [seconds] [out.md]
 * </pre>
 *
 * In a JUnit test the same two plug in through the extension, for every load test of the class:
 * <pre>{@code
 * @RegisterExtension
 * static PerfExtension perf = new PerfExtension().withProbe(inFlight).withReporter(new MarkdownReporter(file, NAME));
 * }</pre>
 */
public final class CustomProbeExample {

    private CustomProbeExample() {}

    /** Runs the example; arguments: seconds of load (default 10) and the Markdown file (perf-summary.md). */
    public static void main(String[] args) throws IOException {
        try {
            int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
            if (seconds < 1) {
                throw new NumberFormatException();
            }
            Path markdown = Path.of(args.length > 1 ? args[1] : "perf-summary.md");
            run(Duration.ofSeconds(seconds), Files.createTempDirectory("costagent-probe"), markdown, System.out);
        } catch (NumberFormatException e) {
            System.err.println("custom-probe: seconds must be a positive whole number, got '" + args[0] + "'");
            System.exit(2);
        }
    }

    /** Runs four users against the agent for {@code duration}, reports the result and returns it. */
    public static LoadResult run(Duration duration, Path dir, Path markdown, PrintStream out) {
        RunsInFlight inFlight = new RunsInFlight();
        MarkdownReporter reporter = new MarkdownReporter(markdown, RunsInFlight.NAME);
        SampleBilling sample = SampleBilling.of(42, 10_000);
        try (CostAgent agent = CostAgent.builder()
                .source(sample.writeFocusCsv(dir.resolve("billing.csv")))
                .utilization(sample.utilization(200))
                .listener(inFlight) // the agent tells the probe about its runs
                .build()) {
            agent.run(); // a serving agent: data ingested and analysed
            LoadResult result = Load.closed(4)
                    .duration(duration)
                    .probe(inFlight) // sampled into every second of the series
                    .run(agent::run);
            Evaluation evaluation = Requirements.builder()
                    .maxErrorRate(0)
                    .p99(Duration.ofSeconds(5))
                    .build()
                    .evaluate(result);
            reporter.report(new PerfReport("costagent.run", "agent.run x4 users", result, evaluation.verdicts()));
            reporter.testRunFinished();
            out.println(result.summary());
            out.print(reporter.table());
            out.println("written to " + markdown.toAbsolutePath());
            return result;
        }
    }
}
