package dev.costagent.examples.cli;

import dev.costagent.core.narrate.Narrator;
import dev.costagent.llm.accounting.UsageLedger;
import dev.costagent.llm.accounting.UsageReport;
import dev.costagent.llm.config.LlmProvider;
import dev.costagent.llm.config.LlmSettings;
import dev.costagent.llm.config.Narrators;
import dev.costagent.llm.narrate.LlmNarrator;
import dev.costagent.llm.narrate.NarrationStatistics;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The LLM flags shared by {@code analyze} and {@code explain}: {@code --llm openai|ollama|anthropic},
 * {@code --llm-base-url URL}, {@code --llm-model M}. They override {@code COSTAGENT_LLM_PROVIDER},
 * {@code COSTAGENT_LLM_BASE_URL} and {@code COSTAGENT_LLM_MODEL}; the API key comes only from the environment
 * ({@code COSTAGENT_LLM_API_KEY}, or the provider's own variable for its own API host), chosen once the provider is
 * known. With neither flag nor environment, narratives come from the offline template narrator: no network.
 *
 * <p>After a run, {@link #printUsage} writes the model's usage (calls, tokens, cache hits, estimated cost with the
 * price's source and date) on stderr and {@link #usageJson} gives the report's {@code llmUsage} entry.
 */
final class LlmOptions {

    @Option(
            names = "--llm",
            paramLabel = "PROVIDER",
            description = "Narrate with a model: openai, ollama or anthropic (none: offline templates).")
    String provider;

    @Option(
            names = "--llm-base-url",
            paramLabel = "URL",
            description = "Provider base URL as its SDK takes it, e.g. https://api.openai.com/v1.")
    String baseUrl;

    @Option(names = "--llm-model", paramLabel = "MODEL", description = "Model name.")
    String model;

    private LlmSettings resolved;
    private UsageLedger usage;
    private Narrator narrator;

    /** The settings: environment and system properties, overridden by the flags. */
    LlmSettings settings() {
        LlmSettings.Builder settings = LlmSettings.fromEnvironment().toBuilder();
        if (provider != null) {
            settings.provider(provider);
        }
        if (baseUrl != null) {
            settings.baseUrl(baseUrl);
        }
        if (model != null) {
            settings.model(model);
        }
        return settings.build();
    }

    /** The narrator these options ask for: a model narrator that falls back to templates, or the templates. */
    Narrator narrator() {
        if (narrator == null) {
            resolved = settings();
            usage = new UsageLedger();
            narrator = Narrators.create(resolved, usage);
        }
        return narrator;
    }

    /** Prints the model's usage on {@code err} (nothing for the offline templates). */
    void printUsage(PrintWriter err) {
        if (narrator == null || resolved.provider() == LlmProvider.NONE) {
            return;
        }
        err.println(resolved.provider().configName() + " " + resolved.model() + ": "
                + usage.report(resolved.prices()).describe());
        if (narrator instanceof LlmNarrator model) {
            NarrationStatistics statistics = model.statistics();
            err.println("LLM narratives: " + statistics.model() + " by the model, " + statistics.rejected()
                    + " rejected by the fact check, " + statistics.failed() + " failed (templates used instead)");
            model.disabledReason().ifPresent(reason -> err.println("LLM disabled: " + reason));
        }
        err.flush();
    }

    /** The report's {@code llmUsage} entry. */
    Map<String, Object> usageJson() {
        LlmProvider provider = resolved == null ? LlmProvider.NONE : resolved.provider();
        if (provider == LlmProvider.NONE) {
            return AnalyzeSupport.noLlmUsage();
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("provider", provider.configName());
        UsageReport report = usage.report(resolved.prices());
        json.put("model", resolved.model());
        json.put("calls", report.calls());
        json.put("cacheHits", report.cacheHits());
        json.put("inputTokens", report.total().input());
        json.put("cachedInputTokens", report.total().cached());
        json.put("outputTokens", report.total().output());
        boolean priced = report.unpricedModels().size() < report.byModel().size();
        json.put("estimatedCostUsd", priced ? report.dollars() : null);
        json.put("priceSource", report.priceSource().isEmpty() ? null : report.priceSource());
        json.put(
                "priceAsOf",
                report.priceAsOf() == null ? null : report.priceAsOf().toString());
        json.put("unpricedModels", report.unpricedModels());
        if (narrator instanceof LlmNarrator model) {
            NarrationStatistics statistics = model.statistics();
            json.put(
                    "narratives",
                    Map.of(
                            "model",
                            statistics.model(),
                            "rejected",
                            statistics.rejected(),
                            "failed",
                            statistics.failed()));
            json.put("disabledReason", model.disabledReason().orElse(null));
        }
        return json;
    }
}
