package dev.costagent.llm.client;

import java.time.Duration;

/**
 * What a provider said about a failure.
 *
 * @param status the HTTP status, or 0 when no response arrived
 * @param providerCode the provider's error code or type (e.g. {@code insufficient_quota},
 *     {@code rate_limit_error}); empty when absent
 * @param requestId the provider's request id; empty when absent
 * @param retryAfter how long the provider asked us to wait, or {@code null} when it gave no hint
 * @param shouldRetry the provider's {@code x-should-retry} header: {@code true} or {@code false} overrides whether
 *     the failure is retried (as the official SDKs do); {@code null} when absent
 */
public record ErrorDetails(
        int status, String providerCode, String requestId, Duration retryAfter, Boolean shouldRetry) {

    /** Details of a failure that produced no HTTP response. */
    public static final ErrorDetails NONE = new ErrorDetails(0, "", "", null, null);

    /** Absent strings become empty. */
    public ErrorDetails {
        providerCode = providerCode == null ? "" : providerCode;
        requestId = requestId == null ? "" : requestId;
    }

    /** Details without an {@code x-should-retry} header. */
    public ErrorDetails(int status, String providerCode, String requestId, Duration retryAfter) {
        this(status, providerCode, requestId, retryAfter, null);
    }

    /** Details with only an HTTP status. */
    public static ErrorDetails status(int status) {
        return new ErrorDetails(status, "", "", null);
    }
}
