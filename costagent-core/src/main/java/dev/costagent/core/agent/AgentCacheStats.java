package dev.costagent.core.agent;

/**
 * How well the agent's caches work.
 *
 * @param tables the cache of ingested tables (query engines), keyed by source id and version
 * @param analyses the cache of analyses, keyed the same way
 */
public record AgentCacheStats(Counts tables, Counts analyses) {

    /**
     * One cache's counters since the agent was built.
     *
     * @param hits lookups answered from the cache
     * @param misses lookups that had to load
     * @param loads loads finished (successful or not)
     * @param evictions entries dropped for size or expiry
     * @param entries entries held now
     */
    public record Counts(long hits, long misses, long loads, long evictions, long entries) {

        static Counts of(com.google.common.cache.Cache<?, ?> cache) {
            var stats = cache.stats();
            return new Counts(
                    stats.hitCount(), stats.missCount(), stats.loadCount(), stats.evictionCount(), cache.size());
        }

        /** Hits per lookup; 1.0 before the first lookup, as Guava and Caffeine report it. */
        public double hitRate() {
            long lookups = hits + misses;
            return lookups == 0 ? 1.0 : (double) hits / lookups;
        }
    }
}
