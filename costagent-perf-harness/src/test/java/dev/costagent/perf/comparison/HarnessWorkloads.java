package dev.costagent.perf.comparison;

import dev.costagent.perf.Blackhole;

/**
 * The accuracy comparison's operations as the harness's forked runner calls them ({@code BenchmarkRunner.run(Class,
 * String)}): the same code as {@link AccuracyWorkloads}' JMH methods, with the harness's {@link Blackhole}.
 */
public class HarnessWorkloads {

    private int key;

    /** The cache get on a rotating key. */
    public void cacheGet(Blackhole bh) {
        bh.consume(AccuracyWorkloads.cacheGet(key++));
    }

    /** The 2,000-int checksum. */
    public void checksum(Blackhole bh) {
        bh.consume(AccuracyWorkloads.checksum(key++));
    }

    /** The checksum plus 30 % more of the same work: the slowed-down code of the baseline protocol. */
    public void checksumSlower(Blackhole bh) {
        bh.consume(AccuracyWorkloads.checksum(key++));
        bh.consume(AccuracyWorkloads.checksumPart(key, 600));
    }
}
