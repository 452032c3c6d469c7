package dev.costagent.llm.transport;

import static java.util.Objects.requireNonNull;

import dev.costagent.llm.client.ApiKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Where and how to reach a provider.
 *
 * @param baseUrl the base URL as the provider's own SDK takes it (e.g. {@code https://api.openai.com/v1},
 *     {@code http://localhost:11434}, {@code https://api.anthropic.com}); the adapter appends its path
 * @param apiKey the key, or {@code null} for servers that need none (e.g. a local Ollama)
 * @param httpVersion {@code HTTP_1_1} for servers that fail the HTTP/2 upgrade, else {@code HTTP_2}
 * @param connectTimeout the time allowed to open a connection
 * @param clock the wall clock used to read {@code Retry-After} dates
 */
public record Endpoint(URI baseUrl, ApiKey apiKey, HttpClient.Version httpVersion, Duration connectTimeout,
        Clock clock) {

    /** Checks the parts; the base URL must be http or https, without credentials or query. */
    public Endpoint {
        requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("base URL must be an absolute http(s) URL, was " + baseUrl);
        }
        if (baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null) {
            // Credentials or keys in the URL would reach logs through toString(); the key has its own setting.
            throw new IllegalArgumentException("base URL must not carry credentials or a query; set the API key "
                    + "with COSTAGENT_LLM_API_KEY instead");
        }
        requireNonNull(httpVersion, "httpVersion");
        requireNonNull(connectTimeout, "connectTimeout");
        requireNonNull(clock, "clock");
    }

    /** An endpoint with HTTP/1.1, a 10 second connect timeout and the system clock. */
    public static Endpoint of(URI baseUrl, ApiKey apiKey) {
        return new Endpoint(baseUrl, apiKey, HttpClient.Version.HTTP_1_1, Duration.ofSeconds(10),
                Clock.systemUTC());
    }

    /** The base URL with {@code path} appended, without doubling or dropping a slash. */
    public URI resolve(String path) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + (path.startsWith("/") ? path : "/" + path));
    }
}
