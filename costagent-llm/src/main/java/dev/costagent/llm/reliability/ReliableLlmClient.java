package dev.costagent.llm.reliability;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Ticker;
import dev.costagent.llm.client.ErrorDetails;
import dev.costagent.llm.client.ForwardingLlmClient;
import dev.costagent.llm.client.LlmClient;
import dev.costagent.llm.client.LlmException;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.LlmTimeoutException;
import dev.costagent.llm.client.TokenListener;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a client with the reliability a production caller needs. A call goes, in order, through:
 *
 * <ol>
 *   <li>the response cache (a hit returns at once);
 *   <li>the circuit breaker (an open breaker fails at once);
 *   <li>the rate limiter and the concurrency limit;
 *   <li>the wrapped client, with what is left of the request's time budget;
 *   <li>on a retryable failure, a wait ({@link RetryPolicy}) and another attempt, while attempts and budget last.
 * </ol>
 *
 * <p>{@link LlmRequest#timeout()} is the budget of the whole call, waits and retries included. A streamed call is
 * retried only when no fragment reached the listener yet, so a listener never sees text twice.
 */
public final class ReliableLlmClient extends ForwardingLlmClient {

    private static final Logger LOG = LoggerFactory.getLogger(ReliableLlmClient.class);

    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Ticker ticker;
    private final DoubleSupplier jitter;
    private final Semaphore concurrency;
    private final RateLimiter rateLimiter;
    private final CircuitBreaker circuitBreaker;
    private final ResponseCache cache;

    private ReliableLlmClient(Builder builder) {
        super(builder.delegate);
        this.retryPolicy = builder.retryPolicy;
        this.sleeper = builder.sleeper;
        this.ticker = builder.ticker;
        this.jitter = builder.jitter;
        this.concurrency = builder.maxConcurrency > 0 ? new Semaphore(builder.maxConcurrency, true) : null;
        this.rateLimiter = builder.requestsPerSecond > 0 || builder.tokensPerMinute > 0
                ? new RateLimiter(builder.requestsPerSecond, builder.tokensPerMinute, builder.ticker)
                : null;
        this.circuitBreaker = builder.failureThreshold > 0
                ? new CircuitBreaker(builder.failureThreshold, builder.openDuration, builder.ticker)
                : null;
        this.cache = builder.cacheSize > 0 ? new ResponseCache(builder.cacheSize) : null;
    }

    /** A builder around {@code delegate}, with the defaults documented on each setter. */
    public static Builder builder(LlmClient delegate) {
        return new Builder(delegate);
    }

    /** The response cache's statistics; all zero when caching is off. */
    public CacheStatistics cacheStatistics() {
        return cache == null ? new CacheStatistics(0, 0, 0, 0) : cache.statistics();
    }

    /** The circuit breaker's state; {@code CLOSED} when there is no breaker. */
    public CircuitBreaker.State circuitState() {
        return circuitBreaker == null ? CircuitBreaker.State.CLOSED : circuitBreaker.state();
    }

    @Override
    protected LlmResponse call(LlmRequest request, TokenListener listener) {
        long start = ticker.read();
        if (cache != null) {
            LlmResponse hit = cache.get(name(), request);
            if (hit != null) {
                if (listener != null && !hit.text().isEmpty()) {
                    listener.onToken(hit.text());
                }
                return hit.withLatency(Duration.ofNanos(ticker.read() - start));
            }
        }
        long deadline = start + request.timeout().toNanos();
        AtomicBoolean delivered = new AtomicBoolean();
        TokenListener tracking = listener == null
                ? null
                : fragment -> {
                    delivered.set(true);
                    listener.onToken(fragment);
                };
        for (int attempt = 1; ; attempt++) {
            LlmException failure;
            try {
                LlmResponse response = attempt(request, tracking, deadline);
                if (cache != null) {
                    cache.put(name(), request, response);
                }
                return response;
            } catch (LlmException e) {
                failure = e;
            }
            Duration wait = waitBeforeRetry(failure, attempt, deadline, delivered.get());
            LOG.info(
                    "{} call failed ({}); retry {} of {} in {} ms",
                    name(),
                    failure.getMessage(),
                    attempt,
                    retryPolicy.maxAttempts() - 1,
                    wait.toMillis());
            pause(wait);
        }
    }

    /** The wait before the next attempt, or throws {@code failure} when there must be no next attempt. */
    private Duration waitBeforeRetry(LlmException failure, int attempt, long deadline, boolean delivered) {
        if (!failure.shouldRetry() || attempt >= retryPolicy.maxAttempts() || delivered) {
            throw failure;
        }
        Duration hint = failure.retryAfter();
        if (hint != null && hint.compareTo(retryPolicy.maxRetryAfter()) > 0) {
            LOG.warn(
                    "{} asked to wait {} ms, more than the {} ms we accept; giving up",
                    name(),
                    hint.toMillis(),
                    retryPolicy.maxRetryAfter().toMillis());
            throw failure;
        }
        // A provider-given wait gets up to 20% on top, never less, so that clients told the same instant spread out.
        Duration wait = hint != null
                ? retryPolicy.jitterAfter(hint, jitter.getAsDouble())
                : retryPolicy.backoff(attempt, jitter.getAsDouble());
        if (wait.toNanos() >= deadline - ticker.read()) {
            throw failure;
        }
        return wait;
    }

    /**
     * One attempt: wait for the rate limiter and a concurrency slot (client-side waits, which the circuit breaker
     * does not judge), then call the provider through the breaker with what is left of the budget.
     */
    private LlmResponse attempt(LlmRequest request, TokenListener listener, long deadline) {
        long estimatedTokens = request.estimatedInputTokens() + request.maxTokens();
        waitForRateLimit(estimatedTokens, deadline);
        boolean sent = false;
        try {
            acquirePermit(deadline);
            try {
                LlmRequest bounded = request.withTimeout(Duration.ofNanos(remaining(deadline)));
                if (circuitBreaker != null) {
                    circuitBreaker.acquire(name());
                }
                sent = true;
                LlmResponse response = callThroughBreaker(bounded, listener);
                if (rateLimiter != null) {
                    rateLimiter.adjustTokens(response.usage().total() - estimatedTokens);
                }
                return response;
            } finally {
                if (concurrency != null) {
                    concurrency.release();
                }
            }
        } finally {
            if (!sent && rateLimiter != null) {
                // The call never left: give the reservation back so that later calls do not wait for it.
                rateLimiter.cancel(estimatedTokens);
            }
        }
    }

    /** The call itself; the breaker, when there is one, has already admitted it. */
    private LlmResponse callThroughBreaker(LlmRequest request, TokenListener listener) {
        if (circuitBreaker == null) {
            return forward(request, listener);
        }
        try {
            LlmResponse response = forward(request, listener);
            circuitBreaker.onSuccess();
            return response;
        } catch (LlmException e) {
            circuitBreaker.onFailure(e);
            throw e;
        } catch (RuntimeException e) {
            // A bug or bad input on our side (e.g. an invalid JSON schema): not the provider's fault.
            circuitBreaker.release();
            throw e;
        }
    }

    private void waitForRateLimit(long estimatedTokens, long deadline) {
        if (rateLimiter == null) {
            return;
        }
        long wait = rateLimiter.reserve(estimatedTokens);
        if (wait <= 0) {
            return;
        }
        if (wait >= deadline - ticker.read()) {
            rateLimiter.cancel(estimatedTokens);
            throw new LlmTimeoutException(
                    "client-side rate limit wait of " + wait / 1_000_000 + " ms exceeds the time budget",
                    ErrorDetails.NONE);
        }
        pause(Duration.ofNanos(wait));
    }

    private void acquirePermit(long deadline) {
        if (concurrency == null) {
            return;
        }
        try {
            if (!concurrency.tryAcquire(remaining(deadline), TimeUnit.NANOSECONDS)) {
                throw new LlmTimeoutException("no free connection slot within the time budget", ErrorDetails.NONE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmTimeoutException("interrupted while waiting for a connection slot", ErrorDetails.NONE, e);
        }
    }

    private long remaining(long deadline) {
        long left = deadline - ticker.read();
        if (left <= 0) {
            throw new LlmTimeoutException("time budget spent", ErrorDetails.NONE);
        }
        return left;
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmTimeoutException("interrupted while waiting to retry", ErrorDetails.NONE, e);
        }
    }

    /** Configures a {@link ReliableLlmClient}. */
    public static final class Builder {
        private final LlmClient delegate;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Ticker ticker = Ticker.systemTicker();
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private int maxConcurrency = 8;
        private double requestsPerSecond;
        private double tokensPerMinute;
        private int failureThreshold = 5;
        private Duration openDuration = Duration.ofSeconds(30);
        private long cacheSize = 1000;

        private Builder(LlmClient delegate) {
            this.delegate = requireNonNull(delegate, "delegate");
        }

        /** Retries; default {@link RetryPolicy#DEFAULT}. */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = requireNonNull(value, "retryPolicy");
            return this;
        }

        /** How waits are spent; default real sleeping. Tests inject a recording sleeper. */
        public Builder sleeper(Sleeper value) {
            this.sleeper = requireNonNull(value, "sleeper");
            return this;
        }

        /** The time source for budgets, the rate limiter and the breaker; default the system ticker. */
        public Builder ticker(Ticker value) {
            this.ticker = requireNonNull(value, "ticker");
            return this;
        }

        /** Random numbers in [0, 1) for backoff jitter; default {@link ThreadLocalRandom}. */
        public Builder jitter(DoubleSupplier value) {
            this.jitter = requireNonNull(value, "jitter");
            return this;
        }

        /** The most calls in flight at once; default 8; 0 for no limit. */
        public Builder maxConcurrency(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxConcurrency must not be negative, was " + value);
            }
            this.maxConcurrency = value;
            return this;
        }

        /** Client-side rate limits; 0 (the default) means unlimited. */
        public Builder rateLimit(double newRequestsPerSecond, double newTokensPerMinute) {
            this.requestsPerSecond = newRequestsPerSecond;
            this.tokensPerMinute = newTokensPerMinute;
            return this;
        }

        /** The breaker opens after {@code threshold} consecutive failures for {@code open}; default 5 and 30 s. */
        public Builder circuitBreaker(int threshold, Duration open) {
            this.failureThreshold = threshold;
            this.openDuration = requireNonNull(open, "open");
            return this;
        }

        /** Turns the circuit breaker off. */
        public Builder noCircuitBreaker() {
            this.failureThreshold = 0;
            return this;
        }

        /** The most cached answers; default 1000; 0 turns caching off. */
        public Builder cacheSize(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("cacheSize must not be negative, was " + value);
            }
            this.cacheSize = value;
            return this;
        }

        /** Builds the client. */
        public ReliableLlmClient build() {
            return new ReliableLlmClient(this);
        }
    }
}
