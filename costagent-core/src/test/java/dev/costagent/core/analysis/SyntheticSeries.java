package dev.costagent.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test-only daily series: level × (1 + weekly pattern) × (1 + trend · day) × (1 + noise), with planted spikes and
 * drops whose days and sizes are the ground truth.
 */
public final class SyntheticSeries {
    /** A weekday profile with a weekend dip (Mon..Sun relative). */
    public static final double[] WEEKLY = {0.08, 0.10, 0.10, 0.08, 0.04, -0.20, -0.20};

    /** A planted anomaly. */
    public record Planted(int day, double relative) {}

    /** A series and its planted anomalies. */
    public record Labelled(double[] values, List<Planted> planted) {}

    private SyntheticSeries() {}

    /** A clean series (no anomalies). */
    public static double[] clean(Random random, int days, double level, double trendPerDay, double noise) {
        double[] x = new double[days];
        for (int d = 0; d < days; d++) {
            x[d] = level * (1 + WEEKLY[d % 7]) * (1 + trendPerDay * d) * (1 + noise * random.nextGaussian());
            x[d] = Math.max(x[d], 0);
        }
        return x;
    }

    /**
     * A series with {@code count} spikes and drops at least {@code gap} days apart, after day 14, each
     * {@code minMagnitude..minMagnitude+0.5} relative (drops capped at -90%).
     */
    public static Labelled withAnomalies(
            Random random,
            int days,
            double level,
            double trendPerDay,
            double noise,
            int count,
            double minMagnitude,
            int gap) {
        double[] x = clean(random, days, level, trendPerDay, noise);
        List<Planted> planted = new ArrayList<>();
        List<Integer> taken = new ArrayList<>();
        while (planted.size() < count) {
            int day = 14 + random.nextInt(days - 14);
            if (taken.stream().anyMatch(t -> Math.abs(t - day) < gap)) {
                continue;
            }
            taken.add(day);
            double size = minMagnitude + 0.5 * random.nextDouble();
            double relative = random.nextBoolean() ? size : -Math.min(size, 0.9);
            x[day] = x[day] * (1 + relative);
            planted.add(new Planted(day, relative));
        }
        return new Labelled(x, planted);
    }
}
