package dev.costagent.llm.config;

import dev.costagent.llm.client.ApiKey;
import java.net.URI;
import java.util.Locale;

/**
 * The API keys and identities found in the configuration, from which the key for a call is chosen only once the final
 * provider and host are known, so that a key is never sent to a provider it was not issued by.
 *
 * <p>{@code explicit} ({@code COSTAGENT_LLM_API_KEY}, or a key set in code) goes to whatever provider is configured:
 * the user named it for costagent. A vendor's own variable goes only to that vendor's API host: {@code OPENAI_API_KEY}
 * to {@code api.openai.com}, {@code AZURE_OPENAI_API_KEY} to Azure OpenAI hosts, {@code ANTHROPIC_API_KEY} to
 * {@code api.anthropic.com}. Keys print as {@code ApiKey[redacted]}.
 *
 * @param explicit costagent's own key, or {@code null}
 * @param openAi {@code OPENAI_API_KEY}, or {@code null}
 * @param azureOpenAi {@code AZURE_OPENAI_API_KEY}, or {@code null}
 * @param anthropic {@code ANTHROPIC_API_KEY}, or {@code null}
 * @param openAiOrganization {@code OPENAI_ORG_ID}, sent as {@code OpenAI-Organization} to api.openai.com only
 * @param openAiProject {@code OPENAI_PROJECT_ID}, sent as {@code OpenAI-Project} to api.openai.com only
 */
public record ProviderKeys(
        ApiKey explicit,
        ApiKey openAi,
        ApiKey azureOpenAi,
        ApiKey anthropic,
        String openAiOrganization,
        String openAiProject) {

    /** No keys at all. */
    public static final ProviderKeys NONE = new ProviderKeys(null, null, null, null, null, null);

    /** Only costagent's own key. */
    public static ProviderKeys explicit(ApiKey key) {
        return new ProviderKeys(key, null, null, null, null, null);
    }

    /** These keys with another explicit key. */
    public ProviderKeys withExplicit(ApiKey key) {
        return new ProviderKeys(key, openAi, azureOpenAi, anthropic, openAiOrganization, openAiProject);
    }

    /** The key to send to {@code provider} at {@code baseUrl}, or {@code null} for none. */
    public ApiKey choose(LlmProvider provider, URI baseUrl) {
        if (explicit != null) {
            return explicit;
        }
        if (baseUrl == null || baseUrl.getHost() == null) {
            return null;
        }
        String host = baseUrl.getHost().toLowerCase(Locale.ROOT);
        return switch (provider) {
            case OPENAI -> host.equals("api.openai.com") ? openAi : host.endsWith(".azure.com") ? azureOpenAi : null;
            case ANTHROPIC -> host.equals("api.anthropic.com") ? anthropic : null;
            case OLLAMA, NONE -> null;
        };
    }

    /** The variable a user should set for {@code provider} at {@code baseUrl}, for error messages. */
    static String variableFor(LlmProvider provider, URI baseUrl) {
        String host = baseUrl == null || baseUrl.getHost() == null
                ? ""
                : baseUrl.getHost().toLowerCase(Locale.ROOT);
        return switch (provider) {
            case OPENAI ->
                host.equals("api.openai.com")
                        ? "OPENAI_API_KEY or " + LlmSettings.API_KEY
                        : host.endsWith(".azure.com")
                                ? "AZURE_OPENAI_API_KEY or " + LlmSettings.API_KEY
                                : LlmSettings.API_KEY;
            case ANTHROPIC ->
                host.equals("api.anthropic.com") ? "ANTHROPIC_API_KEY or " + LlmSettings.API_KEY : LlmSettings.API_KEY;
            case OLLAMA, NONE -> LlmSettings.API_KEY;
        };
    }
}
