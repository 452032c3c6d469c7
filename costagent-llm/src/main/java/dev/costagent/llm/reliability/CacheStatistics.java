package dev.costagent.llm.reliability;

/**
 * How well the response cache works.
 *
 * @param hits lookups answered from the cache
 * @param misses lookups that went to the provider
 * @param evictions entries dropped to stay within the size bound
 * @param size entries held now
 */
public record CacheStatistics(long hits, long misses, long evictions, long size) {

    /** Hits divided by lookups; 0 when there were none. */
    public double hitRate() {
        long lookups = hits + misses;
        return lookups == 0 ? 0 : (double) hits / lookups;
    }
}
