package dev.costagent.examples.llm;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for a language model: an OpenAI-compatible Chat Completions endpoint on the loopback interface that
 * answers after a fixed latency by restating the facts it was given (so every number it writes is one of the facts,
 * and costagent's fact check accepts it). It lets the model path be tried and measured without a provider or a
 * network: the latency is the time a remote model would take, and the answer is held back by a timer rather than a
 * blocked thread, so hundreds of requests can wait at once, as they would on a real provider.
 *
 * <pre>{@code
 * try (StandInModel model = StandInModel.start(Duration.ofMillis(300))) {
 *     LlmSettings settings = LlmSettings.builder().provider("openai").baseUrl(model.baseUrl()).model("stand-in").build();
 *     Narrator narrator = Narrators.create(settings);
 * }
 * }</pre>
 */
public final class StandInModel implements AutoCloseable {

    /** How many facts an answer restates at most. */
    private static final int FACTS_PER_ANSWER = 4;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService timer;
    private final Duration latency;
    private final AtomicLong requests = new AtomicLong();

    private StandInModel(Duration latency) throws IOException {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + latency);
        }
        this.latency = latency;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        this.handlers = Executors.newFixedThreadPool(2, daemon("stand-in-model-http"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("stand-in-model-latency"));
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    /**
     * Starts a stand-in on an ephemeral loopback port.
     *
     * @param latency how long each answer takes, like a remote model's response time
     * @throws UncheckedIOException when no loopback port can be bound
     */
    public static StandInModel start(Duration latency) {
        try {
            return new StandInModel(latency);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stand-in model on loopback: " + e.getMessage(), e);
        }
    }

    /** The base URL to configure, as the OpenAI SDKs take it: {@code http://127.0.0.1:PORT/v1}. */
    public URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/v1");
    }

    /** The answer latency. */
    public Duration latency() {
        return latency;
    }

    /** How many completion requests it has received. */
    public long requests() {
        return requests.get();
    }

    /** Stops the server and its timer. */
    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        requests.incrementAndGet();
        int status;
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            JsonNode request = mapper.readTree(in);
            if (!"POST".equals(exchange.getRequestMethod())) {
                status = 405;
                body = error("only POST is supported");
            } else if (request.path("stream").asBoolean(false)) {
                status = 400;
                body = error("the stand-in model does not stream");
            } else {
                status = 200;
                body = completion(request);
            }
        } catch (IOException | RuntimeException e) {
            status = 400;
            body = error("unreadable request: " + e.getMessage());
        }
        int finalStatus = status;
        String finalBody = body;
        timer.schedule(() -> respond(exchange, finalStatus, finalBody), latency.toNanos(), TimeUnit.NANOSECONDS);
    }

    private String completion(JsonNode request) throws IOException {
        String prompt = userMessage(request);
        String answer = restate(prompt);
        ObjectNode root = mapper.createObjectNode();
        root.put("id", "chatcmpl-stand-in-" + requests.get());
        root.put("object", "chat.completion");
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", request.path("model").asText("stand-in"));
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", answer);
        choice.put("finish_reason", "stop");
        ObjectNode usage = root.putObject("usage");
        int promptTokens = Math.max(1, prompt.length() / 4);
        int completionTokens = Math.max(1, answer.length() / 4);
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        return mapper.writeValueAsString(root);
    }

    private static String userMessage(JsonNode request) {
        String text = "";
        for (JsonNode message : request.path("messages")) {
            if ("user".equals(message.path("role").asText())) {
                text = message.path("content").asText("");
            }
        }
        return text;
    }

    /** Restates up to a few plain facts of the fenced JSON block, values only (names may hold digits). */
    private String restate(String prompt) throws IOException {
        int open = prompt.indexOf("<facts-");
        int start = open < 0 ? -1 : prompt.indexOf('>', open) + 1;
        int end = open < 0 ? -1 : prompt.indexOf("</facts-", start);
        if (open < 0 || end < 0) {
            return "The stand-in model found no facts to explain.";
        }
        JsonNode document = mapper.readTree(prompt.substring(start, end));
        StringBuilder answer = new StringBuilder("Stand-in model on ")
                .append(document.path("topic").asText("facts"))
                .append(':');
        int written = 0;
        for (Map.Entry<String, JsonNode> fact : document.path("facts").properties()) {
            JsonNode value = fact.getValue();
            // Like a real model under costagent's prompt, it writes figures as slots; the narrator renders them.
            if (written < FACTS_PER_ANSWER
                    && value.isValueNode()
                    && !value.isNull()
                    && fact.getKey().matches("[A-Za-z][\\w.]*")) {
                // The fact's name in words says what the figure is ("monthly savings", "expected").
                answer.append(written == 0 ? " " : "; ")
                        .append(fact.getKey()
                                .replaceAll("([a-z])([A-Z])", "$1 $2")
                                .toLowerCase(java.util.Locale.ROOT))
                        .append(" {")
                        .append(fact.getKey())
                        .append('}');
                written++;
            }
        }
        return answer.append('.').toString();
    }

    private String error(String message) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", "invalid_request_error");
        return root.toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) {
        byte[] bytes = body.getBytes(UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client went away (e.g. its deadline passed); nothing is left to answer
        } finally {
            exchange.close();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
