package dev.costagent.llm.transport;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.costagent.llm.client.ApiKey;
import dev.costagent.llm.client.AuthenticationException;
import dev.costagent.llm.client.ConnectionFailedException;
import dev.costagent.llm.client.ErrorDetails;
import dev.costagent.llm.client.InvalidRequestException;
import dev.costagent.llm.client.LlmException;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.LlmTimeoutException;
import dev.costagent.llm.client.MalformedResponseException;
import dev.costagent.llm.client.QuotaExceededException;
import dev.costagent.llm.client.RateLimitedException;
import dev.costagent.llm.client.ServerErrorException;
import dev.costagent.llm.client.TokenListener;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one request and returns the decoded answer, or throws a typed {@link LlmException}.
 *
 * <p>The whole exchange (connect, headers and body, streamed or not) must finish within the given time budget; when it
 * does not, the exchange is cancelled and {@link LlmTimeoutException} is thrown. Streamed bodies are decoded line by
 * line as they arrive, on the HTTP client's threads, so a stalled stream never blocks a caller past its budget.
 */
public final class HttpTransport {

    private static final int MAX_MESSAGE_LENGTH = 300;

    private final HttpClient client;
    private final Clock clock;
    private final ApiKey apiKey;

    /**
     * A transport on the given client.
     *
     * @param client the HTTP client (its version and connect timeout are the caller's choice)
     * @param clock the wall clock, to turn {@code Retry-After} dates into waits
     * @param apiKey the key to scrub from provider messages, or {@code null} when there is none
     */
    public HttpTransport(HttpClient client, Clock clock, ApiKey apiKey) {
        this.client = client;
        this.clock = clock;
        this.apiKey = apiKey;
    }

    /** An HTTP client with the given protocol version and connect timeout. */
    public static HttpClient newHttpClient(HttpClient.Version version, Duration connectTimeout) {
        return HttpClient.newBuilder().version(version).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Sends {@code request} and decodes the answer with {@code protocol}.
     *
     * @param listener receives streamed fragments; {@code null} for a whole (non-streamed) answer
     */
    public LlmResponse exchange(HttpRequest request, Duration budget, ProviderProtocol protocol,
            TokenListener listener) {
        long start = System.nanoTime();
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        AtomicReference<LineForwarder> forwarder = new AtomicReference<>();
        BodyHandler<Outcome> handler = info -> bodySubscriber(info, protocol, listener, result, forwarder);
        CompletableFuture<HttpResponse<Outcome>> sent = client.sendAsync(request, handler);
        sent.whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(response.body());
            }
        });
        Outcome outcome;
        try {
            outcome = result.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            cancel(sent, forwarder);
            throw new LlmTimeoutException(protocol.displayName() + " gave no complete answer within "
                    + budget.toMillis() + " ms", ErrorDetails.NONE);
        } catch (InterruptedException e) {
            cancel(sent, forwarder);
            Thread.currentThread().interrupt();
            throw new LlmTimeoutException("interrupted while waiting for " + protocol.displayName(),
                    ErrorDetails.NONE, e);
        } catch (ExecutionException e) {
            cancel(sent, forwarder);
            throw translate(e.getCause(), protocol);
        }
        if (outcome.error() != null) {
            cancel(sent, forwarder);
            throw outcome.error();
        }
        return outcome.response().withLatency(Duration.ofNanos(System.nanoTime() - start));
    }

    private HttpResponse.BodySubscriber<Outcome> bodySubscriber(ResponseInfo info, ProviderProtocol protocol,
            TokenListener listener, CompletableFuture<Outcome> result, AtomicReference<LineForwarder> forwarder) {
        int status = info.statusCode();
        if (status < 200 || status > 299) {
            return BodySubscribers.mapping(BodySubscribers.ofString(UTF_8),
                    body -> Outcome.failed(failure(status, info.headers(), body, protocol)));
        }
        if (listener == null) {
            return BodySubscribers.mapping(BodySubscribers.ofByteArray(),
                    body -> decodeWhole(protocol, body, info.headers()));
        }
        LineForwarder lines = new LineForwarder(protocol.newStreamDecoder(info.headers(), listener), result,
                protocol.displayName());
        forwarder.set(lines);
        return BodySubscribers.fromLineSubscriber(lines, LineForwarder::finish, UTF_8, null);
    }

    private static Outcome decodeWhole(ProviderProtocol protocol, byte[] body, HttpHeaders headers) {
        try {
            return Outcome.succeeded(protocol.decodeBody(body, headers));
        } catch (LlmException e) {
            return Outcome.failed(e);
        } catch (RuntimeException e) {
            return Outcome.failed(new MalformedResponseException(
                    protocol.displayName() + " answer could not be read: " + e.getClass().getSimpleName(),
                    ErrorDetails.NONE, e));
        }
    }

    /** Turns an HTTP error answer into the matching typed exception. */
    private LlmException failure(int status, HttpHeaders headers, String body, ProviderProtocol protocol) {
        ProviderError error;
        try {
            error = protocol.decodeError(status, headers, body);
        } catch (RuntimeException unreadable) {
            error = new ProviderError("", "", false, "");
        }
        ErrorDetails details = new ErrorDetails(status, error.code(), error.requestId(),
                RetryHints.from(headers, clock, status == 429));
        String message = protocol.displayName() + " refused the request"
                + (error.message().isEmpty() ? "" : ": " + cap(scrub(error.message())));
        if (error.quotaExhausted() || status == 402) {
            return new QuotaExceededException(message, details);
        }
        if (status == 401 || status == 403) {
            return new AuthenticationException(message, details);
        }
        if (status == 408) {
            return new LlmTimeoutException(message, details);
        }
        if (status == 429) {
            return new RateLimitedException(message, details);
        }
        if (status >= 500) {
            return new ServerErrorException(message, details);
        }
        return new InvalidRequestException(message, details);
    }

    private LlmException translate(Throwable failure, ProviderProtocol protocol) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof LlmException llm) {
            return llm;
        }
        if (cause instanceof HttpTimeoutException) {
            return new LlmTimeoutException(protocol.displayName() + " timed out: " + scrub(cause.getMessage()),
                    ErrorDetails.NONE, cause);
        }
        if (cause instanceof ConnectException) {
            return new ConnectionFailedException("could not connect to " + protocol.displayName(),
                    ErrorDetails.NONE, cause);
        }
        if (cause instanceof IOException) {
            return new ConnectionFailedException("connection to " + protocol.displayName() + " failed: "
                    + cap(scrub(String.valueOf(cause.getMessage()))), ErrorDetails.NONE, cause);
        }
        return new MalformedResponseException("unexpected failure talking to " + protocol.displayName() + ": "
                + cause.getClass().getSimpleName(), ErrorDetails.NONE, cause);
    }

    private static void cancel(CompletableFuture<?> sent, AtomicReference<LineForwarder> forwarder) {
        LineForwarder lines = forwarder.get();
        if (lines != null) {
            lines.cancel();
        }
        sent.cancel(true);
    }

    private String scrub(String text) {
        return apiKey == null || text == null ? text : apiKey.scrub(text);
    }

    private static String cap(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_MESSAGE_LENGTH ? oneLine : oneLine.substring(0, MAX_MESSAGE_LENGTH) + "…";
    }

    /** The decoded answer or the failure, so that decoding never throws inside the HTTP client's threads. */
    record Outcome(LlmResponse response, LlmException error) {
        static Outcome succeeded(LlmResponse response) {
            return new Outcome(response, null);
        }

        static Outcome failed(LlmException error) {
            return new Outcome(null, error);
        }
    }

    /** Feeds body lines to a {@link StreamDecoder}; reports a decoding failure at once rather than at body end. */
    static final class LineForwarder implements Flow.Subscriber<String> {
        private final StreamDecoder decoder;
        private final CompletableFuture<Outcome> result;
        private final String providerName;
        private volatile Flow.Subscription subscription;
        private volatile LlmException failure;

        LineForwarder(StreamDecoder decoder, CompletableFuture<Outcome> result, String providerName) {
            this.decoder = decoder;
            this.result = result;
            this.providerName = providerName;
        }

        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            this.subscription = newSubscription;
            newSubscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (failure != null) {
                return;
            }
            try {
                decoder.onLine(line);
            } catch (LlmException e) {
                fail(e);
            } catch (RuntimeException e) {
                fail(new MalformedResponseException(providerName + " stream could not be read: "
                        + e.getClass().getSimpleName(), ErrorDetails.NONE, e));
            }
        }

        @Override
        public void onError(Throwable error) {
            // The body future completes exceptionally; the transport translates the cause.
        }

        @Override
        public void onComplete() {
            // The finisher builds the outcome.
        }

        Outcome finish() {
            if (failure != null) {
                return Outcome.failed(failure);
            }
            try {
                return Outcome.succeeded(decoder.finish());
            } catch (LlmException e) {
                return Outcome.failed(e);
            } catch (RuntimeException e) {
                return Outcome.failed(new MalformedResponseException(providerName + " stream could not be read: "
                        + e.getClass().getSimpleName(), ErrorDetails.NONE, e));
            }
        }

        void cancel() {
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }

        private void fail(LlmException e) {
            failure = e;
            result.complete(Outcome.failed(e));
            cancel();
        }
    }
}
