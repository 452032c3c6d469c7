package dev.costagent.llm.client;

/** The connection could not be opened or was reset before an answer arrived. Retryable. */
public final class ConnectionFailedException extends LlmException {

    private static final long serialVersionUID = 1L;

    /** A failure with provider details. */
    public ConnectionFailedException(String message, ErrorDetails details) {
        super(message, details, null);
    }

    /** A failure with provider details and a cause. */
    public ConnectionFailedException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    /** {@return true} */
    @Override
    public boolean retryable() {
        return true;
    }
}
