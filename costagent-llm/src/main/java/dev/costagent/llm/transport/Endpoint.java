package dev.costagent.llm.transport;

import static java.util.Objects.requireNonNull;

import dev.costagent.llm.client.ApiKey;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where and how to reach a provider.
 *
 * <p>Plain {@code http://} is accepted only for loopback hosts ({@code localhost}, {@code 127.0.0.0/8},
 * {@code ::1}) unless {@code allowInsecureHttp} is set, so a key never crosses a network in clear text by accident.
 * The only query a base URL may carry is Azure OpenAI's {@code api-version}.
 *
 * @param baseUrl the base URL as the provider's own SDK takes it (e.g. {@code https://api.openai.com/v1},
 *     {@code http://localhost:11434}, {@code https://api.anthropic.com},
 *     {@code https://res.openai.azure.com/openai/deployments/d?api-version=2024-10-21}); the adapter appends its path
 * @param apiKey the key, or {@code null} for servers that need none (e.g. a local Ollama)
 * @param httpVersion {@code HTTP_1_1} for servers that fail the HTTP/2 upgrade, else {@code HTTP_2}
 * @param connectTimeout the time allowed to open a connection
 * @param clock the wall clock used to read {@code Retry-After} dates
 * @param headers extra headers sent with every request (organization, project, a gateway's auth header)
 * @param proxy the proxy selector, or {@code null} for the JVM's default (which honours {@code https.proxyHost})
 * @param allowInsecureHttp whether {@code http://} may be used for a host that is not loopback
 */
public record Endpoint(
        URI baseUrl,
        ApiKey apiKey,
        HttpClient.Version httpVersion,
        Duration connectTimeout,
        Clock clock,
        ExtraHeaders headers,
        ProxySelector proxy,
        boolean allowInsecureHttp) {

    private static final Pattern API_VERSION = Pattern.compile("api-version=[\\w.-]+");

    /** Checks the parts; the base URL must be https (or http to loopback), without credentials or other query. */
    public Endpoint {
        requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("base URL must be an absolute http(s) URL, was " + baseUrl);
        }
        if (baseUrl.getRawUserInfo() != null
                || baseUrl.getRawQuery() != null
                        && !API_VERSION.matcher(baseUrl.getRawQuery()).matches()) {
            // Credentials or keys in the URL would reach logs through toString(); the key has its own setting.
            throw new IllegalArgumentException("base URL must not carry credentials or a query other than "
                    + "api-version; set the API key with COSTAGENT_LLM_API_KEY instead");
        }
        if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(baseUrl.getHost())) {
            throw new IllegalArgumentException("refusing plain http to " + baseUrl.getHost() + ": the API key and "
                    + "the billing facts would cross the network unencrypted; use https, or set "
                    + "COSTAGENT_LLM_ALLOW_HTTP=true to opt in");
        }
        requireNonNull(httpVersion, "httpVersion");
        requireNonNull(connectTimeout, "connectTimeout");
        requireNonNull(clock, "clock");
        headers = headers == null ? ExtraHeaders.NONE : headers;
    }

    /** An endpoint without extra headers, with the JVM's proxy settings and https required beyond loopback. */
    public Endpoint(URI baseUrl, ApiKey apiKey, HttpClient.Version httpVersion, Duration connectTimeout, Clock clock) {
        this(baseUrl, apiKey, httpVersion, connectTimeout, clock, ExtraHeaders.NONE, null, false);
    }

    /** An endpoint with HTTP/1.1, a 10 second connect timeout and the system clock. */
    public static Endpoint of(URI baseUrl, ApiKey apiKey) {
        return new Endpoint(baseUrl, apiKey, HttpClient.Version.HTTP_1_1, Duration.ofSeconds(10), Clock.systemUTC());
    }

    /** Whether {@code host} names this machine without a DNS lookup. */
    public static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost")
                || name.endsWith(".localhost")
                || name.equals("::1")
                || name.equals("0:0:0:0:0:0:0:1")
                || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** Whether the host is Azure OpenAI ({@code *.openai.azure.com}, {@code *.cognitiveservices.azure.com}). */
    public boolean isAzure() {
        return baseUrl.getHost().toLowerCase(Locale.ROOT).endsWith(".azure.com");
    }

    /** The base URL with {@code path} appended, without doubling or dropping a slash; the query stays last. */
    public URI resolve(String path) {
        String base = baseUrl.getScheme() + "://" + baseUrl.getRawAuthority()
                + (baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath());
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base
                + (path.startsWith("/") ? path : "/" + path)
                + (baseUrl.getRawQuery() == null ? "" : "?" + baseUrl.getRawQuery()));
    }
}
