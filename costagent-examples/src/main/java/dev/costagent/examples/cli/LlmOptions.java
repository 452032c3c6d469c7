package dev.costagent.examples.cli;

import dev.costagent.core.narrate.Narrator;
import dev.costagent.core.narrate.TemplateNarrator;
import picocli.CommandLine.Option;

/**
 * The LLM flags shared by {@code analyze} and {@code explain}: {@code --llm openai|ollama|anthropic},
 * {@code --llm-base-url URL}, {@code --llm-model M}. The API key comes only from the environment
 * ({@code COSTAGENT_LLM_API_KEY}). Without {@code --llm} (and without {@code COSTAGENT_LLM_PROVIDER}) narratives come
 * from the offline template narrator.
 */
final class LlmOptions {

    @Option(names = "--llm", paramLabel = "PROVIDER", description = "Narrate with a model: openai, ollama or anthropic.")
    String provider;

    @Option(names = "--llm-base-url", paramLabel = "URL",
            description = "Provider base URL as its SDK takes it, e.g. https://api.openai.com/v1.")
    String baseUrl;

    @Option(names = "--llm-model", paramLabel = "MODEL", description = "Model name.")
    String model;

    /** The narrator these options ask for. */
    Narrator narrator() {
        return new TemplateNarrator();
    }
}
