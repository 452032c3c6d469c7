package dev.costagent.llm.transport;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.costagent.llm.client.AuthenticationException;
import dev.costagent.llm.client.ConnectionFailedException;
import dev.costagent.llm.client.ErrorDetails;
import dev.costagent.llm.client.InvalidRequestException;
import dev.costagent.llm.client.LlmException;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.LlmTimeoutException;
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
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Sends one request and returns the decoded answer, or throws a typed {@link LlmException}.
 *
 * <p>The whole exchange (connect, headers and body, streamed or not) must finish within the given time budget; when it
 * does not, the exchange is cancelled and {@link LlmTimeoutException} is thrown. Streamed bodies are decoded line by
 * line as they arrive, so a stalled stream never blocks a caller past its budget, and a stream that reports an error
 * fails the call at once.
 */
public final class HttpTransport {

    private static final int MAX_MESSAGE_LENGTH = 300;

    private final HttpClient client;
    private final Clock clock;

    /**
     * A transport on the given client.
     *
     * @param client the HTTP client (its version and connect timeout are the caller's choice)
     * @param clock the wall clock, to turn {@code Retry-After} dates into waits
     */
    public HttpTransport(HttpClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** An HTTP client with the given protocol version and connect timeout, and the JVM's proxy settings. */
    public static HttpClient newHttpClient(HttpClient.Version version, Duration connectTimeout) {
        return newHttpClient(version, connectTimeout, null);
    }

    /** An HTTP client with the given version, connect timeout and proxy ({@code null}: the JVM's default). */
    public static HttpClient newHttpClient(
            HttpClient.Version version, Duration connectTimeout, java.net.ProxySelector proxy) {
        return HttpClient.newBuilder()
                .version(version)
                .connectTimeout(connectTimeout)
                .proxy(proxy == null ? java.net.ProxySelector.getDefault() : proxy)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends {@code request} and decodes the answer with {@code protocol}.
     *
     * <p>The call blocks in {@link HttpClient#send}, which hands the answer straight to this thread (the asynchronous
     * API adds a hop through the client's executor to every call). The request timeout bounds the wait for the
     * headers; a {@link DeadlineBody} bounds the body with what is left of the budget.
     *
     * @param request the request, with {@code budget} as its timeout
     * @param listener receives streamed fragments; {@code null} for a whole (non-streamed) answer
     */
    public LlmResponse exchange(
            HttpRequest request, Duration budget, ProviderProtocol protocol, TokenListener listener) {
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        HttpResponse<Outcome> response;
        try {
            response = client.send(request, info -> bodySubscriber(info, protocol, listener, deadline));
        } catch (IOException e) {
            throw translate(e, protocol, budget);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmTimeoutException(
                    "interrupted while waiting for " + protocol.displayName(), ErrorDetails.NONE, e);
        }
        Outcome outcome = response.body();
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return outcome.response().withLatency(Duration.ofNanos(System.nanoTime() - start));
    }

    private HttpResponse.BodySubscriber<Outcome> bodySubscriber(
            ResponseInfo info, ProviderProtocol protocol, TokenListener listener, long deadline) {
        DeadlineBody body = new DeadlineBody(deadline - System.nanoTime());
        int status = info.statusCode();
        if (status < 200 || status > 299) {
            return body.wrap(BodySubscribers.mapping(
                    BodySubscribers.ofString(UTF_8),
                    text -> Outcome.failed(failure(status, info.headers(), text, protocol))));
        }
        if (listener == null) {
            return body.wrap(BodySubscribers.mapping(
                    BodySubscribers.ofByteArray(), bytes -> decodeWhole(protocol, bytes, info.headers())));
        }
        LineForwarder lines =
                new LineForwarder(protocol.newStreamDecoder(info.headers(), listener), body, protocol.displayName());
        return body.wrap(BodySubscribers.fromLineSubscriber(lines, LineForwarder::finish, UTF_8, null));
    }

    private static Outcome decodeWhole(ProviderProtocol protocol, byte[] body, HttpHeaders headers) {
        try {
            return Outcome.succeeded(protocol.decodeBody(body, headers));
        } catch (RuntimeException e) {
            return Outcome.failed(Outcome.decodingFailure(protocol.displayName() + " answer", e));
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
        ErrorDetails details = new ErrorDetails(
                status,
                error.code(),
                error.requestId(),
                RetryHints.from(headers, clock, status == 429),
                RetryHints.shouldRetry(headers));
        String message = protocol.displayName() + " refused the request"
                + (error.message().isEmpty() ? "" : ": " + cap(protocol.scrub(error.message())));
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

    private LlmException translate(IOException failure, ProviderProtocol protocol, Duration budget) {
        for (Throwable inner = failure; inner != null; inner = inner.getCause()) {
            if (inner instanceof LlmException llm) {
                return llm;
            }
            if (inner instanceof TimeoutException) {
                return new LlmTimeoutException(
                        protocol.displayName() + " gave no complete answer within " + budget.toMillis() + " ms",
                        ErrorDetails.NONE);
            }
        }
        if (failure instanceof HttpTimeoutException) {
            return new LlmTimeoutException(
                    protocol.displayName() + " timed out: " + protocol.scrub(failure.getMessage()),
                    ErrorDetails.NONE,
                    failure);
        }
        if (failure instanceof ConnectException) {
            return new ConnectionFailedException(
                    "could not connect to " + protocol.displayName(), ErrorDetails.NONE, failure);
        }
        return new ConnectionFailedException(
                "connection to " + protocol.displayName() + " failed: "
                        + cap(protocol.scrub(String.valueOf(failure.getMessage()))),
                ErrorDetails.NONE,
                failure);
    }

    private static String cap(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_MESSAGE_LENGTH ? oneLine : oneLine.substring(0, MAX_MESSAGE_LENGTH) + "…";
    }
}
