package dev.costagent.llm.client;

/**
 * Sends one chat request to a language model. The extension point for providers (OpenAI-compatible, Ollama,
 * Anthropic) and for decorators that add reliability or accounting around them.
 *
 * <p>Implementations are safe to call from many threads at once. Failures are reported as {@link LlmException}
 * subtypes, never as raw I/O or parsing exceptions, and never carry an API key.
 */
public interface LlmClient {

    /** Sends the request and waits for the whole answer. */
    LlmResponse complete(LlmRequest request);

    /**
     * Sends the request as a stream: {@code listener} receives each text fragment as it arrives, and the aggregated
     * answer (text, finish reason, usage) is returned at the end.
     */
    LlmResponse stream(LlmRequest request, TokenListener listener);

    /** A short name for logs and reports, e.g. {@code openai}. */
    String name();
}
