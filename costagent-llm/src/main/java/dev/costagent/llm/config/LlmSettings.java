package dev.costagent.llm.config;

import static java.util.Objects.requireNonNull;

import dev.costagent.llm.accounting.PriceTable;
import dev.costagent.llm.client.ApiKey;
import dev.costagent.llm.transport.Endpoint;
import dev.costagent.llm.transport.ExtraHeaders;
import dev.costagent.llm.transport.RetryHints;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Everything needed to narrate with a language model. Build it with {@link #builder()}, or read it with
 * {@link #fromEnvironment()} and adjust with {@link #toBuilder()} (as the CLI does for {@code --llm},
 * {@code --llm-base-url} and {@code --llm-model}).
 *
 * <p>Keys are held as {@link ApiKey}s and extra headers as {@link ExtraHeaders}, so this record's {@code toString()}
 * never shows a secret. The key for a call is chosen from {@link ProviderKeys} only once the final provider and base
 * URL are known ({@link #apiKey()}), so {@code --llm anthropic} with only {@code ANTHROPIC_API_KEY} set works and an
 * OpenAI key never goes to another provider.
 *
 * @param provider which provider; {@link LlmProvider#NONE} means the template narrator and no network
 * @param baseUrl the base URL as the provider's SDK takes it (the client appends the path)
 * @param model the model name
 * @param keys the keys found in the configuration, from which {@link #apiKey()} chooses
 * @param httpVersion HTTP/1.1 (the default: some compatible servers fail the HTTP/2 upgrade) or HTTP/2
 * @param connectTimeout the time allowed to connect
 * @param narrationDeadline the time budget of one narration, retries included
 * @param maxAttempts the most attempts per call (1 disables retries)
 * @param maxConcurrency the most calls in flight at once
 * @param requestsPerSecond the client-side request rate limit; 0 for none
 * @param tokensPerMinute the client-side token rate limit; 0 for none
 * @param cacheSize the most cached answers; 0 disables the cache
 * @param redactIds whether to replace account and resource ids by placeholders in prompts
 * @param prices dollars per million tokens, for the usage report
 * @param headers extra headers for every request ({@code COSTAGENT_LLM_HEADERS})
 * @param proxy the {@code HTTPS_PROXY} URL, or {@code null}; the JVM's {@code https.proxyHost} wins when set
 * @param noProxy the {@code NO_PROXY} list, or {@code null}
 * @param allowInsecureHttp whether plain http may go to a host that is not loopback ({@code COSTAGENT_LLM_ALLOW_HTTP})
 */
public record LlmSettings(
        LlmProvider provider,
        URI baseUrl,
        String model,
        ProviderKeys keys,
        HttpClient.Version httpVersion,
        Duration connectTimeout,
        Duration narrationDeadline,
        int maxAttempts,
        int maxConcurrency,
        double requestsPerSecond,
        double tokensPerMinute,
        long cacheSize,
        boolean redactIds,
        PriceTable prices,
        ExtraHeaders headers,
        String proxy,
        String noProxy,
        boolean allowInsecureHttp) {

    /** Environment variable (or system property) naming the provider: none, openai, ollama, anthropic. */
    public static final String PROVIDER = "COSTAGENT_LLM_PROVIDER";
    /** Environment variable (or system property) with the base URL. */
    public static final String BASE_URL = "COSTAGENT_LLM_BASE_URL";
    /** Environment variable (or system property) with the model name. */
    public static final String MODEL = "COSTAGENT_LLM_MODEL";
    /** Environment variable (or system property) with the API key. */
    public static final String API_KEY = "COSTAGENT_LLM_API_KEY";
    /** Optional: {@code 1.1} (default) or {@code 2}. */
    public static final String HTTP_VERSION = "COSTAGENT_LLM_HTTP_VERSION";
    /** Optional: the narration deadline, e.g. {@code 20s}, {@code 1500ms}, {@code PT20S}, or plain seconds. */
    public static final String TIMEOUT = "COSTAGENT_LLM_TIMEOUT";
    /** Optional: the concurrency limit. */
    public static final String CONCURRENCY = "COSTAGENT_LLM_CONCURRENCY";
    /** Optional: the client-side request rate limit, in requests per second. */
    public static final String REQUESTS_PER_SECOND = "COSTAGENT_LLM_REQUESTS_PER_SECOND";
    /** Optional: the client-side token rate limit, in tokens per minute. */
    public static final String TOKENS_PER_MINUTE = "COSTAGENT_LLM_TOKENS_PER_MINUTE";
    /** Optional: {@code true} to redact account and resource ids. */
    public static final String REDACT_IDS = "COSTAGENT_LLM_REDACT_IDS";
    /** Optional: prices, e.g. {@code gpt-4o-mini=0.15/0.60}. */
    public static final String PRICES = "COSTAGENT_LLM_PRICES";
    /** Optional: extra headers, {@code Name=value} pairs separated by {@code ;}. */
    public static final String HEADERS = "COSTAGENT_LLM_HEADERS";
    /** Optional: {@code true} to allow plain http to hosts that are not loopback. */
    public static final String ALLOW_HTTP = "COSTAGENT_LLM_ALLOW_HTTP";

    /** Fills defaults for the provider and checks the combination. */
    public LlmSettings {
        requireNonNull(provider, "provider");
        keys = keys == null ? ProviderKeys.NONE : keys;
        headers = headers == null ? ExtraHeaders.NONE : headers;
        if (provider != LlmProvider.NONE) {
            baseUrl = baseUrl == null ? provider.defaultBaseUrl() : baseUrl;
            if (baseUrl.getRawUserInfo() != null
                    || baseUrl.getRawQuery() != null && !baseUrl.getRawQuery().matches("api-version=[\\w.-]+")) {
                throw new IllegalArgumentException("LLM base URL must not carry credentials or a query other than "
                        + "Azure's api-version; set the API key with " + API_KEY + " instead");
            }
            if ("http".equals(baseUrl.getScheme()) && !allowInsecureHttp && !Endpoint.isLoopback(baseUrl.getHost())) {
                throw new IllegalArgumentException("refusing plain http to " + baseUrl.getHost() + ": the API key and "
                        + "the billing facts would cross the network unencrypted; use https, or set " + ALLOW_HTTP
                        + "=true to opt in");
            }
            model = model == null || model.isBlank() ? provider.defaultModel() : model.strip();
            boolean official = "api.openai.com".equals(baseUrl.getHost())
                    || "api.anthropic.com".equals(baseUrl.getHost())
                    || baseUrl.getHost().endsWith(".azure.com");
            if ((provider == LlmProvider.ANTHROPIC || official) && keys.choose(provider, baseUrl) == null) {
                throw new IllegalArgumentException(ProviderKeys.variableFor(provider, baseUrl) + " is required for "
                        + provider.configName() + " at " + baseUrl.getHost());
            }
        }
        requireNonNull(httpVersion, "httpVersion");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(narrationDeadline, "narrationDeadline");
        if (maxAttempts < 1 || maxConcurrency < 1 || cacheSize < 0 || requestsPerSecond < 0 || tokensPerMinute < 0) {
            throw new IllegalArgumentException("LLM limits out of range: maxAttempts " + maxAttempts
                    + ", maxConcurrency " + maxConcurrency + ", cacheSize " + cacheSize + ", requestsPerSecond "
                    + requestsPerSecond + ", tokensPerMinute " + tokensPerMinute);
        }
        requireNonNull(prices, "prices");
    }

    /** A builder with provider {@code none} and the defaults listed on each setter. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings from system properties, then environment variables, of the names above. */
    public static LlmSettings fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperties());
    }

    /** The key to send to this provider and base URL, or {@code null}: see {@link ProviderKeys#choose}. */
    public ApiKey apiKey() {
        return keys.choose(provider, baseUrl);
    }

    /** The extra headers for this provider: {@link #headers()}, plus the OpenAI organization and project there. */
    public ExtraHeaders requestHeaders() {
        ExtraHeaders all = headers;
        if (provider == LlmProvider.OPENAI && baseUrl != null && "api.openai.com".equals(baseUrl.getHost())) {
            if (keys.openAiOrganization() != null && !all.values().containsKey("OpenAI-Organization")) {
                all = all.with("OpenAI-Organization", keys.openAiOrganization());
            }
            if (keys.openAiProject() != null && !all.values().containsKey("OpenAI-Project")) {
                all = all.with("OpenAI-Project", keys.openAiProject());
            }
        }
        return all;
    }

    /** Settings from the given environment and properties; a property wins over a variable of the same name. */
    public static LlmSettings fromEnvironment(Map<String, String> environment, Properties properties) {
        Lookup lookup = new Lookup(environment, properties);
        Builder builder = builder();
        String provider = lookup.get(PROVIDER);
        if (provider != null) {
            builder.provider(LlmProvider.parse(provider));
        }
        String baseUrl = lookup.get(BASE_URL);
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        }
        builder.model(lookup.get(MODEL));
        // Every key is kept; which one a call uses is decided once the final provider is known (see apiKey()).
        builder.keys = new ProviderKeys(
                key(lookup, API_KEY),
                key(lookup, "OPENAI_API_KEY"),
                key(lookup, "AZURE_OPENAI_API_KEY"),
                key(lookup, "ANTHROPIC_API_KEY"),
                lookup.get("OPENAI_ORG_ID"),
                lookup.get("OPENAI_PROJECT_ID"));
        String headers = lookup.get(HEADERS);
        if (headers != null) {
            builder.headers(ExtraHeaders.parse(headers));
        }
        String proxy = lookup.get("HTTPS_PROXY");
        builder.proxy(
                proxy != null ? proxy : lookup.get("https_proxy"),
                lookup.get("NO_PROXY") != null ? lookup.get("NO_PROXY") : lookup.get("no_proxy"));
        String allowHttp = lookup.get(ALLOW_HTTP);
        if (allowHttp != null) {
            builder.allowInsecureHttp(Boolean.parseBoolean(allowHttp.strip()));
        }
        String version = lookup.get(HTTP_VERSION);
        if (version != null) {
            builder.httpVersion(parseHttpVersion(version));
        }
        String timeout = lookup.get(TIMEOUT);
        if (timeout != null) {
            builder.narrationDeadline(parseDuration(TIMEOUT, timeout));
        }
        String concurrency = lookup.get(CONCURRENCY);
        if (concurrency != null) {
            builder.maxConcurrency(parseInt(CONCURRENCY, concurrency));
        }
        String requestsPerSecond = lookup.get(REQUESTS_PER_SECOND);
        String tokensPerMinute = lookup.get(TOKENS_PER_MINUTE);
        if (requestsPerSecond != null || tokensPerMinute != null) {
            builder.rateLimit(
                    requestsPerSecond == null ? 0 : parseRate(REQUESTS_PER_SECOND, requestsPerSecond),
                    tokensPerMinute == null ? 0 : parseRate(TOKENS_PER_MINUTE, tokensPerMinute));
        }
        String redact = lookup.get(REDACT_IDS);
        if (redact != null) {
            builder.redactIds(Boolean.parseBoolean(redact.strip()));
        }
        String prices = lookup.get(PRICES);
        if (prices != null) {
            builder.prices(PriceTable.parse(prices));
        }
        return builder.build();
    }

    /**
     * One line for logs and CLI output, e.g. {@code openai gpt-4o-mini at https://api.openai.com/v1 (API key set)};
     * never the key itself.
     */
    public String describe() {
        if (provider == LlmProvider.NONE) {
            return "none (template narratives, no network)";
        }
        return provider.configName() + " " + model + " at " + baseUrl + " ("
                + (apiKey() == null ? "no API key" : "API key set") + ", "
                + (httpVersion == HttpClient.Version.HTTP_1_1 ? "HTTP/1.1" : "HTTP/2")
                + ", deadline " + narrationDeadline.toMillis() + " ms)";
    }

    /** A builder holding these settings, to override some (e.g. from command-line options). */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.provider = provider;
        // Values that are only the old provider's defaults are dropped, so that a new provider gets its own; values
        // the user set (COSTAGENT_LLM_BASE_URL, _MODEL) keep their meaning, also when the provider was none.
        builder.baseUrl = baseUrl == null || provider != LlmProvider.NONE && baseUrl.equals(provider.defaultBaseUrl())
                ? null
                : baseUrl;
        builder.model =
                model == null || provider != LlmProvider.NONE && model.equals(provider.defaultModel()) ? null : model;
        builder.keys = keys;
        builder.headers = headers;
        builder.proxy = proxy;
        builder.noProxy = noProxy;
        builder.allowInsecureHttp = allowInsecureHttp;
        builder.httpVersion = httpVersion;
        builder.connectTimeout = connectTimeout;
        builder.narrationDeadline = narrationDeadline;
        builder.maxAttempts = maxAttempts;
        builder.maxConcurrency = maxConcurrency;
        builder.requestsPerSecond = requestsPerSecond;
        builder.tokensPerMinute = tokensPerMinute;
        builder.cacheSize = cacheSize;
        builder.redactIds = redactIds;
        builder.prices = prices;
        return builder;
    }

    /** Parses {@code 1.1}/{@code HTTP_1_1} or {@code 2}/{@code HTTP_2}. */
    static HttpClient.Version parseHttpVersion(String text) {
        String value =
                text.strip().toUpperCase(Locale.ROOT).replace("HTTP/", "").replace("HTTP_", "");
        switch (value) {
            case "1.1", "1_1", "1":
                return HttpClient.Version.HTTP_1_1;
            case "2", "2.0":
                return HttpClient.Version.HTTP_2;
            default:
                throw new IllegalArgumentException(HTTP_VERSION + " must be 1.1 or 2, was '" + text + "'");
        }
    }

    /** Parses {@code 20s}, {@code 1500ms}, {@code 1m30s}, {@code PT20S}, or plain seconds. */
    static Duration parseDuration(String name, String text) {
        String value = text.strip();
        try {
            Duration duration = value.toUpperCase(Locale.ROOT).startsWith("P")
                    ? Duration.parse(value)
                    : value.matches("\\d+(\\.\\d+)?")
                            ? Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000))
                            : RetryHints.parseGoDuration(value);
            if (duration != null && !duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                name + " must be a positive duration such as 20s or 1500ms, was '" + text + "'");
    }

    private static ApiKey key(Lookup lookup, String name) {
        String value = lookup.get(name);
        return value == null ? null : ApiKey.of(value);
    }

    private static double parseRate(String name, String text) {
        try {
            double rate = Double.parseDouble(text.strip());
            if (rate >= 0 && Double.isFinite(rate)) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a number of zero or more, was '" + text + "'");
    }

    private static int parseInt(String name, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + text + "'", e);
        }
    }

    private static void requirePositive(Duration duration, String name) {
        requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }

    /** Reads a setting: system property first, then environment variable; blank counts as absent. */
    private record Lookup(Map<String, String> environment, Properties properties) {
        String get(String name) {
            String value = properties.getProperty(name);
            if (value == null || value.isBlank()) {
                value = environment.get(name);
            }
            return value == null || value.isBlank() ? null : value;
        }
    }

    /** Builds {@link LlmSettings}. */
    public static final class Builder {
        private LlmProvider provider = LlmProvider.NONE;
        private URI baseUrl;
        private String model;
        private ProviderKeys keys = ProviderKeys.NONE;
        private ExtraHeaders headers = ExtraHeaders.NONE;
        private String proxy;
        private String noProxy;
        private boolean allowInsecureHttp;
        private HttpClient.Version httpVersion = HttpClient.Version.HTTP_1_1;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration narrationDeadline = Duration.ofSeconds(20);
        private int maxAttempts = 4;
        private int maxConcurrency = 8;
        private double requestsPerSecond;
        private double tokensPerMinute;
        private long cacheSize = 1000;
        private boolean redactIds;
        private PriceTable prices = PriceTable.EMPTY;

        private Builder() {}

        /** The provider; default none. */
        public Builder provider(LlmProvider value) {
            this.provider = requireNonNull(value, "provider");
            return this;
        }

        /** The provider by configuration name ({@code --llm openai}). */
        public Builder provider(String name) {
            return provider(LlmProvider.parse(name));
        }

        /** The base URL; default the provider's public endpoint. */
        public Builder baseUrl(URI value) {
            this.baseUrl = value;
            return this;
        }

        /** The base URL as text ({@code --llm-base-url}); a clear error when it is not a URL. */
        public Builder baseUrl(String value) {
            if (value == null || value.isBlank()) {
                this.baseUrl = null;
                return this;
            }
            try {
                URI uri = new URI(value.strip());
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new URISyntaxException(value, "not an absolute http(s) URL");
                }
                this.baseUrl = uri;
                return this;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(
                        "LLM base URL must be an absolute http(s) URL such as " + "https://api.openai.com/v1, was '"
                                + value + "'",
                        e);
            }
        }

        /** The model ({@code --llm-model}); default the provider's default model. */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /** costagent's own API key, sent to whichever provider is configured (vendor keys stay in {@link ProviderKeys}). */
        public Builder apiKey(ApiKey value) {
            this.keys = keys.withExplicit(value);
            return this;
        }

        /** All keys; which one a call uses is chosen once the provider is known. */
        public Builder keys(ProviderKeys value) {
            this.keys = value == null ? ProviderKeys.NONE : value;
            return this;
        }

        /** Extra headers for every request; default none. */
        public Builder headers(ExtraHeaders value) {
            this.headers = value == null ? ExtraHeaders.NONE : value;
            return this;
        }

        /** The {@code HTTPS_PROXY} URL and {@code NO_PROXY} list; default none (the JVM's settings apply). */
        public Builder proxy(String proxyUrl, String noProxyList) {
            this.proxy = proxyUrl == null || proxyUrl.isBlank() ? null : proxyUrl.strip();
            this.noProxy = noProxyList;
            return this;
        }

        /** Whether plain http may go to a host that is not loopback; default false. */
        public Builder allowInsecureHttp(boolean value) {
            this.allowInsecureHttp = value;
            return this;
        }

        /** The HTTP version; default HTTP/1.1. */
        public Builder httpVersion(HttpClient.Version value) {
            this.httpVersion = value;
            return this;
        }

        /** The connect timeout; default 10 s. */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /** The narration deadline; default 20 s. */
        public Builder narrationDeadline(Duration value) {
            this.narrationDeadline = value;
            return this;
        }

        /** The most attempts per call; default 4. */
        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        /** The most calls in flight; default 8. */
        public Builder maxConcurrency(int value) {
            this.maxConcurrency = value;
            return this;
        }

        /** Client-side rate limits; default none. */
        public Builder rateLimit(double newRequestsPerSecond, double newTokensPerMinute) {
            this.requestsPerSecond = newRequestsPerSecond;
            this.tokensPerMinute = newTokensPerMinute;
            return this;
        }

        /** The cache size; default 1000. */
        public Builder cacheSize(long value) {
            this.cacheSize = value;
            return this;
        }

        /** Whether to redact ids; default off. */
        public Builder redactIds(boolean value) {
            this.redactIds = value;
            return this;
        }

        /** The price table; default empty. */
        public Builder prices(PriceTable value) {
            this.prices = value;
            return this;
        }

        /** Builds and checks the settings. */
        public LlmSettings build() {
            return new LlmSettings(
                    provider,
                    baseUrl,
                    model,
                    keys,
                    httpVersion,
                    connectTimeout,
                    narrationDeadline,
                    maxAttempts,
                    maxConcurrency,
                    requestsPerSecond,
                    tokensPerMinute,
                    cacheSize,
                    redactIds,
                    prices,
                    headers,
                    proxy,
                    noProxy,
                    allowInsecureHttp);
        }
    }
}
