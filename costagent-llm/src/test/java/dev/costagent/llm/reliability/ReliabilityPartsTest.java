package dev.costagent.llm.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.llm.client.CircuitOpenException;
import dev.costagent.llm.client.ErrorDetails;
import dev.costagent.llm.client.InvalidRequestException;
import dev.costagent.llm.client.LlmClient;
import dev.costagent.llm.client.LlmException;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.ServerErrorException;
import dev.costagent.llm.client.TokenListener;
import dev.costagent.llm.client.TokenUsage;
import dev.costagent.llm.testing.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Backoff, rate limiter, circuit breaker, cache and concurrency limit, each on its own contract. */
class ReliabilityPartsTest {

    private final FakeTime time = new FakeTime();

    private static LlmRequest request(String prompt) {
        return LlmRequest.builder().model("m").user(prompt).maxTokens(100).build();
    }

    private static LlmResponse answer(String text) {
        return new LlmResponse(text, "stop", new TokenUsage(10, 5, 0), "m", Duration.ZERO, "r");
    }

    /** A client whose every call runs {@code behaviour}, counting calls. */
    private static final class ScriptedClient implements LlmClient {
        final AtomicInteger calls = new AtomicInteger();
        final Supplier<LlmResponse> behaviour;

        ScriptedClient(Supplier<LlmResponse> behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public LlmResponse complete(LlmRequest request) {
            calls.incrementAndGet();
            return behaviour.get();
        }

        @Override
        public LlmResponse stream(LlmRequest request, TokenListener listener) {
            LlmResponse response = complete(request);
            listener.onToken(response.text());
            return response;
        }

        @Override
        public String name() {
            return "scripted";
        }
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndIsCapped() {
        RetryPolicy policy =
                new RetryPolicy(10, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(policy.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(policy.backoff(1, 1.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(3, 0.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(9, 0.999))
                .isLessThanOrEqualTo(Duration.ofSeconds(1))
                .isGreaterThan(Duration.ofMillis(990));
    }

    @Test
    void rateLimiterSpacesRequestsAndTokens() {
        RateLimiter limiter = new RateLimiter(2, 600, time);

        assertThat(limiter.reserve(10)).isZero();
        assertThat(limiter.reserve(10)).isZero();
        // Third request in the same instant: one request is 0.5 s at 2 req/s.
        assertThat(limiter.reserve(10)).isEqualTo(500_000_000L);
        time.advance(Duration.ofSeconds(10));
        // 600 tokens/min = 10 tokens/s; the bucket holds 600; asking 700 leaves a 100-token deficit = 10 s.
        assertThat(limiter.reserve(700)).isEqualTo(10_000_000_000L);
        limiter.adjustTokens(-100);
        assertThat(limiter.reserve(0)).isZero();
    }

    @Test
    void aCancelledReservationIsReturned() {
        RateLimiter limiter = new RateLimiter(1, 0, time);
        assertThat(limiter.reserve(0)).isZero();
        limiter.cancel(0);
        assertThat(limiter.reserve(0))
                .as("the returned request is available again at once")
                .isZero();
        assertThat(limiter.reserve(0)).as("without a refund the next one waits").isPositive();
    }

    @Test
    void aCallStoppedByAnOpenBreakerGivesItsRateLimitReservationBack() {
        LlmClient failing = new LlmClient() {
            @Override
            public LlmResponse complete(LlmRequest request) {
                throw new ServerErrorException("down", ErrorDetails.status(503));
            }

            @Override
            public LlmResponse stream(LlmRequest request, TokenListener listener) {
                return complete(request);
            }

            @Override
            public String name() {
                return "failing";
            }
        };
        ReliableLlmClient client = ReliableLlmClient.builder(failing)
                .sleeper(time)
                .ticker(time)
                .retryPolicy(RetryPolicy.NONE)
                .rateLimit(1, 0)
                .circuitBreaker(1, Duration.ofMinutes(5))
                .cacheSize(0)
                .build();
        LlmRequest request = LlmRequest.builder()
                .model("m")
                .user("x")
                .timeout(Duration.ofSeconds(1))
                .build();
        assertThatThrownBy(() -> client.complete(request)).isInstanceOf(ServerErrorException.class);
        time.advance(Duration.ofSeconds(1));

        for (int i = 0; i < 5; i++) {
            // Open breaker: the call never happens, so its rate-limit reservation must not pile up.
            assertThatThrownBy(() -> client.complete(request)).isInstanceOf(CircuitOpenException.class);
        }
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void unlimitedRateLimiterNeverWaits() {
        RateLimiter limiter = new RateLimiter(0, 0, time);
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.reserve(1_000_000)).isZero();
        }
    }

    @Test
    void circuitOpensAfterConsecutiveFailuresThenHalfOpens() {
        AtomicInteger failuresLeft = new AtomicInteger(3);
        ScriptedClient provider = new ScriptedClient(() -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new ServerErrorException("down", ErrorDetails.status(503));
            }
            return answer("up");
        });
        ReliableLlmClient client = ReliableLlmClient.builder(provider)
                .retryPolicy(RetryPolicy.NONE)
                .circuitBreaker(3, Duration.ofSeconds(30))
                .cacheSize(0)
                .ticker(time)
                .sleeper(time)
                .build();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.complete(request("x"))).isInstanceOf(ServerErrorException.class);
        }
        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> client.complete(request("x"))).isInstanceOf(CircuitOpenException.class);
        assertThat(provider.calls).hasValue(3);

        time.advance(Duration.ofSeconds(31));
        assertThat(client.complete(request("x")).text()).isEqualTo("up");
        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void failedTrialReopensTheBreakerAndRequestErrorsDoNotCount() {
        CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofSeconds(10), time);
        LlmException outage = new ServerErrorException("down", ErrorDetails.status(500));
        LlmException badRequest = new InvalidRequestException("bad", ErrorDetails.status(400));

        breaker.acquire("c");
        breaker.onFailure(outage);
        breaker.acquire("c");
        breaker.onFailure(badRequest);
        breaker.acquire("c");
        breaker.onFailure(outage);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        breaker.acquire("c");
        breaker.onFailure(outage);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);

        time.advance(Duration.ofSeconds(10));
        breaker.acquire("c");
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThatThrownBy(() -> breaker.acquire("c"))
                .isInstanceOf(CircuitOpenException.class)
                .hasMessageContaining("trial");
        breaker.onFailure(outage);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void aBugOnOurSideDoesNotWedgeAHalfOpenBreaker() {
        AtomicInteger calls = new AtomicInteger();
        ScriptedClient provider = new ScriptedClient(() -> {
            int call = calls.incrementAndGet();
            if (call == 1) {
                throw new ServerErrorException("down", ErrorDetails.status(503));
            }
            if (call == 2) {
                throw new IllegalArgumentException("JSON schema is not valid JSON");
            }
            return answer("up");
        });
        ReliableLlmClient client = ReliableLlmClient.builder(provider)
                .retryPolicy(RetryPolicy.NONE)
                .circuitBreaker(1, Duration.ofSeconds(5))
                .cacheSize(0)
                .ticker(time)
                .sleeper(time)
                .build();

        assertThatThrownBy(() -> client.complete(request("x"))).isInstanceOf(ServerErrorException.class);
        time.advance(Duration.ofSeconds(5));
        assertThatThrownBy(() -> client.complete(request("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(client.complete(request("x")).text()).isEqualTo("up");
    }

    @Test
    void cacheAnswersRepeatsAndCountsHitsMissesAndEvictions() {
        ScriptedClient provider = new ScriptedClient(() -> answer("cached"));
        ReliableLlmClient client =
                ReliableLlmClient.builder(provider).cacheSize(2).build();

        client.complete(request("a"));
        client.complete(request("a"));
        client.complete(request("a").withTimeout(Duration.ofSeconds(3)));
        List<String> streamed = new ArrayList<>();
        client.stream(request("a"), streamed::add);
        client.complete(request("b"));
        client.complete(request("c"));

        assertThat(provider.calls).hasValue(3);
        assertThat(streamed).containsExactly("cached");
        CacheStatistics stats = client.cacheStatistics();
        assertThat(stats.hits()).isEqualTo(3);
        assertThat(stats.misses()).isEqualTo(3);
        assertThat(stats.evictions()).isEqualTo(1);
        assertThat(stats.size()).isEqualTo(2);
        assertThat(stats.hitRate()).isEqualTo(0.5);
    }

    @Test
    void cacheKeyIncludesModelAndParameters() {
        ScriptedClient provider = new ScriptedClient(() -> answer("x"));
        ReliableLlmClient client = ReliableLlmClient.builder(provider).build();

        client.complete(request("a"));
        client.complete(
                LlmRequest.builder().model("other").user("a").maxTokens(100).build());
        client.complete(LlmRequest.builder().model("m").user("a").maxTokens(101).build());
        client.complete(LlmRequest.builder()
                .model("m")
                .user("a")
                .maxTokens(100)
                .temperature(0.7)
                .build());
        client.complete(LlmRequest.builder()
                .model("m")
                .systemPrompt("s")
                .user("a")
                .maxTokens(100)
                .build());

        assertThat(provider.calls).hasValue(5);
    }

    @Test
    void concurrencyLimitBoundsCallsInFlight() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ScriptedClient provider = new ScriptedClient(() -> {
            maxSeen.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return answer("ok");
        });
        ReliableLlmClient client = ReliableLlmClient.builder(provider)
                .maxConcurrency(3)
                .cacheSize(0)
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<LlmResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> client.complete(request("p"))));
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> inFlight.get() == 3);
            release.countDown();
            for (Future<LlmResponse> call : calls) {
                assertThat(call.get(5, TimeUnit.SECONDS).text()).isEqualTo("ok");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(maxSeen).hasValue(3);
        assertThat(provider.calls).hasValue(8);
    }

    @Test
    void clientSideWaitsBeyondTheBudgetFailWithoutJudgingTheProvider() {
        ScriptedClient provider = new ScriptedClient(() -> answer("ok"));
        ReliableLlmClient client = ReliableLlmClient.builder(provider)
                .rateLimit(0.1, 0)
                .cacheSize(0)
                .circuitBreaker(1, Duration.ofMinutes(1))
                .ticker(time)
                .sleeper(time)
                .build();
        LlmRequest shortBudget = request("a").withTimeout(Duration.ofSeconds(2));

        client.complete(shortBudget);
        assertThatThrownBy(() -> client.complete(shortBudget))
                .isInstanceOf(dev.costagent.llm.client.LlmTimeoutException.class)
                .hasMessageContaining("rate limit");

        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(provider.calls).hasValue(1);
    }

    @Test
    void rateLimitWaitIsSpentThroughTheSleeper() {
        ScriptedClient provider = new ScriptedClient(() -> answer("ok"));
        ReliableLlmClient client = ReliableLlmClient.builder(provider)
                .rateLimit(1, 0)
                .cacheSize(0)
                .ticker(time)
                .sleeper(time)
                .build();

        client.complete(request("a"));
        client.complete(request("a"));
        client.complete(request("a"));

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }
}
