package dev.costagent.llm.config;

import java.net.URI;
import java.util.Locale;

/** The supported providers, with the base URL and model used when none is configured. */
public enum LlmProvider {
    /** No model: the template narrator, no network. */
    NONE(null, null),
    /** OpenAI Chat Completions, or any compatible server (vLLM, llama.cpp, Ollama /v1, Groq, Azure OpenAI). */
    OPENAI("https://api.openai.com/v1", "gpt-4o-mini"),
    /** Ollama's native /api/chat. */
    OLLAMA("http://localhost:11434", "llama3.2"),
    /** Anthropic Messages. */
    ANTHROPIC("https://api.anthropic.com", "claude-haiku-4-5");

    private final String defaultBaseUrl;
    private final String defaultModel;

    LlmProvider(String defaultBaseUrl, String defaultModel) {
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
    }

    /** The base URL used when none is configured; {@code null} for {@link #NONE}. */
    public URI defaultBaseUrl() {
        return defaultBaseUrl == null ? null : URI.create(defaultBaseUrl);
    }

    /** The model used when none is configured; {@code null} for {@link #NONE}. */
    public String defaultModel() {
        return defaultModel;
    }

    /** The lower-case name used in configuration, e.g. {@code openai}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a configuration name, case-insensitively; a clear one-line error lists the valid names. */
    public static LlmProvider parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (LlmProvider provider : values()) {
            if (provider.configName().equals(wanted)) {
                return provider;
            }
        }
        throw new IllegalArgumentException(
                "unknown LLM provider '" + name + "': expected none, openai, ollama or anthropic");
    }
}
