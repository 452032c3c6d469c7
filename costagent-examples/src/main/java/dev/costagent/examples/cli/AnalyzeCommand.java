package dev.costagent.examples.cli;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.narrate.Narrator;
import dev.costagent.core.report.ReportFormat;
import dev.costagent.core.report.ReportJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
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
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = "Analyze billing data and recommend savings (generated demo data when --input is absent).")
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private AgentInputFlags inputs;

    @Option(names = "--format", defaultValue = "table", description = "table (default), json or md.")
    private String format;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report.")
    private Path html;

    @Mixin
    private LlmOptions llm;

    @Override
    public Integer call() {
        String fmt = FormatOption.require(format, "table", "json", "md");
        Narrator narrator = llm.narrator();
        Report report;
        try (CostAgent agent = AnalyzeSupport.agent(inputs.inputs(), narrator)) {
            report = agent.run();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.equals("json")) {
            Map<String, Object> document = AnalyzeSupport.analyzeDocument(report);
            document.put(ReportJson.LLM_USAGE, llm.usageJson());
            out.println(ReportJson.toJson(document));
        } else {
            out.println(AnalyzeSupport.render(report, ReportFormat.MARKDOWN));
        }
        if (html != null) {
            AnalyzeSupport.writeHtml(report, html);
            if (!fmt.equals("json")) {
                out.println("HTML report: " + html.toAbsolutePath());
            }
        }
        out.flush();
        llm.printUsage(spec.commandLine().getErr());
        return 0;
    }
}
