package dev.costagent.examples.cli;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.narrate.Narrator;
import dev.costagent.core.report.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code costagent analyze}: the main job. Breakdowns, trends, forecast, anomalies with root causes, commitments,
 * utilization verdicts, ranked recommendations and narratives, over a FOCUS export or, with no {@code --input}, over
 * generated demo data.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyze billing data and recommend savings (generated demo data when --input is absent).")
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE|DIR",
            description = "FOCUS CSV file (.csv or .csv.gz) or a directory of them; generated demo data if absent.")
    private Path input;

    @Option(names = "--utilization", paramLabel = "FILE",
            description = "CPU utilization: timestamp,value (resource = file name) or ResourceId,Timestamp,Metric,Value.")
    private Path utilization;

    @Option(names = "--inventory", paramLabel = "FILE", description = "Instance types: ResourceId,InstanceType.")
    private Path inventory;

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "Instance catalog overrides: provider,type,family,vcpu,memoryGiB,hourlyUsd.")
    private Path catalog;

    @Option(names = "--format", defaultValue = "table", description = "table (default), json or md.")
    private String format;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report.")
    private Path html;

    @Option(names = "--lenient", description = "Go on past bad records and report them instead of stopping.")
    private boolean lenient;

    @Option(names = "--quiet", description = "No progress on stderr.")
    private boolean quiet;

    @Mixin
    private LlmOptions llm;

    @Override
    public Integer call() {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("table") && !fmt.equals("json") && !fmt.equals("md")) {
            throw new IllegalArgumentException("unknown --format '" + format + "'; expected table, json or md");
        }
        Narrator narrator = llm.narrator();
        AnalyzeSupport.Inputs inputs = new AnalyzeSupport.Inputs(input, utilization, inventory, catalog, lenient,
                ProgressPrinter.forTerminal(quiet));
        Report report;
        try (CostAgent agent = AnalyzeSupport.agent(inputs, narrator)) {
            report = agent.run();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.equals("json")) {
            out.println(AnalyzeSupport.analyzeJson(report));
        } else {
            out.println(AnalyzeSupport.render(report, ReportFormat.MARKDOWN));
        }
        if (html != null) {
            AnalyzeSupport.writeHtml(report, html);
            if (!fmt.equals("json")) {
                out.println("HTML report: " + html.toAbsolutePath());
            }
        }
        return 0;
    }
}
