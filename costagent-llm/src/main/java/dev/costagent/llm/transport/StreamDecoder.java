package dev.costagent.llm.transport;

import dev.costagent.llm.client.LlmResponse;

/** Decodes one streamed answer, line by line. Used by one thread at a time. */
public interface StreamDecoder {

    /**
     * Consumes one line of the body (without its line terminator).
     *
     * @throws dev.costagent.llm.client.LlmException when the line is malformed or reports an error
     */
    void onLine(String line);

    /**
     * Called when the body ended: the aggregated answer.
     *
     * @throws dev.costagent.llm.client.MalformedResponseException when the stream ended before its documented end
     */
    LlmResponse finish();
}
