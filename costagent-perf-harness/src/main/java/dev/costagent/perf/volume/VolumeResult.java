package dev.costagent.perf.volume;

import dev.costagent.perf.report.Chart;
import dev.costagent.perf.report.Check;
import dev.costagent.perf.report.Series;
import dev.costagent.perf.resource.Units;
import dev.costagent.perf.stats.LeastSquares;
import dev.costagent.perf.stats.LinearFit;
import java.util.List;
import java.util.Locale;

/**
 * Time per record per size, the complexity exponent and the degradation.
 *
 * @param name   workload name
 * @param points one per size, ascending
 * @param fit    least-squares line through (log size, log median time); its slope is the exponent
 * @param recordsProcessed records processed over all runs of all sizes, warm-up included
 */
public record VolumeResult(String name, List<VolumePoint> points, LinearFit fit, long recordsProcessed) {

    /** Copies the points. */
    public VolumeResult {
        points = List.copyOf(points);
    }

    /** Fits the log-log line to the points (at least two sizes). */
    public static VolumeResult of(String name, List<VolumePoint> points, long recordsProcessed) {
        if (points.size() < 2) {
            throw new IllegalArgumentException("data-volume scaling needs at least 2 sizes, got " + points.size());
        }
        double[] logSize = new double[points.size()];
        double[] logTime = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            logSize[i] = Math.log(points.get(i).size());
            logTime[i] = Math.log(points.get(i).medianNanos());
        }
        return new VolumeResult(name, points, LeastSquares.line(logSize, logTime), recordsProcessed);
    }

    /** Empirical complexity exponent: the slope of log time against log size (1 = linear, 2 = quadratic). */
    public double exponent() {
        return fit.slope();
    }

    /** Per-record time at the largest size divided by that at the smallest (1 = no degradation). */
    public double degradation() {
        return points.get(points.size() - 1).nanosPerRecord() / points.get(0).nanosPerRecord();
    }

    /** Checks the degradation against a maximum. */
    public Check checkMaxDegradation(double max) {
        return Check.of(
                "per-record time degradation " + points.get(0).size() + " -> "
                        + points.get(points.size() - 1).size(),
                fmt(degradation()) + "x",
                "<= " + fmt(max) + "x",
                degradation() <= max);
    }

    /** Checks the complexity exponent against a maximum. */
    public Check checkMaxExponent(double max) {
        return Check.of("complexity exponent (log-log slope)", fmt(exponent()), "<= " + fmt(max), exponent() <= max);
    }

    /** A table plus exponent and degradation, for the console. */
    public String summary() {
        StringBuilder s = new StringBuilder(name).append(System.lineSeparator());
        s.append(String.format(Locale.ROOT, "%12s %14s %14s %6s%n", "records", "time/run", "ns/record", "runs"));
        for (VolumePoint p : points) {
            s.append(String.format(
                    Locale.ROOT,
                    "%12d %14s %14.2f %6d%n",
                    p.size(),
                    Units.nanos(p.medianNanos()),
                    p.nanosPerRecord(),
                    p.repetitions()));
        }
        s.append(String.format(
                Locale.ROOT, "exponent %.3f (R2 %.3f), degradation %.2fx", exponent(), fit.rSquared(), degradation()));
        return s.toString();
    }

    /** Charts for reports: time per record against size, and total time against size (log-log, with the fit). */
    public List<Chart> charts() {
        int n = points.size();
        double[] size = new double[n];
        double[] perRecord = new double[n];
        double[] total = new double[n];
        double[] fitted = new double[n];
        for (int i = 0; i < n; i++) {
            size[i] = points.get(i).size();
            perRecord[i] = points.get(i).nanosPerRecord();
            total[i] = points.get(i).medianNanos() / 1e6;
            fitted[i] = Math.exp(fit.at(Math.log(size[i]))) / 1e6;
        }
        return List.of(
                new Chart(
                        "Time per record by data size",
                        "records",
                        "ns/record",
                        List.of(Series.measured("ns/record", size, perRecord)),
                        true,
                        false),
                Chart.logLog(
                        "Total time by data size (log-log)",
                        "records",
                        "ms per run",
                        List.of(
                                Series.measured("measured", size, total),
                                Series.fitted(
                                        String.format(Locale.ROOT, "fit: exponent %.2f", exponent()), size, fitted))));
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
