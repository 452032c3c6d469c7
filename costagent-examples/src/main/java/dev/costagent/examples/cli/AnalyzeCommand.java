package dev.costagent.examples.cli;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.narrate.Narrator;
import java.nio.file.Path;
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
        String fmt = AnalyzeSupport.analyzeFormat(format);
        Narrator narrator = llm.narrator();
        Report report;
        try (CostAgent agent = AnalyzeSupport.agent(inputs.inputs(), narrator)) {
            report = agent.run();
        }
        AnalyzeSupport.printAnalysis(spec.commandLine().getOut(), report, fmt, llm.usageJson(), html);
        llm.printUsage(spec.commandLine().getErr());
        return 0;
    }
}
