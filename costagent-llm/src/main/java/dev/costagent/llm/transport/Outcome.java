package dev.costagent.llm.transport;

import dev.costagent.llm.client.LlmException;
import dev.costagent.llm.client.LlmResponse;

/** The decoded answer or the failure, so that decoding never throws inside the HTTP client's threads. */
record Outcome(LlmResponse response, LlmException error) {
    static Outcome succeeded(LlmResponse response) {
        return new Outcome(response, null);
    }

    static Outcome failed(LlmException error) {
        return new Outcome(null, error);
    }
}
