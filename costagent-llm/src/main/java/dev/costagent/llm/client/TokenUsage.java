package dev.costagent.llm.client;

/**
 * Tokens consumed by one or more calls.
 *
 * @param input prompt tokens, including cached ones
 * @param output generated tokens
 * @param cached prompt tokens served from the provider's prompt cache (a subset of {@code input})
 */
public record TokenUsage(long input, long output, long cached) {

    /** No tokens. */
    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0);

    /** Rejects negative counts. */
    public TokenUsage {
        if (input < 0 || output < 0 || cached < 0) {
            throw new IllegalArgumentException(
                    "token counts must not be negative: " + input + "/" + output + "/" + cached);
        }
    }

    /** Input plus output tokens. */
    public long total() {
        return input + output;
    }

    /** The sum of this and another usage. */
    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(input + other.input, output + other.output, cached + other.cached);
    }
}
