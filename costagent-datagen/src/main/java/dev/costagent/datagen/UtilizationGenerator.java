package dev.costagent.datagen;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Generates deterministic CPU (and memory) utilization series with a chosen {@link UtilizationProfile}: 5-minute
 * samples by default over 14 days, with a daily rhythm and noise. Same seed, resource id and profile: same series.
 *
 * <p>How each profile is drawn (before an optional exact p95 target is applied by scaling):
 * <ul>
 *   <li>IDLE: about 1% with a small daily swing, and rare short cron blips up to about 10%;</li>
 *   <li>OVER_PROVISIONED: about 15% ±35% over the day;</li>
 *   <li>OPTIMIZED: about 55% ±8 points over the day;</li>
 *   <li>UNDER_PROVISIONED: about 88% ±5 points, capped at 100%;</li>
 *   <li>BURSTY: about 3%, with three full-hour bursts near 65% every day (two fixed, one at a random hour).</li>
 * </ul>
 * Values are rounded to 0.001 so that a CSV round trip is exact.
 */
public final class UtilizationGenerator {

    private final long seed;
    private final Instant start;
    private final int days;
    private final int stepSeconds;
    private final boolean memory;

    private UtilizationGenerator(Builder b) {
        this.seed = b.seed;
        this.start = b.start;
        this.days = b.days;
        this.stepSeconds = b.stepMinutes * 60;
        this.memory = b.memory;
    }

    /** A builder: seed 42, 14 days from 2024-09-17, 5-minute steps, with memory. */
    public static Builder builder() {
        return new Builder();
    }

    /** The number of samples per series. */
    public int samples() {
        return (int) ((long) days * 86_400 / stepSeconds);
    }

    /** The first sample's time. */
    public Instant start() {
        return start;
    }

    /** A series of the given profile. */
    public UtilizationSeries series(String resourceId, UtilizationProfile profile) {
        requireNonNull(resourceId, "resourceId");
        requireNonNull(profile, "profile");
        long key = resourceKey(resourceId);
        int n = samples();
        float[] cpu = new float[n];
        for (int i = 0; i < n; i++) {
            cpu[i] = round(cpuSample(profile, key, i));
        }
        return new UtilizationSeries(
                resourceId, profile, start, stepSeconds, cpu, memory ? memory(profile, key) : null);
    }

    /**
     * A series of the given profile scaled so that its CPU p95 (nearest rank) is {@code cpuP95}, to plant a machine
     * with a known percentile. The target must lie in the profile's band: IDLE (0, 5], OVER_PROVISIONED (5, 35],
     * OPTIMIZED [45, 75], UNDER_PROVISIONED (80, 98]; BURSTY cannot be targeted.
     */
    public UtilizationSeries series(String resourceId, UtilizationProfile profile, double cpuP95) {
        checkTarget(profile, cpuP95);
        UtilizationSeries raw = series(resourceId, profile);
        float[] cpu = raw.cpu();
        double scale = cpuP95 / UtilizationSeries.nearestRank(cpu, 95);
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] = round(Math.min(100.0, cpu[i] * scale));
        }
        return new UtilizationSeries(resourceId, profile, start, stepSeconds, cpu, raw.memory());
    }

    private static void checkTarget(UtilizationProfile profile, double p95) {
        boolean ok = switch (profile) {
            case IDLE -> p95 > 0 && p95 <= 5;
            case OVER_PROVISIONED -> p95 > 5 && p95 <= 35;
            case OPTIMIZED -> p95 >= 45 && p95 <= 75;
            case UNDER_PROVISIONED -> p95 > 80 && p95 <= 98;
            case BURSTY -> false;
        };
        if (!ok) {
            throw new IllegalArgumentException("a CPU p95 of " + p95 + " is outside the band of " + profile);
        }
    }

    private double cpuSample(UtilizationProfile profile, long key, int i) {
        long second = start.getEpochSecond() + (long) i * stepSeconds;
        double hourOfDay = Math.floorMod(second, 86_400L) / 3600.0;
        double daily = StrictMath.cos(2 * Math.PI * (hourOfDay - 15) / 24.0);
        double g = Dice.gaussian(Dice.hash(seed, key, i, 1));
        double v = switch (profile) {
            case IDLE -> {
                double blip = Dice.uniform(Dice.hash(seed, key, i, 2));
                yield blip < 0.004 ? 6 + 4 * blip / 0.004 : 1.2 + 0.6 * daily + 0.4 * g;
            }
            case OVER_PROVISIONED -> 15 * (1 + 0.35 * daily) + 1.5 * g;
            case OPTIMIZED -> 55 + 8 * daily + 3 * g;
            case UNDER_PROVISIONED -> 88 + 5 * daily + 3 * g;
            case BURSTY -> burstHour(key, second) ? 65 + 5 * g : 3 + 1.5 * g;
        };
        return Math.max(0.05, Math.min(100.0, v));
    }

    /** Bursty machines run hard at 02:00 and 14:00 UTC and at one more hour of the day chosen per day. */
    private boolean burstHour(long key, long second) {
        long day = Math.floorDiv(second, 86_400L);
        int hour = (int) (Math.floorMod(second, 86_400L) / 3600);
        int extra =
                4 + Dice.below(Dice.hash(seed, key, day, 3), 8) + (Dice.below(Dice.hash(seed, key, day, 4), 2) * 12);
        return hour == 2 || hour == 14 || hour == extra;
    }

    private float[] memory(UtilizationProfile profile, long key) {
        double level = switch (profile) {
            case IDLE -> 18;
            case OVER_PROVISIONED -> 28;
            case OPTIMIZED -> 62;
            case UNDER_PROVISIONED -> 78;
            case BURSTY -> 38;
        };
        int n = samples();
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            long second = start.getEpochSecond() + (long) i * stepSeconds;
            double daily = StrictMath.cos(2 * Math.PI * (Math.floorMod(second, 86_400L) / 3600.0 - 15) / 24.0);
            double v = level + 2 * daily + 2 * Dice.gaussian(Dice.hash(seed, key, i, 5));
            values[i] = round(Math.max(0.5, Math.min(100.0, v)));
        }
        return values;
    }

    private static long resourceKey(String resourceId) {
        long h = 1125899906842597L;
        for (int i = 0; i < resourceId.length(); i++) {
            h = 31 * h + resourceId.charAt(i);
        }
        return Dice.mix(h);
    }

    private static float round(double v) {
        return (float) (Math.round(v * 1000.0) / 1000.0);
    }

    /** Builds a {@link UtilizationGenerator}. */
    public static final class Builder {
        private long seed = 42;
        private Instant start =
                LocalDate.of(2024, 9, 17).atStartOfDay(ZoneOffset.UTC).toInstant();
        private int days = 14;
        private int stepMinutes = 5;
        private boolean memory = true;

        private Builder() {}

        /** The seed (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The first sample's time (default 2024-09-17T00:00:00Z). */
        public Builder start(Instant start) {
            this.start = requireNonNull(start, "start");
            return this;
        }

        /** Days covered, 1 to 90 (default 14, what utilization verdicts look at). */
        public Builder days(int days) {
            if (days < 1 || days > 90) {
                throw new IllegalArgumentException("days must be 1 to 90, got " + days);
            }
            this.days = days;
            return this;
        }

        /** Minutes between samples, 1 to 60 (default 5, as CloudWatch basic monitoring). */
        public Builder stepMinutes(int stepMinutes) {
            if (stepMinutes < 1 || stepMinutes > 60) {
                throw new IllegalArgumentException("stepMinutes must be 1 to 60, got " + stepMinutes);
            }
            this.stepMinutes = stepMinutes;
            return this;
        }

        /** Whether to generate a memory series too (default true). */
        public Builder memory(boolean memory) {
            this.memory = memory;
            return this;
        }

        /** The generator. */
        public UtilizationGenerator build() {
            return new UtilizationGenerator(this);
        }
    }
}
