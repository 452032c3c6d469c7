package dev.costagent.llm.config;

import dev.costagent.core.narrate.Narrator;
import dev.costagent.core.narrate.TemplateNarrator;
import dev.costagent.llm.accounting.MeteredLlmClient;
import dev.costagent.llm.accounting.UsageLedger;
import dev.costagent.llm.client.LlmClient;
import dev.costagent.llm.narrate.LlmNarrator;
import dev.costagent.llm.observe.LlmCallListener;
import dev.costagent.llm.observe.ObservedLlmClient;
import dev.costagent.llm.provider.anthropic.AnthropicClient;
import dev.costagent.llm.provider.ollama.OllamaClient;
import dev.costagent.llm.provider.openai.OpenAiClient;
import dev.costagent.llm.reliability.ReliableLlmClient;
import dev.costagent.llm.reliability.RetryPolicy;
import dev.costagent.llm.transport.Endpoint;
import dev.costagent.llm.transport.EnvironmentProxy;
import java.net.ProxySelector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Returns the narrator to use for some settings: the {@link TemplateNarrator} for provider {@code none} (no network
 * at all), otherwise an {@link LlmNarrator} over provider client, usage metering and {@link ReliableLlmClient}.
 *
 * <pre>{@code
 * LlmSettings settings = LlmSettings.fromEnvironment().toBuilder().provider("ollama").build();
 * UsageLedger usage = new UsageLedger();
 * Narrator narrator = Narrators.create(settings, usage);
 * Narrative narrative = narrator.narrate(facts);   // source "model" or "template"
 * UsageReport report = usage.report(settings.prices());
 * }</pre>
 */
public final class Narrators {

    private Narrators() {}

    /** The narrator for {@code settings}, with usage counted in a ledger nobody reads. */
    public static Narrator create(LlmSettings settings) {
        return create(settings, new UsageLedger());
    }

    /**
     * The narrator for {@code settings}, counting every billed call's tokens in {@code usage} and telling the
     * listeners found by {@link ServiceLoader} about each call.
     */
    public static Narrator create(LlmSettings settings, UsageLedger usage) {
        return create(settings, usage, discoveredListeners());
    }

    /** The narrator for {@code settings}, with usage in {@code usage} and calls told to {@code listeners}. */
    public static Narrator create(LlmSettings settings, UsageLedger usage, List<LlmCallListener> listeners) {
        if (settings.provider() == LlmProvider.NONE) {
            return new TemplateNarrator();
        }
        return LlmNarrator.builder(reliableClient(settings, usage, listeners))
                .model(settings.model())
                .deadline(settings.narrationDeadline())
                .redactIds(settings.redactIds())
                .build();
    }

    /** The reliable, metered client for {@code settings} (provider must not be {@code none}). */
    public static ReliableLlmClient reliableClient(LlmSettings settings, UsageLedger usage) {
        return reliableClient(settings, usage, List.of());
    }

    /** The reliable, metered, observed client for {@code settings} (provider must not be {@code none}). */
    public static ReliableLlmClient reliableClient(
            LlmSettings settings, UsageLedger usage, List<LlmCallListener> listeners) {
        ReliableLlmClient client = ReliableLlmClient.builder(
                        new ObservedLlmClient(new MeteredLlmClient(providerClient(settings), usage), listeners))
                .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(settings.maxAttempts()))
                .maxConcurrency(settings.maxConcurrency())
                .rateLimit(settings.requestsPerSecond(), settings.tokensPerMinute())
                .cacheSize(settings.cacheSize())
                .build();
        usage.countCacheHits(() -> client.cacheStatistics().hits());
        return client;
    }

    /** The listeners registered in {@code META-INF/services/dev.costagent.llm.observe.LlmCallListener}. */
    public static List<LlmCallListener> discoveredListeners() {
        List<LlmCallListener> listeners = new ArrayList<>();
        ServiceLoader.load(LlmCallListener.class).forEach(listeners::add);
        return listeners;
    }

    /** The JVM's proxy settings when set, else {@code HTTPS_PROXY}; {@code null} means the JVM's default. */
    static ProxySelector proxy(LlmSettings settings) {
        boolean jvmProxy = System.getProperty("https.proxyHost") != null
                || System.getProperty("http.proxyHost") != null
                || Boolean.getBoolean("java.net.useSystemProxies");
        return jvmProxy || settings.proxy() == null ? null : EnvironmentProxy.of(settings.proxy(), settings.noProxy());
    }

    /** The bare provider adapter for {@code settings} (provider must not be {@code none}). */
    public static LlmClient providerClient(LlmSettings settings) {
        Endpoint endpoint = new Endpoint(
                settings.baseUrl(),
                settings.apiKey(),
                settings.httpVersion(),
                settings.connectTimeout(),
                Clock.systemUTC(),
                settings.requestHeaders(),
                proxy(settings),
                settings.allowInsecureHttp());
        return switch (settings.provider()) {
            case OPENAI -> new OpenAiClient(endpoint);
            case OLLAMA -> new OllamaClient(endpoint);
            case ANTHROPIC -> new AnthropicClient(endpoint);
            case NONE ->
                throw new IllegalArgumentException("provider none has no client: it narrates with " + "templates");
        };
    }
}
