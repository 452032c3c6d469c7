package dev.costagent.llm.client;

/** The provider answered, but the answer could not be understood: malformed JSON, a missing field, or a stream that ended early. Not retried, since a streamed answer may already have been partly delivered. */
public final class MalformedResponseException extends LlmException {

    private static final long serialVersionUID = 1L;

    /** A failure with provider details. */
    public MalformedResponseException(String message, ErrorDetails details) {
        super(message, details, null);
    }

    /** A failure with provider details and a cause. */
    public MalformedResponseException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    /** {@return false} */
    @Override
    public boolean retryable() {
        return false;
    }
}
