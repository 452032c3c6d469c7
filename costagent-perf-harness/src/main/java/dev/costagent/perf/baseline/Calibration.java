package dev.costagent.perf.baseline;

import dev.costagent.perf.stats.Stats;
import java.util.Arrays;

/**
 * A fixed workload measured beside a benchmark, to tell machine drift from a regression: a baseline stores the
 * calibration's figure from when it was recorded, a comparison measures it again, and the ratio of the two is the
 * machine's own slowdown (frequency scaling, a noisy neighbour, thermal throttling). The benchmark's samples are
 * divided by that factor before they are compared, and the threshold grows with the noise measured on both
 * sides (see {@link BaselineComparator#compare(Baseline, double[], EnvironmentFingerprint, double[])}).
 *
 * <p>The workload is CPU- and cache-bound, allocation-free and deterministic: an xorshift walk over a 64 KiB int
 * array with a data-dependent branch, {@value #ITERATIONS} iterations of about {@value #ITERATION_MILLIS} ms each,
 * after a warm-up of the same length. It costs about 0.2 s per measurement.
 */
public final class Calibration {

    /** Measured iterations. */
    public static final int ITERATIONS = 9;
    /** Milliseconds per iteration. */
    public static final int ITERATION_MILLIS = 15;

    private static final int[] DATA = new int[16_384];
    private static volatile long sink;

    static {
        int x = 0x9E3779B9;
        for (int i = 0; i < DATA.length; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            DATA[i] = x;
        }
    }

    private Calibration() {}

    /** Measures the calibration workload now: ns per pass, one sample per iteration. */
    public static double[] measure() {
        for (int i = 0; i < ITERATIONS; i++) {
            iteration(); // warm-up
        }
        double[] samples = new double[ITERATIONS];
        for (int i = 0; i < ITERATIONS; i++) {
            samples[i] = iteration();
        }
        return samples;
    }

    /** Relative noise of samples: median absolute deviation over the median (0 for fewer than 2 samples). */
    public static double noise(double[] samples) {
        if (samples.length < 2) {
            return 0;
        }
        double median = Stats.median(samples);
        double[] deviations =
                Arrays.stream(samples).map(s -> Math.abs(s - median)).toArray();
        return median == 0 ? 0 : Stats.median(deviations) / median;
    }

    private static double iteration() {
        return iteration(ITERATION_MILLIS * 1_000_000L);
    }

    /**
     * One calibration iteration of about {@code nanos}: ns per pass. A benchmark measures it right after each of its
     * own iterations, so every sample has a machine reading taken under the same load beside it.
     */
    public static double iteration(long nanos) {
        return iteration(nanos, false);
    }

    /**
     * One calibration iteration of about {@code nanos} of wall time: ns per pass of the calling thread's CPU time
     * when {@code cpu} (and the JVM measures thread CPU time), else of wall time. CPU time leaves out the time the
     * thread waited for a core, which on a shared machine is most of the noise.
     */
    public static double iteration(long nanos, boolean cpu) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean useCpu = cpu && threads.isCurrentThreadCpuTimeSupported();
        long cpuStart = useCpu ? threads.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        long deadline = start + nanos;
        long passes = 0;
        long acc = 0;
        long now;
        do {
            acc += pass(acc);
            passes++;
            now = System.nanoTime();
        } while (now < deadline);
        sink = acc;
        if (useCpu) {
            return (threads.getCurrentThreadCpuTime() - cpuStart) / (double) passes;
        }
        return (now - start) / (double) passes;
    }

    private static long pass(long seed) {
        int index = (int) (seed & (DATA.length - 1));
        long acc = seed;
        for (int i = 0; i < 4_096; i++) {
            int value = DATA[index];
            acc += (value & 1) == 0 ? value : value >>> 3;
            index = (index + (value & 0xFF) + 1) & (DATA.length - 1);
        }
        return acc;
    }
}
