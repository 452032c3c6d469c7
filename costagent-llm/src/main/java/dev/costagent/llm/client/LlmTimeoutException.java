package dev.costagent.llm.client;

/** No complete answer arrived within the time budget (or the provider answered HTTP 408). Retryable while budget remains. */
public final class LlmTimeoutException extends LlmException {

    private static final long serialVersionUID = 1L;

    /** A failure with provider details. */
    public LlmTimeoutException(String message, ErrorDetails details) {
        super(message, details, null);
    }

    /** A failure with provider details and a cause. */
    public LlmTimeoutException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    /** {@return true} */
    @Override
    public boolean retryable() {
        return true;
    }
}
