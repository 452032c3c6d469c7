package dev.costagent.llm.config;

import static dev.costagent.llm.testing.Wire.openAiError;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.costagent.core.narrate.Facts;
import dev.costagent.core.narrate.Narrative;
import dev.costagent.core.narrate.NarrativeSource;
import dev.costagent.core.narrate.Narrator;
import dev.costagent.llm.accounting.UsageLedger;
import dev.costagent.llm.client.ApiKey;
import dev.costagent.llm.testing.ScriptedServer;
import dev.costagent.llm.testing.ScriptedServer.Reply;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The API key reaches the provider's header and nothing else: not logs, exceptions, toString or narratives. */
class ApiKeyLeakTest {

    private static final String KEY = "sk-proj-LEAKCHECK-5f2b9c0e7d";

    private final ScriptedServer server = ScriptedServer.start();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        previousLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        root.setLevel(previousLevel);
        server.close();
    }

    @Test
    void keyAppearsOnlyInTheAuthorizationHeader() {
        server.enqueue(
                Reply.json(500, openAiError("upstream failed for key " + KEY, "server_error", null)),
                Reply.json(
                        401,
                        openAiError(
                                "Incorrect API key provided: " + KEY + ". You can find your API key at "
                                        + "https://platform.openai.com/account/api-keys.",
                                "invalid_request_error",
                                "invalid_api_key")));
        LlmSettings settings = LlmSettings.fromEnvironment(
                        Map.of(
                                "COSTAGENT_LLM_PROVIDER",
                                "openai",
                                "COSTAGENT_LLM_BASE_URL",
                                server.url("/v1").toString(),
                                "COSTAGENT_LLM_API_KEY",
                                KEY),
                        new Properties())
                .toBuilder()
                .narrationDeadline(Duration.ofSeconds(10))
                .build();
        Narrator narrator = Narrators.create(settings, new UsageLedger());

        Narrative narrative = narrator.narrate(new Facts("summary", "summary", Map.of("totalCost", 10.0)));

        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(0).header("authorization")).isEqualTo("Bearer " + KEY);
        assertThat(narrative.source()).isEqualTo(NarrativeSource.TEMPLATE);
        assertThat(narrative.text()).doesNotContain(KEY);
        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent event : logs.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(KEY);
            if (event.getThrowableProxy() != null) {
                assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy()))
                        .doesNotContain(KEY);
            }
        }
        assertThat(settings.toString()).doesNotContain(KEY).contains("ApiKey[redacted]");
        assertThat(narrator.toString()).doesNotContain(KEY);
        assertThat(narrator.name()).doesNotContain(KEY);
        assertThat(ApiKey.of(KEY).toString()).doesNotContain(KEY);
    }
}
