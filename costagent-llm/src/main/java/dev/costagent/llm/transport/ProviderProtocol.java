package dev.costagent.llm.transport;

import dev.costagent.llm.client.ApiKey;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.TokenListener;
import java.net.http.HttpHeaders;

/**
 * How one provider encodes its answers and errors; extended by each provider adapter. It also knows the provider's
 * name and key, so that every message built from what the provider sent can name it and have the key scrubbed out.
 */
public abstract class ProviderProtocol {

    private final String displayName;
    private final ApiKey apiKey;

    /**
     * A protocol for the named provider.
     *
     * @param displayName the provider's name for error messages, e.g. {@code OpenAI}
     * @param apiKey the key to scrub from provider messages, or {@code null} when there is none
     */
    protected ProviderProtocol(String displayName, ApiKey apiKey) {
        this.displayName = displayName;
        this.apiKey = apiKey;
    }

    /** The provider's name for error messages, e.g. {@code OpenAI}. */
    public final String displayName() {
        return displayName;
    }

    /**
     * Decodes a whole (non-streamed) successful answer.
     *
     * @throws dev.costagent.llm.client.MalformedResponseException when the body is not the documented shape
     */
    public abstract LlmResponse decodeBody(byte[] body, HttpHeaders headers);

    /** Starts decoding a streamed successful answer; fragments go to {@code listener}. */
    public abstract StreamDecoder newStreamDecoder(HttpHeaders headers, TokenListener listener);

    /** Reads the provider's error body (which may be empty or not JSON at all). */
    public abstract ProviderError decodeError(int status, HttpHeaders headers, String body);

    /**
     * {@code text} with the API key replaced by {@code [redacted]}, because a provider may echo the key in a message
     * that then reaches the logs. {@code null} stays {@code null}.
     */
    protected final String scrub(String text) {
        return apiKey == null ? text : apiKey.scrub(text);
    }
}
