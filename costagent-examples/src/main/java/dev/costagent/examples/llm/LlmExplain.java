package dev.costagent.examples.llm;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.narrate.Narrative;
import dev.costagent.core.narrate.Narrator;
import dev.costagent.examples.data.SampleBilling;
import dev.costagent.llm.accounting.UsageLedger;
import dev.costagent.llm.accounting.UsageReport;
import dev.costagent.llm.config.LlmProvider;
import dev.costagent.llm.config.LlmSettings;
import dev.costagent.llm.config.Narrators;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Explains a bill in words written by a language model. The provider comes from the environment (or system
 * properties): {@code COSTAGENT_LLM_PROVIDER} ({@code none|openai|ollama|anthropic}), {@code COSTAGENT_LLM_BASE_URL},
 * {@code COSTAGENT_LLM_MODEL}, {@code COSTAGENT_LLM_API_KEY}. With no provider configured the deterministic template
 * narrator writes the explanations, and each one says which it came from ({@code model} or {@code template}): a
 * model answer with a number that is not in the facts is replaced by the template's.
 *
 * <pre>
 * java -cp costagent-examples/target/costagent.jar dev.costagent.examples.llm.LlmExplain             # template
 * COSTAGENT_LLM_PROVIDER=ollama COSTAGENT_LLM_MODEL=qwen2.5:7b java -cp ... dev.costagent.examples.llm.LlmExplain
 * java -cp costagent-examples/target/costagent.jar dev.costagent.examples.llm.LlmExplain --stand-in  # loopback
 * </pre>
 *
 * {@code --stand-in} starts a {@link StandInModel} on loopback (300 ms per answer) and configures it as an
 * OpenAI-compatible provider, so the model path runs without any provider or network.
 */
public final class LlmExplain {

    private LlmExplain() {}

    /** Runs the example; {@code --stand-in} uses the loopback stand-in model instead of the environment's provider. */
    public static void main(String[] args) throws IOException {
        boolean standIn = args.length > 0 && args[0].equals("--stand-in");
        if (args.length > (standIn ? 1 : 0)) {
            System.err.println("llm-explain: unknown argument '" + args[args.length - 1] + "' (only --stand-in)");
            System.exit(2);
        }
        Path dir = Files.createTempDirectory("costagent-llm-explain");
        try {
            if (standIn) {
                try (StandInModel model = StandInModel.start(Duration.ofMillis(300))) {
                    explain(
                            LlmSettings.builder()
                                    .provider(LlmProvider.OPENAI)
                                    .baseUrl(model.baseUrl())
                                    .model("stand-in")
                                    .build(),
                            dir,
                            System.out);
                }
            } else {
                explain(LlmSettings.fromEnvironment(), dir, System.out);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("llm-explain: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Runs the agent on a 10,000-row sample bill in {@code dir}, narrated as {@code settings} say, and prints it. */
    public static Report explain(LlmSettings settings, Path dir, PrintStream out) {
        UsageLedger usage = new UsageLedger();
        Narrator narrator = Narrators.create(settings, usage); // the template narrator when the provider is none
        out.println(
                settings.provider() == LlmProvider.NONE
                        ? "No provider configured (" + LlmSettings.PROVIDER + "): template explanations."
                        : "Explanations by " + narrator.name() + " at " + settings.baseUrl()
                                + ", checked against the facts.");
        SampleBilling sample = SampleBilling.of(42, 10_000);
        try (CostAgent agent = CostAgent.builder()
                .source(sample.writeFocusCsv(dir.resolve("billing.csv")))
                .utilization(sample.utilization(200))
                .narrator(narrator)
                .narratedRecommendations(3)
                .build()) {
            Report report = agent.run();
            for (Narrative n : report.narratives()) {
                out.println("[" + n.source().json() + "] " + n.subject());
                out.println("    " + n.text());
            }
            if (settings.provider() != LlmProvider.NONE) {
                UsageReport spent = usage.report(settings.prices());
                out.println("Model calls: " + spent.calls() + ", tokens: " + spent.total());
            }
            return report;
        }
    }
}
