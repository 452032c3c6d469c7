/**
 * Configuration and assembly: {@link dev.costagent.llm.config.LlmSettings} (a builder, or the environment and system
 * properties {@code COSTAGENT_LLM_PROVIDER}, {@code COSTAGENT_LLM_BASE_URL}, {@code COSTAGENT_LLM_MODEL},
 * {@code COSTAGENT_LLM_API_KEY}, ...) and {@link dev.costagent.llm.config.Narrators}, which returns the narrator to use:
 * the template narrator for provider {@code none} (no network), else a validated, reliable model narrator. Keys are
 * chosen per provider and host only once the provider is final ({@link dev.costagent.llm.config.ProviderKeys}).
 */
package dev.costagent.llm.config;
