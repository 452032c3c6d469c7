package dev.costagent.llm.transport;

/**
 * A provider's description of a failed call.
 *
 * @param code the provider's error code or type; empty when absent
 * @param message the provider's human-readable message; empty when absent
 * @param quotaExhausted whether the failure means money or quota ran out (never worth retrying)
 * @param requestId the provider's request id; empty when absent
 */
public record ProviderError(String code, String message, boolean quotaExhausted, String requestId) {

    /** Absent strings become empty. */
    public ProviderError {
        code = code == null ? "" : code;
        message = message == null ? "" : message;
        requestId = requestId == null ? "" : requestId;
    }
}
