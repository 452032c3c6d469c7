package dev.costagent.llm.transport;

import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.TokenListener;
import java.net.http.HttpHeaders;

/** How one provider encodes its answers and errors; implemented by each provider adapter. */
public interface ProviderProtocol {

    /** The provider's name for error messages, e.g. {@code OpenAI}. */
    String displayName();

    /**
     * Decodes a whole (non-streamed) successful answer.
     *
     * @throws dev.costagent.llm.client.MalformedResponseException when the body is not the documented shape
     */
    LlmResponse decodeBody(byte[] body, HttpHeaders headers);

    /** Starts decoding a streamed successful answer; fragments go to {@code listener}. */
    StreamDecoder newStreamDecoder(HttpHeaders headers, TokenListener listener);

    /** Reads the provider's error body (which may be empty or not JSON at all). */
    ProviderError decodeError(int status, HttpHeaders headers, String body);
}
