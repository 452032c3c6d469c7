package dev.costagent.llm.reliability;

import java.time.Duration;

/**
 * When and how long to wait before trying a failed call again.
 *
 * <p>Without a hint from the provider the wait grows exponentially ({@code initialBackoff * multiplier^(n-1)},
 * capped at {@code maxBackoff}) with "equal jitter": half of it fixed, half random, so that many clients that failed
 * together do not retry together. A provider hint ({@code Retry-After}, rate-limit reset) is obeyed with up to 20% added
 * (never less than asked, so that clients told the same instant spread out), unless it exceeds {@code maxRetryAfter}:
 * then the call fails at once rather than hang.
 *
 * @param maxAttempts the most attempts in all, the first included (1 disables retries)
 * @param initialBackoff the wait before the first retry, before jitter
 * @param multiplier how much each further wait grows
 * @param maxBackoff the cap on a computed wait
 * @param maxRetryAfter the longest provider-requested wait we accept
 */
public record RetryPolicy(
        int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff, Duration maxRetryAfter) {

    /** Four attempts, 500 ms doubling to at most 20 s, provider hints up to 60 s. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(20), Duration.ofSeconds(60));

    /** One attempt only. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO, Duration.ZERO);

    /** Checks the parts. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("retry durations must not be negative");
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
    }

    /** This policy with {@code maxAttempts} attempts in all and the same waits. */
    public RetryPolicy withMaxAttempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, maxRetryAfter);
    }

    /**
     * A provider-given wait with up to 20% added ({@code random} in [0, 1)), never less than asked.
     */
    public Duration jitterAfter(Duration hint, double random) {
        return hint.plusNanos(Math.round(hint.toNanos() * 0.2 * random));
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry).
     *
     * @param random a uniformly distributed number in [0, 1)
     */
    public Duration backoff(int retry, double random) {
        double base = Math.min(maxBackoff.toNanos(), initialBackoff.toNanos() * Math.pow(multiplier, retry - 1));
        return Duration.ofNanos(Math.round(base / 2 + random * base / 2));
    }
}
