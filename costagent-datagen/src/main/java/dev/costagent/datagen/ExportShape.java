package dev.costagent.datagen;

/**
 * The shape of a FOCUS export as real providers write it, for benchmarks and tests that must not be tuned to the
 * generator's own tidy data: a unique line-item id on every row, many short-lived resources, several charge lines per
 * resource, tags on most rows in many combinations, hourly or daily rows, provider columns beyond FOCUS.
 *
 * @param seed the random seed: the same shape writes the same bytes
 * @param rows data rows, exactly
 * @param resources distinct resources (each runs for a while within the span, as autoscaled and ephemeral fleets do)
 * @param linesPerResource charge lines per resource and period (e.g. compute, storage, data transfer: a service each)
 * @param days the span of the charge periods
 * @param daily daily rows ({@code ChargePeriodEnd - ChargePeriodStart} = 1 day), otherwise hourly
 * @param rowIds whether every row carries a unique {@code Id} (as the real FOCUS sample and Azure exports do)
 * @param tagCoverage the share of resources with tags
 * @param tagCombinations distinct tag sets among tagged resources
 * @param extraColumns provider {@code x_} columns beyond FOCUS (Azure's FOCUS 1.2 export has about 60)
 */
public record ExportShape(
        long seed,
        long rows,
        int resources,
        int linesPerResource,
        int days,
        boolean daily,
        boolean rowIds,
        double tagCoverage,
        int tagCombinations,
        int extraColumns) {

    /** Checks the ranges. */
    public ExportShape {
        if (rows < 1 || rows > GeneratorSpec.MAX_ROWS * 10) {
            throw new IllegalArgumentException("rows must be 1 to " + GeneratorSpec.MAX_ROWS * 10 + ", got " + rows);
        }
        if (resources < 1 || linesPerResource < 1 || linesPerResource > 8 || days < 1 || days > 3660) {
            throw new IllegalArgumentException("resources ≥ 1, lines per resource 1 to 8, days 1 to 3660");
        }
        if (!(tagCoverage >= 0 && tagCoverage <= 1) || tagCombinations < 1 || extraColumns < 0 || extraColumns > 200) {
            throw new IllegalArgumentException("tag coverage 0 to 1, tag combinations ≥ 1, extra columns 0 to 200");
        }
    }

    /**
     * The shape of a large real export: 50,000 resources with two charge lines each, hourly rows over 30 days, a unique
     * id per row, tags on 70 % of resources in 2,000 combinations, 8 provider columns.
     */
    public static ExportShape realistic(long rows) {
        return new ExportShape(42, rows, 50_000, 2, 30, false, true, 0.7, 2_000, 8);
    }

    /** The same shape with daily rows. */
    public ExportShape withDailyRows() {
        return new ExportShape(
                seed,
                rows,
                resources,
                linesPerResource,
                days,
                true,
                rowIds,
                tagCoverage,
                tagCombinations,
                extraColumns);
    }

    /** The periods (hours or days) the span holds. */
    int periods() {
        return daily ? days : days * 24;
    }
}
