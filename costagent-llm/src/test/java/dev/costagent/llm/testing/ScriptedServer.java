package dev.costagent.llm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A real HTTP server on loopback that answers with scripted replies, in order, and records every request. Replies can
 * stream their body in chunks, wait before answering (simulated provider latency) or stall mid-body until the server
 * closes (a provider slower than any deadline).
 */
public final class ScriptedServer implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and delayed
        // ACKs add milliseconds to every small answer and would be measured as client overhead.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final LongAdder responderNanos = new LongAdder();
    private volatile Function<Recorded, Reply> fallback =
            request -> Reply.json(599, "{\"error\":\"no scripted reply\"}");

    private ScriptedServer(int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "scripted-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A started server with 16 handler threads. */
    public static ScriptedServer start() {
        return start(16);
    }

    /** A started server with the given number of handler threads. */
    public static ScriptedServer start(int threads) {
        try {
            return new ScriptedServer(threads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:port} followed by {@code path}. */
    public URI url(String path) {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + path);
    }

    /** Queues replies, answered in order. */
    public ScriptedServer enqueue(Reply... next) {
        replies.addAll(List.of(next));
        return this;
    }

    /** How to answer once the queue is empty. */
    public ScriptedServer otherwise(Function<Recorded, Reply> responder) {
        this.fallback = responder;
        return this;
    }

    /** Every request so far, in arrival order. */
    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Total time spent computing replies with the {@link #otherwise} responder (server-side work). */
    public long responderNanos() {
        return responderNanos.sum();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            String query = exchange.getRequestURI().getRawQuery();
            Recorded recorded = new Recorded(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query),
                    headers,
                    new String(body, StandardCharsets.UTF_8));
            synchronized (requests) {
                requests.add(recorded);
            }
            Reply reply = replies.poll();
            if (reply == null) {
                long start = System.nanoTime();
                reply = fallback.apply(recorded);
                responderNanos.add(System.nanoTime() - start);
            }
            if (!reply.delay().isZero()) {
                // Simulated provider latency (the remote model "thinking"), not work done by the code under test.
                Thread.sleep(reply.delay().toMillis());
            }
            reply.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            if (reply.chunks().size() == 1 && reply.stall() == null) {
                byte[] bytes = reply.chunks().get(0).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
                exchange.getResponseBody().write(bytes);
                return;
            }
            exchange.sendResponseHeaders(reply.status(), 0);
            OutputStream out = exchange.getResponseBody();
            for (String chunk : reply.chunks()) {
                out.write(chunk.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            if (reply.stall() != null) {
                closing.await(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientWentAway) {
            // The client cancelled (e.g. its deadline passed): nothing to answer.
        }
    }

    /** A request as the server saw it; header names in lower case. */
    public record Recorded(String method, String path, Map<String, List<String>> headers, String body) {

        /** The first value of a header, or {@code null}. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The body as JSON. */
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A scripted reply.
     *
     * @param status the HTTP status
     * @param headers response headers
     * @param chunks body parts, each flushed separately
     * @param delay a wait before answering
     * @param stall non-null to keep the body open after the chunks until the server closes
     */
    public record Reply(int status, Map<String, String> headers, List<String> chunks, Duration delay, Object stall) {

        /** A JSON reply. */
        public static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), List.of(body), Duration.ZERO, null);
        }

        /** A server-sent-events reply; each argument is one event's text, including its blank-line terminator. */
        public static Reply sse(String... events) {
            return new Reply(200, Map.of("Content-Type", "text/event-stream"), List.of(events), Duration.ZERO, null);
        }

        /** A newline-delimited JSON reply, one line per argument. */
        public static Reply ndjson(String... lines) {
            List<String> chunks = new ArrayList<>();
            for (String line : lines) {
                chunks.add(line + "\n");
            }
            return new Reply(200, Map.of("Content-Type", "application/x-ndjson"), chunks, Duration.ZERO, null);
        }

        /** The same reply with an extra header. */
        public Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, chunks, delay, stall);
        }

        /** The same reply after a wait. */
        public Reply after(Duration wait) {
            return new Reply(status, headers, chunks, wait, stall);
        }

        /** The same reply, whose body then stays open until the server closes. */
        public Reply thenStall() {
            return new Reply(status, headers, chunks, delay, Boolean.TRUE);
        }
    }
}
