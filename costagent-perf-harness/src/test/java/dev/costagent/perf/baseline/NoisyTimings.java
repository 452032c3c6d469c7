package dev.costagent.perf.baseline;

import java.util.SplittableRandom;

/**
 * Synthetic benchmark timings shaped like real ones on a busy machine: a log-normal body (±8%) plus occasional
 * heavy outliers (GC pauses, preemption) that make the mean unreliable. Seeded, so trial loops are reproducible.
 */
final class NoisyTimings {

    private final SplittableRandom random;

    NoisyTimings(long seed) {
        this.random = new SplittableRandom(seed);
    }

    double[] draw(int count, double typicalNanos) {
        double[] samples = new double[count];
        for (int i = 0; i < count; i++) {
            double body = typicalNanos * Math.exp(0.08 * gaussian());
            boolean outlier = random.nextDouble() < 0.10;
            samples[i] = outlier ? body * (1.2 + random.nextDouble() * 1.8) : body;
        }
        return samples;
    }

    private double gaussian() {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
