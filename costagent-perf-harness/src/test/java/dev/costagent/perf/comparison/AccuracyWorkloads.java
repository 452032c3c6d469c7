package dev.costagent.perf.comparison;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The two operations the accuracy comparison measures with JMH and with the harness, the same code for both: a
 * cache get (about 7 ns) and a 2,000-element checksum (about 2 us).
 */
@State(Scope.Thread)
public class AccuracyWorkloads {

    /** A cache of per-resource figures keyed by resource id, as a cost tool holds one. */
    static final Map<String, Integer> CACHE = new ConcurrentHashMap<>();
    /**
     * The keys, made once: the lookup is what is measured, not making a key. (Boxing an int key per call, as an earlier
     * version did, allocates above 127, and whether escape analysis removes that allocation is decided afresh by each
     * JVM's compiler: JMH and the harness alike then read anything from 3 to 40 ns for the same code.) The keys are
     * equal to the map's but other instances, so that the map compares their characters, as a lookup by an id read
     * from a request does.
     */
    static final String[] KEYS = new String[1_024];

    static final int[] VALUES = new int[2_000];

    static {
        for (int i = 0; i < KEYS.length; i++) {
            String id = String.format(java.util.Locale.ROOT, "i-%017x", i * 2_654_435_761L);
            CACHE.put(id, i * 31);
            KEYS[i] = new String(id);
        }
        for (int i = 0; i < VALUES.length; i++) {
            VALUES[i] = i * 2_654_435 ^ (i >>> 3);
        }
    }

    private int key;

    /** One cache lookup on a rotating key (a hash, a probe and a 19-character compare): about 7 ns. */
    public static Integer cacheGet(int key) {
        return CACHE.get(KEYS[key & 1_023]);
    }

    /** A checksum over 2,000 ints with a multiply and a data-dependent branch per element: about 2 us. */
    public static long checksum(int seed) {
        long acc = seed;
        for (int value : VALUES) {
            acc = acc * 31 + ((value & 1) == 0 ? value : value >>> 1);
        }
        return acc;
    }

    /** The checksum over the first {@code count} values only (a fraction of {@link #checksum(int)}'s work). */
    public static long checksumPart(int seed, int count) {
        long acc = seed;
        for (int i = 0; i < count; i++) {
            int value = VALUES[i];
            acc = acc * 31 + ((value & 1) == 0 ? value : value >>> 1);
        }
        return acc;
    }

    /** JMH: the cache get. */
    @Benchmark
    public void jmhCacheGet(Blackhole bh) {
        bh.consume(cacheGet(key++));
    }

    /** JMH: the checksum. */
    @Benchmark
    public void jmhChecksum(Blackhole bh) {
        bh.consume(checksum(key++));
    }
}
