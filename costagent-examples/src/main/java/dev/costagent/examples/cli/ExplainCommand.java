package dev.costagent.examples.cli;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.narrate.Narrative;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code costagent explain}: the narrative summary of an analysis — one paragraph per subject, each marked
 * {@code model} or {@code template}.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Print the narrative summary (model-written with --llm, offline templates otherwise).")
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE|DIR",
            description = "FOCUS CSV file (.csv or .csv.gz) or a directory of them; generated demo data if absent.")
    private Path input;

    @Option(names = "--utilization", paramLabel = "FILE", description = "CPU utilization CSV.")
    private Path utilization;

    @Option(names = "--lenient", description = "Go on past bad records and report them instead of stopping.")
    private boolean lenient;

    @Option(names = "--quiet", description = "No progress on stderr.")
    private boolean quiet;

    @Mixin
    private LlmOptions llm;

    @Override
    public Integer call() {
        AnalyzeSupport.Inputs inputs = new AnalyzeSupport.Inputs(input, utilization, null, null, lenient,
                ProgressPrinter.forTerminal(quiet));
        Report report;
        try (CostAgent agent = AnalyzeSupport.agent(inputs, llm.narrator())) {
            report = agent.run();
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Narrative narrative : report.narratives()) {
            out.println("[" + narrative.source().json() + "] " + narrative.subject());
            out.println("  " + narrative.text());
        }
        return 0;
    }
}
