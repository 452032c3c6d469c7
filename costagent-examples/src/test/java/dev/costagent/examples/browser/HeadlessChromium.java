package dev.costagent.examples.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A headless Chromium (the distribution's package) driven over the DevTools protocol with the JDK's HTTP client
 * WebSocket: no Selenium, no driver binary, nothing downloaded. One browser process per instance; {@link #close()}
 * ends it (only the process this class started).
 */
final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> CANDIDATES = List.of(
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome",
            "/usr/bin/google-chrome-stable");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<JsonNode>> listeners = Collections.synchronizedList(new ArrayList<>());

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** The browser binary: {@code -Dcostagent.chromium=...}, else the usual Debian/Ubuntu paths. */
    static Optional<Path> find() {
        String configured = System.getProperty("costagent.chromium", System.getenv("CHROMIUM"));
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Starts the browser with a fresh profile and connects to it. */
    static HeadlessChromium start(Path binary) throws Exception {
        Path profile = Files.createTempDirectory("costagent-chromium-");
        Process p = new ProcessBuilder(
                        binary.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-extensions",
                        "--hide-scrollbars",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile,
                        "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        Path portFile = profile.resolve("DevToolsActivePort");
        Instant deadline = Instant.now().plus(TIMEOUT);
        // the browser writes its port when it listens: wait for that file (or the process to die)
        while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).size() < 2) {
            if (!p.isAlive() || Instant.now().isAfter(deadline)) {
                p.destroyForcibly();
                throw new IOException("Chromium did not start (exit " + (p.isAlive() ? "none" : p.exitValue())
                        + "); log: " + profile.resolve("chromium.log"));
            }
            Thread.sleep(50);
        }
        List<String> lines = Files.readAllLines(portFile);
        URI uri = URI.create(
                "ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
        HeadlessChromium[] self = new HeadlessChromium[1];
        WebSocket ws = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(TIMEOUT)
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder buffer = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        buffer.append(data);
                        if (last) {
                            String message = buffer.toString();
                            buffer.setLength(0);
                            self[0].dispatch(message);
                        }
                        webSocket.request(1);
                        return null;
                    }
                })
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return self[0] = new HeadlessChromium(p, profile, ws);
    }

    private void dispatch(String message) {
        JsonNode node;
        try {
            node = JSON.readTree(message);
        } catch (IOException e) {
            return;
        }
        if (node.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(node.get("id").asInt());
            if (f != null) {
                if (node.has("error")) {
                    f.completeExceptionally(new IllegalStateException("DevTools error: " + node.get("error")));
                } else {
                    f.complete(node.get("result"));
                }
            }
        } else {
            synchronized (listeners) {
                new ArrayList<>(listeners).forEach(l -> l.accept(node));
            }
        }
    }

    /** Sends a command (to a session when {@code sessionId} is not null) and waits for its result. */
    JsonNode send(String sessionId, String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id).put("method", method).set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            msg.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        pending.put(id, result);
        socket.sendText(msg.toString(), true).join();
        try {
            return result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(method + " failed: " + e.getMessage(), e);
        }
    }

    /** Receives every event (method, params, sessionId) from now on. */
    void listen(Consumer<JsonNode> listener) {
        listeners.add(listener);
    }

    /** Stops receiving events. */
    void unlisten(Consumer<JsonNode> listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the process is ended below either way
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The temporary profile directory. */
    Path profile() {
        return profile;
    }
}
