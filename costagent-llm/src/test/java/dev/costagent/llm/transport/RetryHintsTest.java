package dev.costagent.llm.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Reading provider wait hints from response headers. */
class RetryHintsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    private static HttpHeaders headers(String... pairs) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], List.of(pairs[i + 1]));
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    @Test
    void readsEveryDocumentedForm() {
        assertThat(RetryHints.from(headers("retry-after", "2"), CLOCK, true)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryHints.from(headers("retry-after", "Sat, 28 Nov 2026 10:00:30 GMT"), CLOCK, true))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryHints.from(headers("retry-after", "Sat, 28 Nov 2026 09:00:00 GMT"), CLOCK, true))
                .isEqualTo(Duration.ZERO);
        assertThat(RetryHints.from(headers("retry-after-ms", "250", "retry-after", "1"), CLOCK, true))
                .isEqualTo(Duration.ofMillis(250));
        assertThat(RetryHints.from(
                        headers(
                                "anthropic-ratelimit-requests-remaining",
                                "0",
                                "anthropic-ratelimit-requests-reset",
                                "2026-11-28T10:00:12Z"),
                        CLOCK,
                        true))
                .isEqualTo(Duration.ofSeconds(12));
        assertThat(RetryHints.from(
                        headers("x-ratelimit-reset-requests", "20ms", "x-ratelimit-reset-tokens", "1m30s"),
                        CLOCK,
                        true))
                .isEqualTo(Duration.ofMillis(20));
        assertThat(RetryHints.from(
                        headers(
                                "x-ratelimit-remaining-tokens",
                                "0",
                                "x-ratelimit-reset-requests",
                                "20ms",
                                "x-ratelimit-reset-tokens",
                                "1m30s"),
                        CLOCK,
                        true))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(RetryHints.from(headers(), CLOCK, true)).isNull();
        assertThat(RetryHints.from(headers("retry-after", "soon"), CLOCK, true)).isNull();
    }

    @Test
    void resetHeadersOnAnAnswerThatIsNotRateLimitedAreNoHint() {
        // OpenAI sends x-ratelimit-* on every answer; a 500 must not wait for the token window to reset.
        assertThat(RetryHints.from(
                        headers("x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "6m0s"), CLOCK, false))
                .isNull();
        assertThat(RetryHints.from(headers("retry-after", "3"), CLOCK, false)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void parsesGoDurations() {
        Consumer<String> unreadable =
                text -> assertThat(RetryHints.parseGoDuration(text)).isNull();
        assertThat(RetryHints.parseGoDuration("6m0s")).isEqualTo(Duration.ofMinutes(6));
        assertThat(RetryHints.parseGoDuration("1h2m3.5s")).isEqualTo(Duration.ofMillis(3_723_500));
        assertThat(RetryHints.parseGoDuration("17ms")).isEqualTo(Duration.ofMillis(17));
        unreadable.accept("");
        unreadable.accept("5 s");
        unreadable.accept("5sx");
    }

    @Test
    void sseDecoderAssemblesEvents() {
        List<String> events = new java.util.ArrayList<>();
        SseDecoder sse = new SseDecoder((event, data) -> events.add(event + "|" + data));
        for (String line : List.of(
                ": comment", "event: a", "data: one", "data:two", "", "data: x", "", "id: 1", "data: unfinished")) {
            sse.onLine(line);
        }
        assertThat(events).containsExactly("a|one\ntwo", "|x");
    }
}
