package dev.costagent.llm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.core.narrate.TemplateNarrator;
import dev.costagent.llm.narrate.LlmNarrator;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Configuration from the environment, system properties and the builder, and the narrator it selects. */
class LlmSettingsTest {

    private static Properties properties(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void defaultIsNoneWhichMeansTheTemplateNarratorAndNoNetwork() {
        LlmSettings settings = LlmSettings.fromEnvironment(Map.of(), new Properties());

        assertThat(settings.provider()).isEqualTo(LlmProvider.NONE);
        assertThat(Narrators.create(settings)).isInstanceOf(TemplateNarrator.class);
    }

    @Test
    void readsTheFourVariablesAndFillsProviderDefaults() {
        LlmSettings settings = LlmSettings.fromEnvironment(
                Map.of(
                        "COSTAGENT_LLM_PROVIDER", "OpenAI",
                        "COSTAGENT_LLM_BASE_URL", "http://127.0.0.1:8000/v1",
                        "COSTAGENT_LLM_MODEL", "qwen2.5-7b",
                        "COSTAGENT_LLM_API_KEY", "sk-env"),
                new Properties());

        assertThat(settings.provider()).isEqualTo(LlmProvider.OPENAI);
        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8000/v1"));
        assertThat(settings.model()).isEqualTo("qwen2.5-7b");
        assertThat(settings.apiKey().reveal()).isEqualTo("sk-env");
        assertThat(settings.httpVersion()).isEqualTo(HttpClient.Version.HTTP_1_1);

        LlmSettings ollama = LlmSettings.fromEnvironment(Map.of("COSTAGENT_LLM_PROVIDER", "ollama"), new Properties());
        assertThat(ollama.baseUrl()).isEqualTo(URI.create("http://localhost:11434"));
        assertThat(ollama.model()).isEqualTo("llama3.2");
        assertThat(ollama.apiKey()).isNull();
        assertThat(Narrators.create(ollama))
                .isInstanceOf(LlmNarrator.class)
                .extracting(narrator -> narrator.name())
                .isEqualTo("ollama:llama3.2");
    }

    @Test
    void describesItselfInOneLineWithoutTheKey() {
        LlmSettings settings = LlmSettings.builder()
                .provider("openai")
                .apiKey(dev.costagent.llm.client.ApiKey.of("sk-describe-SECRET"))
                .build();

        assertThat(settings.describe())
                .isEqualTo("openai gpt-4o-mini at https://api.openai.com/v1 (API key set, "
                        + "HTTP/1.1, deadline 20000 ms)");
        assertThat(settings.toString()).doesNotContain("sk-describe-SECRET");
        assertThat(LlmSettings.builder().build().describe()).isEqualTo("none (template narratives, no network)");
    }

    @Test
    void systemPropertiesWinOverEnvironmentVariables() {
        LlmSettings settings = LlmSettings.fromEnvironment(
                Map.of(
                        "COSTAGENT_LLM_PROVIDER",
                        "openai",
                        "COSTAGENT_LLM_MODEL",
                        "from-env",
                        "COSTAGENT_LLM_API_KEY",
                        "sk-env"),
                properties(
                        "COSTAGENT_LLM_MODEL",
                        "from-property",
                        "COSTAGENT_LLM_TIMEOUT",
                        "1500ms",
                        "COSTAGENT_LLM_HTTP_VERSION",
                        "2",
                        "COSTAGENT_LLM_REDACT_IDS",
                        "true",
                        "COSTAGENT_LLM_PRICES",
                        "from-property=0.15/0.60",
                        "COSTAGENT_LLM_REQUESTS_PER_SECOND",
                        "2.5",
                        "COSTAGENT_LLM_TOKENS_PER_MINUTE",
                        "90000"));

        assertThat(settings.model()).isEqualTo("from-property");
        assertThat(settings.narrationDeadline()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.httpVersion()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(settings.redactIds()).isTrue();
        assertThat(settings.prices().priceOf("from-property")).isPresent();
        assertThat(settings.requestsPerSecond()).isEqualTo(2.5);
        assertThat(settings.tokensPerMinute()).isEqualTo(90000);
    }

    @Test
    void fallsBackToTheProvidersOwnKeyVariable() {
        LlmSettings settings = LlmSettings.fromEnvironment(
                Map.of("COSTAGENT_LLM_PROVIDER", "anthropic", "ANTHROPIC_API_KEY", "sk-ant"), new Properties());

        assertThat(settings.apiKey().reveal()).isEqualTo("sk-ant");
        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://api.anthropic.com"));
    }

    @Test
    void cliOverridesGoThroughToBuilder() {
        LlmSettings fromEnv = LlmSettings.fromEnvironment(Map.of("COSTAGENT_LLM_API_KEY", "sk-env"), new Properties());

        LlmSettings settings = fromEnv.toBuilder()
                .provider("ollama")
                .baseUrl("http://127.0.0.1:11434")
                .model("qwen2.5:0.5b")
                .build();

        assertThat(settings.provider()).isEqualTo(LlmProvider.OLLAMA);
        assertThat(settings.model()).isEqualTo("qwen2.5:0.5b");
        assertThat(settings.apiKey().reveal()).isEqualTo("sk-env");
        LlmSettings switched = settings.toBuilder()
                .provider("openai")
                .baseUrl((String) null)
                .model(null)
                .build();
        assertThat(switched.baseUrl()).isEqualTo(URI.create("https://api.openai.com/v1"));
        assertThat(switched.model()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void badInputGetsAClearOneLineError() {
        assertThatThrownBy(
                        () -> LlmSettings.fromEnvironment(Map.of("COSTAGENT_LLM_PROVIDER", "gemini"), new Properties()))
                .hasMessage("unknown LLM provider 'gemini': expected none, openai, ollama or " + "anthropic");
        assertThatThrownBy(() -> LlmSettings.builder().provider("anthropic").build())
                .hasMessageContaining("COSTAGENT_LLM_API_KEY")
                .hasMessageContaining("anthropic");
        assertThatThrownBy(() -> LlmSettings.builder().provider("openai").build())
                .hasMessageContaining("api.openai.com");
        assertThatThrownBy(() -> LlmSettings.builder().baseUrl("localhost:11434"))
                .hasMessageContaining("absolute http(s) URL");
        assertThatThrownBy(() -> LlmSettings.builder()
                        .provider("ollama")
                        .baseUrl("http://user:hunter2@127.0.0.1:11434")
                        .build())
                .hasMessageContaining("must not carry credentials")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of("COSTAGENT_LLM_TIMEOUT", "soon"), new Properties()))
                .hasMessageContaining("COSTAGENT_LLM_TIMEOUT");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(
                        Map.of("COSTAGENT_LLM_TOKENS_PER_MINUTE", "lots"), new Properties()))
                .hasMessageContaining("COSTAGENT_LLM_TOKENS_PER_MINUTE");
        assertThatThrownBy(
                        () -> LlmSettings.fromEnvironment(Map.of("COSTAGENT_LLM_HTTP_VERSION", "3"), new Properties()))
                .hasMessageContaining("1.1 or 2");
    }
}
