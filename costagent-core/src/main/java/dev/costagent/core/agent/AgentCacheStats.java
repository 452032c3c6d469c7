package dev.costagent.core.agent;

import com.google.common.cache.CacheStats;

/**
 * How well the agent's caches work.
 *
 * @param tables hits, misses, loads and evictions of the ingested-table cache
 * @param tableEntries tables cached now
 * @param analyses the same for the analysis cache
 * @param analysisEntries analyses cached now
 */
public record AgentCacheStats(CacheStats tables, long tableEntries, CacheStats analyses, long analysisEntries) {}
