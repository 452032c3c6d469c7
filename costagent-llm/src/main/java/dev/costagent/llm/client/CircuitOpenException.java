package dev.costagent.llm.client;

/** The circuit breaker is open after repeated failures: the call was not sent. Not retried; try again after the breaker half-opens. */
public final class CircuitOpenException extends LlmException {

    private static final long serialVersionUID = 1L;

    /** A failure with provider details. */
    public CircuitOpenException(String message, ErrorDetails details) {
        super(message, details, null);
    }

    /** A failure with provider details and a cause. */
    public CircuitOpenException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    /** {@return false} */
    @Override
    public boolean retryable() {
        return false;
    }
}
