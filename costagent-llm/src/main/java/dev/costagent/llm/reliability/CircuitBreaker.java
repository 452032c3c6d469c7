package dev.costagent.llm.reliability;

import com.google.common.base.Ticker;
import dev.costagent.llm.client.CircuitOpenException;
import dev.costagent.llm.client.ErrorDetails;
import dev.costagent.llm.client.LlmException;
import dev.costagent.llm.client.MalformedResponseException;
import dev.costagent.llm.client.RateLimitedException;
import java.time.Duration;

/**
 * Stops calling a provider that keeps failing. Closed, it lets every call through and counts consecutive outage
 * failures (server errors, timeouts, broken connections, unreadable answers); at the threshold it opens and refuses
 * calls at once for {@code openDuration}; then it half-opens and lets one trial call through, which closes it on
 * success or opens it again on failure. Rejections of the request itself (400, 401, 429) prove the provider is up
 * and count as success here.
 */
public final class CircuitBreaker {

    /** The breaker's state. */
    public enum State {
        /** Calls go through. */
        CLOSED,
        /** Calls are refused. */
        OPEN,
        /** One trial call goes through. */
        HALF_OPEN
    }

    private final int failureThreshold;
    private final long openNanos;
    private final Ticker ticker;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    /** A closed breaker that opens after {@code failureThreshold} consecutive failures. */
    public CircuitBreaker(int failureThreshold, Duration openDuration, Ticker ticker) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1, was " + failureThreshold);
        }
        this.failureThreshold = failureThreshold;
        this.openNanos = openDuration.toNanos();
        this.ticker = ticker;
    }

    /** Lets a call through, or throws {@link CircuitOpenException}. */
    public synchronized void acquire(String clientName) {
        if (state == State.OPEN) {
            if (ticker.read() - openedAt < openNanos) {
                throw new CircuitOpenException(
                        "circuit breaker for " + clientName + " is open after " + failureThreshold
                                + " consecutive failures",
                        ErrorDetails.NONE);
            }
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        if (state == State.HALF_OPEN) {
            if (trialInFlight) {
                throw new CircuitOpenException(
                        "circuit breaker for " + clientName + " is half-open and a trial call is in flight",
                        ErrorDetails.NONE);
            }
            trialInFlight = true;
        }
    }

    /** Records a successful call. */
    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    /** Records a failed call; only outage failures count towards opening. */
    public synchronized void onFailure(LlmException failure) {
        if (!isOutage(failure)) {
            onSuccess();
            return;
        }
        trialInFlight = false;
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = ticker.read();
        }
    }

    /** Gives back a trial slot after a call that failed for a reason that says nothing about the provider. */
    public synchronized void release() {
        trialInFlight = false;
    }

    /** The current state (an open breaker whose time is up still reads OPEN until the next call). */
    public synchronized State state() {
        return state;
    }

    private static boolean isOutage(LlmException failure) {
        return failure.retryable() && !(failure instanceof RateLimitedException)
                || failure instanceof MalformedResponseException;
    }
}
