package dev.costagent.llm.client;

/** The provider failed or is overloaded (HTTP 5xx, Anthropic 529 {@code overloaded_error}). Retryable. */
public final class ServerErrorException extends LlmException {

    private static final long serialVersionUID = 1L;

    /** A failure with provider details. */
    public ServerErrorException(String message, ErrorDetails details) {
        super(message, details, null);
    }

    /** A failure with provider details and a cause. */
    public ServerErrorException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    /** {@return true} */
    @Override
    public boolean retryable() {
        return true;
    }
}
