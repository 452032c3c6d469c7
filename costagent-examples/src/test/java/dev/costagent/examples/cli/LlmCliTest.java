package dev.costagent.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junitpioneer.jupiter.SetSystemProperty;

/** {@code --llm} wiring end to end against a local OpenAI-compatible server: model narratives, key never printed. */
class LlmCliTest {

    private static final String KEY = "sk-test-secret-123";

    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<String> authorization = new AtomicReference<>();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            calls.incrementAndGet();
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            byte[] body =
                    ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{\"index\":0,"
                                    + "\"message\":{\"role\":\"assistant\",\"content\":\"Spending is steady; see the table for the "
                                    + "figures.\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":8,"
                                    + "\"total_tokens\":18}}")
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    @SetSystemProperty(key = "COSTAGENT_LLM_API_KEY", value = KEY)
    void analyzeWithLlmMarksModelNarratives() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CostagentCli.run(
                new String[] {
                    "analyze",
                    "--quiet",
                    "--format",
                    "json",
                    "--llm",
                    "openai",
                    "--llm-base-url",
                    base,
                    "--llm-model",
                    "m"
                },
                new PrintWriter(out),
                new PrintWriter(err));

        assertThat(code).as(err.toString()).isZero();
        JsonNode narratives = new ObjectMapper().readTree(out.toString()).get("narratives");
        assertThat(narratives).isNotEmpty();
        for (JsonNode narrative : narratives) {
            assertThat(narrative.get("source").asText()).isEqualTo("model");
            assertThat(narrative.get("text").asText()).isEqualTo("Spending is steady; see the table for the figures.");
        }
        assertThat(calls.get()).isEqualTo(narratives.size());
        assertThat(authorization.get()).isEqualTo("Bearer " + KEY);
        assertThat(out.toString() + err).doesNotContain(KEY);
        JsonNode usage = new ObjectMapper().readTree(out.toString()).get("llmUsage");
        assertThat(usage.get("provider").asText()).isEqualTo("openai");
        assertThat(usage.get("calls").asLong()).isEqualTo(calls.get());
        assertThat(usage.get("inputTokens").asLong()).isEqualTo(10L * calls.get());
        assertThat(usage.get("outputTokens").asLong()).isEqualTo(8L * calls.get());
        assertThat(usage.get("narratives").get("model").asLong()).isEqualTo(narratives.size());
        assertThat(err.toString())
                .contains("openai m: LLM usage: " + calls.get() + " calls")
                .contains("cost unknown (no price configured for m");
    }

    @Test
    @SetSystemProperty(key = "COSTAGENT_LLM_API_KEY", value = KEY)
    @SetSystemProperty(key = "COSTAGENT_LLM_PRICES", value = "m=1.00/2.00; source=test price list; asOf=2026-12-01")
    void explainPrintsTheModelsUsageAndPricedCostOnStderr() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CostagentCli.run(
                new String[] {"explain", "--quiet", "--llm", "openai", "--llm-base-url", base, "--llm-model", "m"},
                new PrintWriter(out),
                new PrintWriter(err));

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("[model]");
        assertThat(err.toString())
                .contains("LLM usage: " + calls.get() + " calls")
                .contains("estimated cost $")
                .contains("(prices: test price list, 2026-12-01)");
    }

    @Test
    void withoutLlmTheReportSaysNoModelWasUsed() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CostagentCli.run(
                new String[] {"analyze", "--quiet", "--format", "json"}, new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(err.toString()).isZero();
        assertThat(new ObjectMapper()
                        .readTree(out.toString())
                        .get("llmUsage")
                        .get("provider")
                        .asText())
                .isEqualTo("none");
        assertThat(err.toString()).doesNotContain("LLM usage");
        assertThat(calls.get()).isZero();
    }
}
