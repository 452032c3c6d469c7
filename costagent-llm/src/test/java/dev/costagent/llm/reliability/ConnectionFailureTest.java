package dev.costagent.llm.reliability;

import static dev.costagent.llm.testing.Wire.anthropicError;
import static dev.costagent.llm.testing.Wire.anthropicMessage;
import static dev.costagent.llm.testing.Wire.openAiCompletion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.llm.client.ApiKey;
import dev.costagent.llm.client.ConnectionFailedException;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.provider.anthropic.AnthropicClient;
import dev.costagent.llm.provider.openai.OpenAiClient;
import dev.costagent.llm.testing.FakeTime;
import dev.costagent.llm.testing.ScriptedServer;
import dev.costagent.llm.testing.ScriptedServer.Reply;
import dev.costagent.llm.transport.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Broken connections, overloaded providers and HTTP version choice, through the reliable client. */
class ConnectionFailureTest {

    private final FakeTime time = new FakeTime();

    private static LlmRequest request() {
        return LlmRequest.builder()
                .model("m")
                .user("Explain 42.")
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    /** Accepts connections on loopback; drops the first {@code drops} without a byte, answers the rest. */
    private static final class DroppingServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();
        final Thread acceptor;

        DroppingServer(int drops, String body) throws IOException {
            socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
            acceptor = new Thread(
                    () -> {
                        while (!socket.isClosed()) {
                            try (Socket connection = socket.accept()) {
                                if (connections.incrementAndGet() <= drops) {
                                    readRequest(connection.getInputStream());
                                    continue;
                                }
                                readRequest(connection.getInputStream());
                                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                                OutputStream out = connection.getOutputStream();
                                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                                + bytes.length + "\r\nConnection: close\r\n\r\n")
                                        .getBytes(StandardCharsets.US_ASCII));
                                out.write(bytes);
                                out.flush();
                            } catch (IOException closed) {
                                return;
                            }
                        }
                    },
                    "dropping-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI url(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        private static void readRequest(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.append((char) b);
            }
            String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
            int at = lower.indexOf("content-length:");
            int length = at < 0
                    ? 0
                    : Integer.parseInt(
                            lower.substring(at + 15, lower.indexOf("\r\n", at)).strip());
            in.readNBytes(length);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void droppedConnectionsAreRetriedUntilAnAnswerComes() throws Exception {
        try (DroppingServer server = new DroppingServer(1, openAiCompletion("ok"))) {
            ReliableLlmClient client = ReliableLlmClient.builder(new OpenAiClient(Endpoint.of(server.url("/v1"), null)))
                    .sleeper(time)
                    .ticker(time)
                    .cacheSize(0)
                    .build();

            assertThat(client.complete(request()).text()).isEqualTo("ok");
            assertThat(server.connections.get()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void connectionsThatKeepDroppingAreRetriedThenReported() throws Exception {
        try (DroppingServer server = new DroppingServer(Integer.MAX_VALUE, "")) {
            ReliableLlmClient client = ReliableLlmClient.builder(new OpenAiClient(Endpoint.of(server.url("/v1"), null)))
                    .retryPolicy(
                            new RetryPolicy(3, Duration.ofMillis(100), 2, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                    .sleeper(time)
                    .ticker(time)
                    .cacheSize(0)
                    .build();

            assertThatThrownBy(() -> client.complete(request())).isInstanceOf(ConnectionFailedException.class);
            // The JDK client may itself reconnect once per attempt; every attempt of ours is one wait apart.
            assertThat(time.sleeps()).hasSize(2);
            assertThat(server.connections.get()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void refusedConnectionIsTypedAndRetryable() throws Exception {
        URI closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + probe.getLocalPort() + "/v1");
        }
        OpenAiClient client = new OpenAiClient(Endpoint.of(closedPort, null));

        assertThatThrownBy(() -> client.complete(request()))
                .isInstanceOfSatisfying(
                        ConnectionFailedException.class,
                        e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void overloadedAnthropicIsRetriedThenSucceeds() {
        try (ScriptedServer server = ScriptedServer.start()) {
            server.enqueue(
                    Reply.json(529, anthropicError("overloaded_error", "Overloaded")),
                    Reply.json(200, anthropicMessage("ok")));
            ReliableLlmClient client = ReliableLlmClient.builder(
                            new AnthropicClient(Endpoint.of(server.url(""), ApiKey.of("sk-ant-x"))))
                    .sleeper(time)
                    .ticker(time)
                    .jitter(() -> 0)
                    .cacheSize(0)
                    .build();

            assertThat(client.complete(request()).text()).isEqualTo("ok");
            assertThat(time.sleeps()).containsExactly(Duration.ofMillis(250));
        }
    }

    @Test
    void requestTimeout408IsRetried() {
        try (ScriptedServer server = ScriptedServer.start()) {
            server.enqueue(Reply.json(408, "{}"), Reply.json(200, openAiCompletion("ok")));
            ReliableLlmClient client = ReliableLlmClient.builder(new OpenAiClient(Endpoint.of(server.url("/v1"), null)))
                    .sleeper(time)
                    .ticker(time)
                    .cacheSize(0)
                    .build();

            assertThat(client.complete(request()).text()).isEqualTo("ok");
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void httpVersionIsSelectable() {
        try (ScriptedServer server = ScriptedServer.start()) {
            server.otherwise(request -> Reply.json(200, openAiCompletion("ok")));
            for (HttpClient.Version version : HttpClient.Version.values()) {
                new OpenAiClient(new Endpoint(
                                server.url("/v1"), null, version, Duration.ofSeconds(2), Clock.systemUTC()))
                        .complete(request());
            }

            // HTTP/2 over cleartext asks to upgrade (h2c); HTTP/1.1 never does, for servers that choke on it.
            assertThat(server.requests().get(0).header("upgrade")).isNull();
            assertThat(server.requests().get(1).header("upgrade")).isEqualTo("h2c");
        }
    }
}
