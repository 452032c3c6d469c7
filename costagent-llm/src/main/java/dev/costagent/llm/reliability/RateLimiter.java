package dev.costagent.llm.reliability;

import com.google.common.base.Ticker;

/**
 * A client-side limit on requests per second and tokens per minute, so that a burst of narrations stays under the
 * provider's quota instead of collecting 429s.
 *
 * <p>Two token buckets, refilled continuously, each holding at most one period's worth. A caller reserves one request
 * and its estimated tokens and is told how long to wait; reservations may overdraw the buckets, which makes later
 * callers wait in turn. Once the real usage is known, {@link #adjustTokens(long)} settles the difference.
 */
public final class RateLimiter {

    private final double requestsPerNano;
    private final double tokensPerNano;
    private final double requestCapacity;
    private final double tokenCapacity;
    private final Ticker ticker;
    private double requests;
    private double tokens;
    private long lastRefill;

    /**
     * A limiter; a rate of 0 or less means "unlimited" for that dimension.
     *
     * @param requestsPerSecond sustained requests per second
     * @param tokensPerMinute sustained tokens (input plus output) per minute
     */
    public RateLimiter(double requestsPerSecond, double tokensPerMinute, Ticker ticker) {
        this.requestsPerNano = requestsPerSecond / 1e9;
        this.tokensPerNano = tokensPerMinute / 60e9;
        this.requestCapacity = Math.max(1, requestsPerSecond);
        this.tokenCapacity = Math.max(1, tokensPerMinute);
        this.ticker = ticker;
        this.requests = requestCapacity;
        this.tokens = tokenCapacity;
        this.lastRefill = ticker.read();
    }

    /** Reserves one request and {@code estimatedTokens}; returns how many nanoseconds to wait before sending. */
    public synchronized long reserve(long estimatedTokens) {
        refill();
        long wait = 0;
        if (requestsPerNano > 0) {
            requests -= 1;
            wait = Math.max(wait, deficitNanos(requests, requestsPerNano));
        }
        if (tokensPerNano > 0) {
            tokens -= estimatedTokens;
            wait = Math.max(wait, deficitNanos(tokens, tokensPerNano));
        }
        return wait;
    }

    /** Returns a reservation whose call never happened (circuit open, no slot in time, budget spent). */
    public synchronized void cancel(long estimatedTokens) {
        refill();
        if (requestsPerNano > 0) {
            requests = Math.min(requestCapacity, requests + 1);
        }
        if (tokensPerNano > 0) {
            tokens = Math.min(tokenCapacity, tokens + estimatedTokens);
        }
    }

    /** Settles a reservation once the real token count is known ({@code delta = actual - estimated}). */
    public synchronized void adjustTokens(long delta) {
        if (tokensPerNano > 0) {
            refill();
            tokens = Math.min(tokenCapacity, tokens - delta);
        }
    }

    private void refill() {
        long now = ticker.read();
        long elapsed = now - lastRefill;
        lastRefill = now;
        if (elapsed <= 0) {
            return;
        }
        requests = Math.min(requestCapacity, requests + elapsed * requestsPerNano);
        tokens = Math.min(tokenCapacity, tokens + elapsed * tokensPerNano);
    }

    private static long deficitNanos(double available, double perNano) {
        return available >= 0 ? 0 : (long) Math.ceil(-available / perNano);
    }
}
