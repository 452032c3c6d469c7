package dev.costagent.examples.cli;

import dev.costagent.core.narrate.Narrator;
import dev.costagent.llm.config.LlmSettings;
import dev.costagent.llm.config.Narrators;
import picocli.CommandLine.Option;

/**
 * The LLM flags shared by {@code analyze} and {@code explain}: {@code --llm openai|ollama|anthropic},
 * {@code --llm-base-url URL}, {@code --llm-model M}. They override {@code COSTAGENT_LLM_PROVIDER},
 * {@code COSTAGENT_LLM_BASE_URL} and {@code COSTAGENT_LLM_MODEL}; the API key comes only from the environment
 * ({@code COSTAGENT_LLM_API_KEY}). With neither flag nor environment, narratives come from the offline template
 * narrator: no network.
 */
final class LlmOptions {

    @Option(names = "--llm", paramLabel = "PROVIDER",
            description = "Narrate with a model: openai, ollama or anthropic (none: offline templates).")
    String provider;

    @Option(names = "--llm-base-url", paramLabel = "URL",
            description = "Provider base URL as its SDK takes it, e.g. https://api.openai.com/v1.")
    String baseUrl;

    @Option(names = "--llm-model", paramLabel = "MODEL", description = "Model name.")
    String model;

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
        return Narrators.create(settings());
    }
}
