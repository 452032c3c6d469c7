package dev.costagent.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costagent.llm.client.InvalidRequestException;
import dev.costagent.llm.client.JsonSchemaFormat;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.MalformedResponseException;
import dev.costagent.llm.client.ModelNotFoundException;
import dev.costagent.llm.client.ServerErrorException;
import dev.costagent.llm.client.TokenUsage;
import dev.costagent.llm.provider.ollama.OllamaClient;
import dev.costagent.llm.testing.ScriptedServer;
import dev.costagent.llm.testing.ScriptedServer.Reply;
import dev.costagent.llm.transport.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Ollama native adapter against a loopback server speaking {@code /api/chat} and NDJSON. */
class OllamaClientTest {

    private final ScriptedServer server = ScriptedServer.start();
    private final OllamaClient client = new OllamaClient(Endpoint.of(server.url(""), null));

    @AfterEach
    void stop() {
        server.close();
    }

    private static LlmRequest request() {
        return LlmRequest.builder()
                .model("llama3.2")
                .systemPrompt("Be brief.")
                .user("Explain 42.")
                .maxTokens(50)
                .timeout(Duration.ofSeconds(5))
                .build();
    }

    @Test
    void sendsTheDocumentedRequestAndReadsTheAnswer() {
        server.enqueue(Reply.json(
                200,
                "{\"model\":\"llama3.2\",\"created_at\":\"2024-08-07T03:57:37Z\","
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"Spend rose 42.\"},\"done_reason\":\"stop\","
                        + "\"done\":true,\"total_duration\":4353619900,\"prompt_eval_count\":26,\"eval_count\":9}"));

        LlmResponse response = client.complete(LlmRequest.builder()
                .model("llama3.2")
                .user("Explain 42.")
                .jsonSchema(new JsonSchemaFormat("n", "{\"type\":\"object\"}"))
                .build());

        assertThat(response.text()).isEqualTo("Spend rose 42.");
        assertThat(response.finishReason()).isEqualTo("stop");
        assertThat(response.usage()).isEqualTo(new TokenUsage(26, 9, 0));
        assertThat(server.requests().get(0).path()).isEqualTo("/api/chat");
        JsonNode body = server.requests().get(0).json();
        assertThat(body.path("stream").asBoolean(true)).isFalse();
        assertThat(body.path("format").path("type").asText()).isEqualTo("object");
        assertThat(body.path("options").path("num_predict").asInt()).isEqualTo(512);
    }

    @Test
    void streamsNdjsonUntilDone() {
        server.enqueue(Reply.ndjson(
                "{\"model\":\"llama3.2\",\"created_at\":\"t\",\"message\":{\"role\":\"assistant\",\"content\":\"Spend\"},"
                        + "\"done\":false}",
                "{\"model\":\"llama3.2\",\"created_at\":\"t\",\"message\":{\"role\":\"assistant\",\"content\":\" rose\"},"
                        + "\"done\":false}",
                "{\"model\":\"llama3.2\",\"created_at\":\"t\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                        + "\"done_reason\":\"stop\",\"done\":true,\"prompt_eval_count\":10,\"eval_count\":2}"));
        List<String> fragments = new ArrayList<>();

        LlmResponse response = client.stream(request(), fragments::add);

        assertThat(fragments).containsExactly("Spend", " rose");
        assertThat(response.text()).isEqualTo("Spend rose");
        assertThat(response.usage()).isEqualTo(new TokenUsage(10, 2, 0));
        JsonNode body = server.requests().get(0).json();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
    }

    @Test
    void unknownModelIsOneClearError() {
        server.enqueue(Reply.json(404, "{\"error\":\"model 'llama9' not found, try pulling it first\"}"));

        assertThatThrownBy(() -> client.complete(request()))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("not found")
                .hasMessageContaining("--llm-model")
                .hasCauseInstanceOf(InvalidRequestException.class);
    }

    @Test
    void errorLineInsideTheStreamIsTyped() {
        server.enqueue(Reply.ndjson("{\"error\":\"an error was encountered while running the model\"}"));

        assertThatThrownBy(() -> client.stream(request(), f -> {})).isInstanceOf(ServerErrorException.class);
    }

    @Test
    void truncatedStreamIsMalformed() {
        server.enqueue(Reply.ndjson(
                "{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\",\"content\":\"Spend\"},\"done\":false}"));

        assertThatThrownBy(() -> client.stream(request(), f -> {}))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void malformedBodyIsMalformed() {
        server.enqueue(Reply.json(200, "<html>Bad Gateway</html>"));

        assertThatThrownBy(() -> client.complete(request())).isInstanceOf(MalformedResponseException.class);
    }
}
