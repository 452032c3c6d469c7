package dev.costagent.llm.client;

import static java.util.Objects.requireNonNull;

/**
 * A provider API key. It prints as {@code ApiKey[redacted]} so that it cannot reach a log line, an exception message
 * or a report through {@code toString()}; only provider adapters call {@link #reveal()}, to set a request header.
 */
public final class ApiKey {

    private static final String REDACTED = "[redacted]";

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /** Wraps a key; rejects blank ones with a message that does not echo the key. */
    public static ApiKey of(String value) {
        requireNonNull(value, "API key");
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("API key is blank");
        }
        return new ApiKey(trimmed);
    }

    /** The secret itself, for an authentication header. Never log it. */
    public String reveal() {
        return value;
    }

    /** Replaces every occurrence of this key in {@code text} by {@code [redacted]} (e.g. in a provider's message). */
    public String scrub(String text) {
        return text == null ? null : text.replace(value, REDACTED);
    }

    @Override
    public String toString() {
        return "ApiKey" + REDACTED;
    }
}
