package dev.costagent.datagen;

/**
 * Deterministic randomness by hashing: every draw is a pure function of the seed and the coordinates of what is
 * drawn (resource, hour, ...). Rows therefore come out the same whatever order they are generated in, and planting
 * an anomaly never shifts the noise of any other row.
 *
 * <p>Transcendental functions elsewhere in the package go through {@link StrictMath}, whose results are fixed by
 * specification, so that the same seed gives the same bytes on every JVM and CPU.
 */
final class Dice {

    private static final double SQRT3 = Math.sqrt(3.0);

    private Dice() {}

    /** SplitMix64's finalizer: a bijective, well-mixed 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A hash of the seed and three coordinates. */
    static long hash(long seed, long a, long b, long c) {
        long h = mix(seed + 0x9E3779B97F4A7C15L);
        h = mix(h ^ (a * 0xD6E8FEB86659FD93L));
        h = mix(h ^ (b * 0xA0761D6478BD642FL));
        return mix(h ^ (c * 0xE7037ED1A0B428DBL));
    }

    /** A uniform double in [0, 1) from a hash. */
    static double uniform(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /**
     * An approximately standard normal draw from a hash: the sum of four uniforms, centred and scaled to unit
     * variance. Its tails are bounded at ±3.46, which keeps noisy quantities positive for noise levels up to 0.25.
     */
    static double gaussian(long hash) {
        double sum = (hash & 0xFFFF) + ((hash >>> 16) & 0xFFFF) + ((hash >>> 32) & 0xFFFF) + (hash >>> 48);
        return (sum / 65536.0 - 2.0) * SQRT3;
    }

    /** A uniform integer in [0, bound). */
    static int below(long hash, int bound) {
        return (int) Math.floorMod(hash, (long) bound);
    }
}
