package dev.costagent.llm.config;

import static dev.costagent.llm.testing.Wire.anthropicMessage;
import static dev.costagent.llm.testing.Wire.openAiCompletion;
import static dev.costagent.llm.testing.Wire.openAiError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.core.narrate.Facts;
import dev.costagent.core.narrate.NarrativeSource;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.narrate.LlmNarrator;
import dev.costagent.llm.provider.openai.OpenAiClient;
import dev.costagent.llm.testing.ScriptedServer;
import dev.costagent.llm.testing.ScriptedServer.Recorded;
import dev.costagent.llm.testing.ScriptedServer.Reply;
import dev.costagent.llm.transport.Endpoint;
import dev.costagent.llm.transport.EnvironmentProxy;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which key goes where, once the final provider is known; plain http, proxies, extra headers, Azure deployment URLs,
 * reasoning-model bodies and the 404 for a retired model. Every call goes to a loopback server.
 */
class KeysAndEndpointsTest {

    private static final String OPENAI_KEY = "sk-openai-NEVER-ELSEWHERE";
    private static final String ANTHROPIC_KEY = "sk-ant-ONLY-ANTHROPIC";

    private final ScriptedServer server = ScriptedServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    /** What the CLI does: the environment, then {@code --llm} and friends on top. */
    private static LlmSettings cli(Map<String, String> environment, String provider, String baseUrl) {
        LlmSettings.Builder builder = LlmSettings.fromEnvironment(environment, new Properties()).toBuilder();
        if (provider != null) {
            builder.provider(provider);
        }
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        }
        return builder.build();
    }

    @Test
    void llmAnthropicWithOnlyTheAnthropicKeySetWorks() {
        LlmSettings settings = cli(Map.of("ANTHROPIC_API_KEY", ANTHROPIC_KEY), "anthropic", null);

        assertThat(settings.apiKey().reveal()).isEqualTo(ANTHROPIC_KEY);
        assertThat(settings.model()).isEqualTo("claude-haiku-4-5");
    }

    @Test
    void anOpenAiKeyIsNeverChosenForAnotherProvider() {
        Map<String, String> environment = Map.of(LlmSettings.PROVIDER, "openai", "OPENAI_API_KEY", OPENAI_KEY);

        assertThat(cli(environment, null, null).apiKey().reveal()).isEqualTo(OPENAI_KEY);
        assertThatThrownBy(() -> cli(environment, "anthropic", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ANTHROPIC_API_KEY")
                .hasMessageNotContaining(OPENAI_KEY);
        Map<String, String> both = new HashMap<>(environment);
        both.put("ANTHROPIC_API_KEY", ANTHROPIC_KEY);
        assertThat(cli(both, "anthropic", null).apiKey().reveal()).isEqualTo(ANTHROPIC_KEY);
        assertThat(cli(environment, "ollama", null).apiKey()).isNull();
        assertThat(cli(environment, "openai", "https://api.groq.com/openai/v1").apiKey())
                .as("a third-party host never receives the OpenAI key")
                .isNull();
    }

    @Test
    void theOpenAiKeyDoesNotReachAnOllamaServerOnTheWire() {
        server.enqueue(
                Reply.json(
                        200,
                        "{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\",\"content\":"
                                + "\"No figures.\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":9,\"eval_count\":3}"));
        LlmSettings settings = cli(
                Map.of(LlmSettings.PROVIDER, "openai", "OPENAI_API_KEY", OPENAI_KEY, "OPENAI_ORG_ID", "org-SECRET"),
                "ollama",
                server.url("").toString());

        Narrators.create(settings).narrate(new Facts("summary", "summary", Map.of("rows", 3)));

        Recorded sent = server.requests().get(0);
        assertThat(sent.headers().toString()).doesNotContain(OPENAI_KEY).doesNotContain("org-SECRET");
        assertThat(sent.header("Authorization")).isNull();
    }

    @Test
    void baseUrlAndModelFromTheEnvironmentKeepTheirMeaningUnderLlm() {
        LlmSettings settings = cli(
                Map.of(LlmSettings.BASE_URL, "http://127.0.0.1:8000/v1", LlmSettings.MODEL, "qwen2.5-7b"),
                "openai",
                null);

        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8000/v1"));
        assertThat(settings.model()).isEqualTo("qwen2.5-7b");
        LlmSettings switched = cli(
                Map.of(
                        LlmSettings.PROVIDER,
                        "openai",
                        "OPENAI_API_KEY",
                        OPENAI_KEY,
                        "ANTHROPIC_API_KEY",
                        ANTHROPIC_KEY),
                "anthropic",
                null);
        assertThat(switched.baseUrl())
                .as("the old provider's default does not stick")
                .isEqualTo(URI.create("https://api.anthropic.com"));
        assertThat(switched.model()).isEqualTo("claude-haiku-4-5");
    }

    @Test
    void plainHttpIsRefusedBeyondLoopbackUnlessTheUserOptsIn() {
        assertThatThrownBy(() -> cli(Map.of(), "openai", "http://10.1.2.3:8000/v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing plain http")
                .hasMessageContaining(LlmSettings.ALLOW_HTTP);
        assertThatThrownBy(() -> Endpoint.of(URI.create("http://llm.example.com/v1"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(cli(Map.of(LlmSettings.ALLOW_HTTP, "true"), "openai", "http://10.1.2.3:8000/v1")
                        .baseUrl())
                .isEqualTo(URI.create("http://10.1.2.3:8000/v1"));
        assertThat(cli(Map.of(), "ollama", "http://localhost:11434").baseUrl().getHost())
                .isEqualTo("localhost");
        assertThat(cli(Map.of(), "openai", "http://[::1]:8000/v1").baseUrl().getPort())
                .isEqualTo(8000);
    }

    @Test
    void extraHeadersAreSentAndNeverPrinted() {
        server.enqueue(Reply.json(200, openAiCompletion("No figures.")));
        LlmSettings settings = cli(
                Map.of(
                        LlmSettings.HEADERS,
                        "X-Gateway-Key=gw-SECRET=1; OpenAI-Project=proj_9",
                        LlmSettings.API_KEY,
                        "sk-gateway"),
                "openai",
                server.url("/v1").toString());

        Narrators.create(settings).narrate(new Facts("summary", "summary", Map.of("rows", 3)));

        Recorded sent = server.requests().get(0);
        assertThat(sent.header("X-Gateway-Key")).isEqualTo("gw-SECRET=1");
        assertThat(sent.header("OpenAI-Project")).isEqualTo("proj_9");
        assertThat(settings.toString()).doesNotContain("gw-SECRET").contains("X-Gateway-Key");
        assertThatThrownBy(() -> cli(Map.of(LlmSettings.HEADERS, "Host=evil"), "openai", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOpenAiOrganizationAndProjectGoToOpenAiOnly() {
        Map<String, String> environment = Map.of(
                "OPENAI_API_KEY",
                OPENAI_KEY,
                "OPENAI_ORG_ID",
                "org-1",
                "OPENAI_PROJECT_ID",
                "proj_2",
                "ANTHROPIC_API_KEY",
                ANTHROPIC_KEY);

        assertThat(cli(environment, "openai", null).requestHeaders().values())
                .containsEntry("OpenAI-Organization", "org-1")
                .containsEntry("OpenAI-Project", "proj_2");
        assertThat(cli(environment, "anthropic", null).requestHeaders().values())
                .isEmpty();
        assertThat(cli(environment, "openai", server.url("/v1").toString())
                        .requestHeaders()
                        .values())
                .isEmpty();
    }

    @Test
    void httpsProxyIsHonouredExceptForLoopbackAndNoProxyHosts() {
        LlmSettings settings = cli(
                Map.of(
                        "HTTPS_PROXY",
                        "http://proxy.corp:3128",
                        "NO_PROXY",
                        ".internal,llm.lan",
                        "OPENAI_API_KEY",
                        OPENAI_KEY),
                "openai",
                null);

        EnvironmentProxy proxy = (EnvironmentProxy) Narrators.proxy(settings);

        assertThat(proxy.select(URI.create("https://api.openai.com/v1")).get(0).type())
                .isEqualTo(Proxy.Type.HTTP);
        assertThat(proxy.select(URI.create("https://api.openai.com/v1"))
                        .get(0)
                        .address()
                        .toString())
                .contains("proxy.corp")
                .contains("3128");
        assertThat(proxy.select(URI.create("https://gpu.internal/v1")).get(0)).isEqualTo(Proxy.NO_PROXY);
        assertThat(proxy.select(URI.create("https://llm.lan/v1")).get(0)).isEqualTo(Proxy.NO_PROXY);
        assertThat(proxy.select(URI.create("http://127.0.0.1:8000/v1")).get(0)).isEqualTo(Proxy.NO_PROXY);
        assertThat(Narrators.proxy(cli(Map.of(), "ollama", null)))
                .as("no variable: the JVM's default")
                .isNull();
    }

    @Test
    void azureDeploymentUrlsKeepTheirApiVersion() {
        server.enqueue(Reply.json(200, openAiCompletion("No figures.")));
        String deployment = server.url("/openai/deployments/gpt-4o-mini-prod") + "?api-version=2024-10-21";
        LlmSettings settings = cli(Map.of(LlmSettings.API_KEY, "azure-key"), "openai", deployment);

        Narrators.create(settings).narrate(new Facts("summary", "summary", Map.of("rows", 3)));

        assertThat(server.requests().get(0).path())
                .isEqualTo("/openai/deployments/gpt-4o-mini-prod/chat/completions?api-version=2024-10-21");
        assertThat(Endpoint.of(
                                URI.create("https://res.openai.azure.com/openai/deployments/d?api-version=2025-01-01"),
                                null)
                        .resolve("chat/completions"))
                .isEqualTo(URI.create(
                        "https://res.openai.azure.com/openai/deployments/d/chat/completions?api-version=2025-01-01"));
        assertThat(cli(
                                Map.of("AZURE_OPENAI_API_KEY", "az-1", "OPENAI_API_KEY", OPENAI_KEY),
                                "openai",
                                "https://res.openai.azure.com/openai/deployments/d?api-version=2025-01-01")
                        .apiKey()
                        .reveal())
                .isEqualTo("az-1");
        assertThatThrownBy(() -> cli(Map.of(), "openai", "https://res.openai.azure.com/x?api-key=leak"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reasoningModelsGetMaxCompletionTokensAndNoTemperature() {
        server.enqueue(Reply.json(200, openAiCompletion("ok")), Reply.json(200, openAiCompletion("ok")));
        OpenAiClient client = new OpenAiClient(Endpoint.of(server.url("/v1"), null));

        client.complete(
                LlmRequest.builder().model("o4-mini").user("hi").maxTokens(50).build());
        client.complete(LlmRequest.builder()
                .model("qwen2.5-7b")
                .user("hi")
                .maxTokens(50)
                .build());

        assertThat(server.requests().get(0).json().has("temperature")).isFalse();
        assertThat(server.requests().get(0).json().path("max_completion_tokens").asInt())
                .isEqualTo(50);
        assertThat(server.requests().get(0).json().has("max_tokens")).isFalse();
        assertThat(server.requests().get(1).json().path("max_tokens").asInt())
                .as("other compatible servers keep the field they know")
                .isEqualTo(50);
        assertThat(server.requests().get(1).json().has("temperature")).isTrue();
    }

    @Test
    void aRetiredModelIsOneClearErrorAndStopsFurtherCalls() {
        server.enqueue(Reply.json(
                404,
                "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":"
                        + "\"model: claude-3-5-haiku-latest\"}}"));
        LlmSettings settings = LlmSettings.builder()
                .provider("anthropic")
                .baseUrl(server.url("").toString())
                .model("claude-3-5-haiku-latest")
                .apiKey(dev.costagent.llm.client.ApiKey.of(ANTHROPIC_KEY))
                .narrationDeadline(Duration.ofSeconds(5))
                .build();
        LlmNarrator narrator = (LlmNarrator) Narrators.create(settings);
        Facts facts = new Facts("summary", "summary", Map.of("rows", 3));

        for (int i = 0; i < 3; i++) {
            assertThat(narrator.narrate(facts).source()).isEqualTo(NarrativeSource.TEMPLATE);
        }

        assertThat(server.requests()).hasSize(1);
        assertThat(narrator.disabledReason())
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("claude-3-5-haiku-latest")
                        .contains("not found")
                        .contains("--llm-model"));
    }

    @Test
    void theAnthropicDefaultModelIsCurrent() {
        server.enqueue(Reply.json(200, anthropicMessage("No figures.")));
        LlmSettings settings = LlmSettings.builder()
                .provider("anthropic")
                .baseUrl(server.url("").toString())
                .apiKey(dev.costagent.llm.client.ApiKey.of(ANTHROPIC_KEY))
                .build();

        Narrators.create(settings).narrate(new Facts("summary", "summary", Map.of("rows", 3)));

        assertThat(server.requests().get(0).json().path("model").asText())
                .isEqualTo("claude-haiku-4-5")
                .isNotEqualTo("claude-3-5-haiku-latest");
        assertThat(openAiError("x", "y", null)).isNotEmpty();
    }
}
