package dev.costagent.llm.reliability;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheStats;
import dev.costagent.llm.client.JsonSchemaFormat;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.Message;
import java.util.List;

/**
 * A bounded cache of answers, keyed by everything that shapes an answer: client, model, prompt and parameters (not
 * the timeout). Least recently used entries are evicted first.
 */
public final class ResponseCache {

    private final Cache<Key, LlmResponse> cache;

    /** A cache of at most {@code maximumSize} answers. */
    public ResponseCache(long maximumSize) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("cache size must be at least 1, was " + maximumSize);
        }
        this.cache =
                CacheBuilder.newBuilder().maximumSize(maximumSize).recordStats().build();
    }

    /** The cached answer to {@code request} sent through {@code clientName}, or {@code null}. */
    public LlmResponse get(String clientName, LlmRequest request) {
        return cache.getIfPresent(Key.of(clientName, request));
    }

    /** Remembers an answer. */
    public void put(String clientName, LlmRequest request, LlmResponse response) {
        cache.put(Key.of(clientName, request), response);
    }

    /** Hits, misses, evictions and size so far. */
    public CacheStatistics statistics() {
        CacheStats stats = cache.stats();
        return new CacheStatistics(stats.hitCount(), stats.missCount(), stats.evictionCount(), cache.size());
    }

    /** What identifies an answer. */
    private record Key(
            String client,
            String model,
            String systemPrompt,
            List<Message> messages,
            double temperature,
            int maxTokens,
            JsonSchemaFormat jsonSchema) {

        static Key of(String client, LlmRequest request) {
            return new Key(
                    client,
                    request.model(),
                    request.systemPrompt(),
                    request.messages(),
                    request.temperature(),
                    request.maxTokens(),
                    request.jsonSchema());
        }
    }
}
