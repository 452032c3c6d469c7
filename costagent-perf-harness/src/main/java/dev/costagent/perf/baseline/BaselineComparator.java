package dev.costagent.perf.baseline;

import dev.costagent.perf.stats.Bootstrap;
import dev.costagent.perf.stats.ConfidenceInterval;
import dev.costagent.perf.stats.MannWhitney;
import dev.costagent.perf.stats.Stats;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether new samples are a regression, an improvement, or unchanged relative to a {@link Baseline}.
 *
 * <p>A change counts only when it is both <em>significant</em> (per {@link ComparisonPolicy.Method}) and
 * <em>large</em>: the ratio of medians beyond 1 + threshold (regression) or below 1 − threshold (improvement).
 * Requiring both keeps tiny-but-significant drifts of long runs and large-but-noisy swings of short runs from
 * failing a build.
 *
 * <pre>{@code
 * Comparison c = new BaselineComparator(ComparisonPolicy.defaults()).compare(baseline, currentNanosPerOp);
 * if (c.failing()) fail(c.summary());
 * }</pre>
 */
public final class BaselineComparator {

    private final ComparisonPolicy policy;

    /** A comparator applying {@code policy}. */
    public BaselineComparator(ComparisonPolicy policy) {
        this.policy = policy;
    }

    /** The policy applied. */
    public ComparisonPolicy policy() {
        return policy;
    }

    /** Compares {@code current} (same unit as the baseline) with {@code baseline}, in this environment. */
    public Comparison compare(Baseline baseline, double[] current) {
        return compare(baseline, current, EnvironmentFingerprint.current());
    }

    /** The largest threshold the measured noise may ask for: beyond it a 30 % slowdown could not be seen. */
    public static final double MAX_THRESHOLD = 0.25;

    /**
     * Compares {@code current} with {@code baseline}, telling machine drift from a regression with the
     * {@link Calibration} workload.
     *
     * <p><b>Paired</b> (both sides have one calibration sample per sample, measured right after it, as a
     * {@code calibrated} benchmark run takes them): every sample is divided by its own calibration sample, so each
     * is expressed in "calibration passes" taken under the same momentary load, and the two normalised sets are
     * compared. A busy neighbour that slows one iteration slows its calibration too, and the quotient stays.
     * <b>Unpaired</b> (a calibration measured once beside each run, or pairing that would make the noise larger than
     * the samples' own): the current samples are divided by the machine factor median(calibration now) /
     * median(calibration then).
     *
     * <p>The threshold is the larger of the policy's and three times the measured noise (relative median absolute
     * deviation of the compared sets, and of the calibration sets when unpaired), at most {@value #MAX_THRESHOLD}
     * (then the verdict says the noise asked for more). The verdict's warnings say how much of the raw change was
     * the machine.
     */
    public Comparison compare(
            Baseline baseline, double[] current, EnvironmentFingerprint environment, double[] calibrationNow) {
        double[] then = baseline.calibration();
        if (then.length == 0 || calibrationNow == null || calibrationNow.length == 0) {
            return compare(baseline, current, environment);
        }
        double factor = Stats.median(calibrationNow) / Stats.median(then);
        double rawChange = Stats.median(current) / Stats.median(baseline.samples()) - 1;
        boolean paired = then.length == baseline.samples().length && calibrationNow.length == current.length;
        double[] base = null;
        double[] now = null;
        double noise = Double.NaN;
        if (paired) {
            base = divide(baseline.samples(), then);
            now = divide(current, calibrationNow);
            noise = Math.max(Calibration.noise(base), Calibration.noise(now));
            double rawNoise = Math.max(Calibration.noise(baseline.samples()), Calibration.noise(current));
            // Pairing helps when a sample and its calibration share the load; when they do not (a core taken away
            // during one and not the other), the quotient is noisier than the sample: then the medians correct.
            paired = noise <= rawNoise;
        }
        if (!paired) {
            base = baseline.samples();
            now = new double[current.length];
            for (int i = 0; i < current.length; i++) {
                now[i] = current[i] / factor;
            }
            noise = Math.max(
                    Math.max(Calibration.noise(baseline.samples()), Calibration.noise(current)),
                    Math.max(Calibration.noise(then), Calibration.noise(calibrationNow)));
        }
        double wanted = Math.max(policy.threshold(), 3 * noise);
        double threshold = Math.min(Math.max(MAX_THRESHOLD, policy.threshold()), wanted);
        Baseline normalised =
                new Baseline(baseline.name(), baseline.unit(), base, baseline.environment(), baseline.recordedAt());
        Comparison corrected0 =
                new BaselineComparator(policy.withThreshold(threshold)).compare(normalised, now, environment);
        List<String> warnings = new ArrayList<>(corrected0.warnings());
        String drift = String.format(
                java.util.Locale.ROOT,
                "machine drift %+.1f%% (calibration workload, %s),"
                        + " raw change %+.1f%%, after correcting for the machine %+.1f%%; threshold %.1f%% (3 x noise"
                        + " %.1f%%, at least the policy's %.0f%%, at most %.0f%%)",
                (factor - 1) * 100,
                paired ? "paired with every sample" : "median of the calibration samples",
                rawChange * 100,
                corrected0.relativeChange() * 100,
                threshold * 100,
                noise * 100,
                policy.threshold() * 100,
                Math.max(MAX_THRESHOLD, policy.threshold()) * 100);
        warnings.add(drift);
        if (wanted > threshold) {
            warnings.add(String.format(
                    java.util.Locale.ROOT,
                    "the noise asked for a %.1f%% threshold, capped at %.1f%%: on a machine this noisy a verdict"
                            + " can be wrong; re-measure with more iterations or forks",
                    wanted * 100,
                    threshold * 100));
        }
        if (corrected0.change() == Change.UNCHANGED && rawChange > threshold) {
            warnings.add("the raw slowdown is the machine's, not the code's: not a regression");
        } else if (corrected0.change() == Change.REGRESSION) {
            warnings.add("a regression of the code: slower beyond the machine's own drift");
        }
        return new Comparison(
                corrected0.name(),
                corrected0.change(),
                corrected0.ratio(),
                corrected0.mannWhitneyP(),
                corrected0.significant(),
                corrected0.environmentDifferences(),
                corrected0.failing(),
                warnings);
    }

    private static double[] divide(double[] samples, double[] by) {
        double[] quotients = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            quotients[i] = samples[i] / by[i];
        }
        return quotients;
    }

    /** Compares {@code current}, measured in {@code environment}, with {@code baseline}. */
    public Comparison compare(Baseline baseline, double[] current, EnvironmentFingerprint environment) {
        if (current.length == 0) {
            throw new IllegalArgumentException("no current samples to compare with baseline '" + baseline.name() + "'");
        }
        List<String> differences = baseline.environment().differencesFrom(environment);
        List<String> warnings = new ArrayList<>();
        boolean crossEnvironment = !differences.isEmpty();
        if (crossEnvironment && policy.crossEnvironment() == ComparisonPolicy.CrossEnvironment.SKIP) {
            warnings.add("baseline from another environment, not compared: " + String.join(", ", differences));
            return new Comparison(
                    baseline.name(), Change.NOT_COMPARED, null, Double.NaN, false, differences, false, warnings);
        }
        double[] base = baseline.samples();
        if (base.length < 5 || current.length < 5) {
            warnings.add("fewer than 5 samples on one side: significance is weak");
        }
        ConfidenceInterval ratio = new Bootstrap(policy.seed(), policy.bootstrapResamples())
                .ratioOfMedians(base, current, 1 - policy.alpha());
        MannWhitney.Result mannWhitney = MannWhitney.test(base, current);
        boolean bootstrapSignificant = !ratio.contains(1.0);
        boolean mannWhitneySignificant = mannWhitney.significantAt(policy.alpha());
        boolean significant = switch (policy.method()) {
            case BOOTSTRAP -> bootstrapSignificant;
            case MANN_WHITNEY -> mannWhitneySignificant;
            case BOTH -> bootstrapSignificant && mannWhitneySignificant;
        };
        Change verdict;
        if (significant && ratio.estimate() > 1 + policy.threshold()) {
            verdict = Change.REGRESSION;
        } else if (significant && ratio.estimate() < 1 - policy.threshold()) {
            verdict = Change.IMPROVEMENT;
        } else {
            verdict = Change.UNCHANGED;
        }
        boolean failing = verdict == Change.REGRESSION;
        if (crossEnvironment) {
            warnings.add("baseline from another environment (" + String.join(", ", differences) + ")");
            if (policy.crossEnvironment() == ComparisonPolicy.CrossEnvironment.WARN && failing) {
                failing = false;
                warnings.add("regression reported as a warning only");
            }
        }
        return new Comparison(
                baseline.name(), verdict, ratio, mannWhitney.pValue(), significant, differences, failing, warnings);
    }
}
