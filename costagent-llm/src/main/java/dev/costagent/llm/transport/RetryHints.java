package dev.costagent.llm.transport;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long a provider asked us to wait: {@code retry-after-ms}, {@code Retry-After} (seconds or an HTTP date),
 * then the rate-limit reset headers of OpenAI ({@code x-ratelimit-reset-requests: 6m0s}) and Anthropic
 * ({@code anthropic-ratelimit-requests-reset: <RFC 3339 time>}). Providers send reset headers on every answer, so
 * they count only for a rate-limited answer (HTTP 429), and only for the limit that is exhausted (its
 * {@code remaining} header is 0); when no limit says so, the earliest reset is the hint.
 */
public final class RetryHints {

    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|h|m|s)");
    private static final List<String> LIMITS = List.of("requests", "tokens", "input-tokens", "output-tokens");

    private RetryHints() {}

    /**
     * The wait the headers ask for, or {@code null} when they give none. Never negative.
     *
     * @param rateLimited whether the answer was HTTP 429, so that rate-limit reset headers apply
     */
    public static Duration from(HttpHeaders headers, Clock clock, boolean rateLimited) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            Duration wait = parseMillis(millis.get());
            if (wait != null) {
                return wait;
            }
        }
        Optional<String> retryAfter = headers.firstValue("retry-after");
        if (retryAfter.isPresent()) {
            Duration wait = parseRetryAfter(retryAfter.get(), clock);
            if (wait != null) {
                return wait;
            }
        }
        return rateLimited ? fromResetHeaders(headers, clock) : null;
    }

    /** The {@code x-should-retry} header as the official SDKs read it: {@code true}, {@code false}, or absent. */
    public static Boolean shouldRetry(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("x-should-retry");
        if (value.isEmpty()) {
            return null;
        }
        String text = value.get().strip();
        return text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    /** Parses a {@code Retry-After} value: delay seconds, or an HTTP date; {@code null} when unreadable. */
    public static Duration parseRetryAfter(String value, Clock clock) {
        String text = value.strip();
        try {
            double seconds = Double.parseDouble(text);
            return seconds < 0 ? null : Duration.ofMillis(Math.round(seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return untilOrZero(when, clock);
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** Parses an OpenAI reset value such as {@code 1s}, {@code 6m0s}, {@code 20ms}; {@code null} when unreadable. */
    public static Duration parseGoDuration(String value) {
        String text = value.strip();
        Matcher part = GO_DURATION_PART.matcher(text);
        double nanos = 0;
        int end = 0;
        while (part.find()) {
            if (part.start() != end) {
                return null;
            }
            end = part.end();
            double amount = Double.parseDouble(part.group(1));
            nanos += amount
                    * switch (part.group(2)) {
                        case "h" -> 3_600e9;
                        case "m" -> 60e9;
                        case "s" -> 1e9;
                        case "ms" -> 1e6;
                        case "us", "µs" -> 1e3;
                        default -> 1;
                    };
        }
        return end == 0 || end != text.length() ? null : Duration.ofNanos(Math.round(nanos));
    }

    private static Duration fromResetHeaders(HttpHeaders headers, Clock clock) {
        Duration exhausted = null;
        Duration earliest = null;
        for (String limit : LIMITS) {
            Duration openAi = headers.firstValue("x-ratelimit-reset-" + limit)
                    .map(RetryHints::parseGoDuration)
                    .orElse(null);
            Duration anthropic = headers.firstValue("anthropic-ratelimit-" + limit + "-reset")
                    .map(value -> parseInstant(value, clock))
                    .orElse(null);
            Duration reset = openAi != null ? openAi : anthropic;
            if (reset == null) {
                continue;
            }
            earliest = earliest == null || reset.compareTo(earliest) < 0 ? reset : earliest;
            boolean isExhausted = headers.firstValue("x-ratelimit-remaining-" + limit)
                    .or(() -> headers.firstValue("anthropic-ratelimit-" + limit + "-remaining"))
                    .map(remaining -> remaining.strip().equals("0"))
                    .orElse(false);
            if (isExhausted) {
                exhausted = longer(exhausted, reset);
            }
        }
        return exhausted != null ? exhausted : earliest;
    }

    private static Duration parseMillis(String value) {
        try {
            double millis = Double.parseDouble(value.strip());
            return millis < 0 ? null : Duration.ofNanos(Math.round(millis * 1e6));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration parseInstant(String value, Clock clock) {
        try {
            return untilOrZero(OffsetDateTime.parse(value.strip()).toInstant(), clock);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration untilOrZero(Instant when, Clock clock) {
        Duration wait = Duration.between(clock.instant(), when);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static Duration longer(Duration a, Duration b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }
}
