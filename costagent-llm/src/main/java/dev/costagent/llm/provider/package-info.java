/**
 * Provider adapters, one sub-package each: {@code openai} (every OpenAI-compatible Chat Completions server),
 * {@code ollama} (native {@code /api/chat}) and {@code anthropic} (Messages API). Each is a
 * {@link dev.costagent.llm.transport.ProviderClient} built on the JDK HTTP client and Jackson, with no vendor SDK.
 */
package dev.costagent.llm.provider;
