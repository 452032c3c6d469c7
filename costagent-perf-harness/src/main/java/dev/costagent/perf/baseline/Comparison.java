package dev.costagent.perf.baseline;

import dev.costagent.perf.stats.ConfidenceInterval;
import java.util.List;
import java.util.Locale;

/**
 * The result of comparing samples with a baseline.
 *
 * @param name                   benchmark name
 * @param change                 regression, improvement, unchanged or not compared
 * @param ratio                  median(current) / median(baseline) with its bootstrap interval (null when not
 *                               compared); above 1 means slower
 * @param mannWhitneyP           two-sided Mann–Whitney p-value (NaN when not compared)
 * @param significant            whether the policy's test found a significant difference
 * @param environmentDifferences how the baseline's environment differs from this one; empty when the same
 * @param failing                whether this comparison should fail the test
 * @param warnings               human-readable warnings (cross-environment, few samples)
 */
public record Comparison(
        String name,
        Change change,
        ConfidenceInterval ratio,
        double mannWhitneyP,
        boolean significant,
        List<String> environmentDifferences,
        boolean failing,
        List<String> warnings) {

    /** Copies the lists. */
    public Comparison {
        environmentDifferences = List.copyOf(environmentDifferences);
        warnings = List.copyOf(warnings);
    }

    /** Relative change of the median, e.g. +0.30 for 30% slower; NaN when not compared. */
    public double relativeChange() {
        return ratio == null ? Double.NaN : ratio.estimate() - 1;
    }

    /** One line, e.g. "parse: REGRESSION +31.2% (95% CI +27.0% .. +35.9%, Mann–Whitney p=0.0001)". */
    public String summary() {
        if (ratio == null) {
            return name + ": " + change + (warnings.isEmpty() ? "" : " (" + String.join("; ", warnings) + ")");
        }
        return String.format(
                Locale.ROOT,
                "%s: %s %+.1f%% (%.0f%% CI %+.1f%% .. %+.1f%%, Mann-Whitney p=%.4f)%s",
                name,
                change,
                relativeChange() * 100,
                ratio.level() * 100,
                (ratio.lower() - 1) * 100,
                (ratio.upper() - 1) * 100,
                mannWhitneyP,
                warnings.isEmpty() ? "" : " [" + String.join("; ", warnings) + "]");
    }
}
