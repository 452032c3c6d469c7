package dev.costagent.perf.scaling;

import dev.costagent.perf.report.Chart;
import dev.costagent.perf.report.Check;
import dev.costagent.perf.report.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput, speedup and efficiency per worker count, with the Amdahl and USL fits.
 *
 * @param name                name of the workload
 * @param points              one per worker count, ascending
 * @param amdahl              Amdahl's law fitted to the speedups
 * @param usl                 Universal Scalability Law fitted to the speedups
 * @param availableProcessors {@code Runtime.availableProcessors()} during the run
 * @param invocations         every call of the operation, warm-ups included
 */
public record ScalingResult(
        String name,
        List<ScalingPoint> points,
        AmdahlFit amdahl,
        UslFit usl,
        int availableProcessors,
        long invocations) {

    /** Copies the points. */
    public ScalingResult {
        points = List.copyOf(points);
    }

    /** Computes speedups, efficiencies and fits from throughput per worker count (which must include 1). */
    public static ScalingResult of(
            String name,
            int[] workers,
            long[] operations,
            double[] throughput,
            double[] busyCores,
            int availableProcessors,
            long invocations) {
        int one = -1;
        for (int i = 0; i < workers.length; i++) {
            if (workers[i] == 1) {
                one = i;
            }
        }
        if (one < 0) {
            throw new IllegalArgumentException("worker counts must include 1: speedup is relative to one worker");
        }
        if (!(throughput[one] > 0)) {
            throw new IllegalArgumentException("no operation completed with one worker; cannot compute speedup");
        }
        List<ScalingPoint> points = new ArrayList<>();
        double[] n = new double[workers.length];
        double[] speedups = new double[workers.length];
        for (int i = 0; i < workers.length; i++) {
            double speedup = throughput[i] / throughput[one];
            n[i] = workers[i];
            speedups[i] = speedup;
            points.add(new ScalingPoint(
                    workers[i], operations[i], throughput[i], speedup, speedup / workers[i], busyCores[i]));
        }
        AmdahlFit amdahl = workers.length >= 2 ? AmdahlFit.fit(n, speedups) : new AmdahlFit(0, Double.NaN);
        UslFit usl = workers.length >= 2 ? UslFit.fit(n, speedups) : new UslFit(0, 0, Double.NaN);
        return new ScalingResult(name, points, amdahl, usl, availableProcessors, invocations);
    }

    /** The point measured at {@code workers}. */
    public ScalingPoint at(int workers) {
        return points.stream()
                .filter(p -> p.workers() == workers)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no measurement at " + workers + " workers"));
    }

    /** The lowest efficiency over all worker counts. */
    public double minEfficiency() {
        return points.stream().mapToDouble(ScalingPoint::efficiency).min().orElse(Double.NaN);
    }

    /**
     * Checks efficiency ≥ {@code required} at every measured worker count above 1. Counts beyond the available
     * processors are checked as measured; the check's note says so, since CPU-bound work cannot scale there.
     */
    public List<Check> checkMinEfficiency(double required) {
        List<Check> checks = new ArrayList<>();
        for (ScalingPoint p : points) {
            if (p.workers() == 1) {
                continue;
            }
            String note = p.workers() > availableProcessors
                    ? p.workers() + " workers > " + availableProcessors
                            + " available processors: CPU-bound work cannot scale past the core count"
                    : "";
            checks.add(new Check(
                    "efficiency at " + p.workers() + " workers",
                    fmt(p.efficiency()),
                    ">= " + fmt(required),
                    p.efficiency() >= required,
                    note));
        }
        return checks;
    }

    /** A multi-line table plus the fits, for the console. */
    public String summary() {
        StringBuilder s = new StringBuilder(
                String.format(Locale.ROOT, "%s (availableProcessors=%d)%n", name, availableProcessors));
        s.append(String.format(
                Locale.ROOT, "%8s %14s %8s %10s %10s%n", "workers", "ops/s", "speedup", "efficiency", "busy cores"));
        for (ScalingPoint p : points) {
            s.append(String.format(
                    Locale.ROOT,
                    "%8d %14.1f %8.2f %10.2f %10.2f%n",
                    p.workers(),
                    p.throughput(),
                    p.speedup(),
                    p.efficiency(),
                    p.busyCores()));
        }
        s.append(String.format(
                Locale.ROOT,
                "Amdahl sigma=%.4f (R2 %.3f); USL sigma=%.4f kappa=%.5f (R2 %.3f), peak %s",
                amdahl.sigma(),
                amdahl.rSquared(),
                usl.sigma(),
                usl.kappa(),
                usl.rSquared(),
                peakText()));
        return s.toString();
    }

    /** The USL's predicted peak as text: a worker count or "none (no retrograde scaling)". */
    public String peakText() {
        double peak = usl.peakWorkers();
        return Double.isInfinite(peak)
                ? "none (no retrograde scaling)"
                : String.format(Locale.ROOT, "%.1f workers", peak);
    }

    /** Charts for reports: throughput per worker count, and speedup with the ideal line and both fits. */
    public List<Chart> charts() {
        int size = points.size();
        double[] n = new double[size];
        double[] throughput = new double[size];
        double[] speedup = new double[size];
        for (int i = 0; i < size; i++) {
            n[i] = points.get(i).workers();
            throughput[i] = points.get(i).throughput();
            speedup[i] = points.get(i).speedup();
        }
        double maxN = n[size - 1];
        int steps = 50;
        double[] curveN = new double[steps + 1];
        double[] ideal = new double[steps + 1];
        double[] amdahlCurve = new double[steps + 1];
        double[] uslCurve = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            curveN[i] = 1 + (maxN - 1) * i / steps;
            ideal[i] = curveN[i];
            amdahlCurve[i] = amdahl.speedup(curveN[i]);
            uslCurve[i] = usl.speedup(curveN[i]);
        }
        return List.of(
                Chart.linear(
                        "Throughput per worker count (" + availableProcessors + " processors)",
                        "workers",
                        "ops/s",
                        List.of(Series.measured("throughput", n, throughput))),
                Chart.linear(
                        "Speedup with fits",
                        "workers",
                        "speedup",
                        List.of(
                                Series.measured("measured", n, speedup),
                                Series.fitted("ideal (linear)", curveN, ideal),
                                Series.fitted(
                                        String.format(Locale.ROOT, "Amdahl sigma=%.3f", amdahl.sigma()),
                                        curveN,
                                        amdahlCurve),
                                Series.fitted(
                                        String.format(
                                                Locale.ROOT, "USL sigma=%.3f kappa=%.4f", usl.sigma(), usl.kappa()),
                                        curveN,
                                        uslCurve))));
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
