package dev.costagent.llm.transport;

import dev.costagent.llm.client.ErrorDetails;
import dev.costagent.llm.client.LlmException;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.MalformedResponseException;

/** The decoded answer or the failure, so that decoding never throws inside the HTTP client's threads. */
record Outcome(LlmResponse response, LlmException error) {
    static Outcome succeeded(LlmResponse response) {
        return new Outcome(response, null);
    }

    static Outcome failed(LlmException error) {
        return new Outcome(null, error);
    }

    /**
     * The failure to report when decoding threw {@code e}: a typed provider failure as it is; anything else (a parser
     * or a bug) as a malformed answer, since the caller can only retry or give up either way.
     *
     * @param what what was being read, e.g. {@code "OpenAI stream"}
     */
    static LlmException decodingFailure(String what, RuntimeException e) {
        return e instanceof LlmException llm
                ? llm
                : new MalformedResponseException(
                        what + " could not be read: " + e.getClass().getSimpleName(), ErrorDetails.NONE, e);
    }
}
