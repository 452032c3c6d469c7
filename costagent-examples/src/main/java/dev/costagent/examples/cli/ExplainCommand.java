package dev.costagent.examples.cli;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.narrate.Narrative;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code costagent explain}: the narrative summary of an analysis — one paragraph per subject, each marked
 * {@code model} or {@code template}.
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = "Print the narrative summary (model-written with --llm, offline templates otherwise).")
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private AgentInputFlags inputs;

    @Mixin
    private LlmOptions llm;

    @Override
    public Integer call() {
        Report report;
        try (CostAgent agent = AnalyzeSupport.agent(inputs.inputs(), llm.narrator())) {
            report = agent.run();
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Narrative narrative : report.narratives()) {
            out.println("[" + narrative.source().json() + "] " + narrative.subject());
            out.println("  " + narrative.text());
        }
        out.flush();
        llm.printUsage(spec.commandLine().getErr());
        return 0;
    }
}
