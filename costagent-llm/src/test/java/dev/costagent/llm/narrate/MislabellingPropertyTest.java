package dev.costagent.llm.narrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.narrate.Facts;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Random mislabelling of real-shaped facts is always refused, in any of the ways a figure can be written (grouped
 * dollars, an ISO code after the amount, or a slot), while the same figures under their own labels are kept.
 */
class MislabellingPropertyTest {

    /** A way to put a figure under a label. */
    enum Lie {
        ANNUAL_AS_MONTHLY,
        MONTHLY_AS_ANNUAL,
        EXPECTED_AS_ACTUAL,
        ACTUAL_AS_EXPECTED,
        DROP_AS_INCREASE,
        RISE_AS_DECREASE,
        CONFIDENCE_AS_RISK,
        TOTAL_AS_MONTHLY
    }

    /** How the figure is written. */
    enum Writing {
        GROUPED_DOLLARS,
        CODE_AFTER,
        SLOT
    }

    @Property(tries = 400)
    void mislabelledFiguresAreRefused(
            @ForAll Lie lie,
            @ForAll Writing writing,
            @ForAll @DoubleRange(min = 1, max = 5_000_000) double monthly,
            @ForAll @DoubleRange(min = 0, max = 2_000_000) double actual,
            @ForAll @DoubleRange(min = 0, max = 2_000_000) double expected,
            @ForAll @DoubleRange(min = 0.01, max = 1) double confidence) {
        double annual = monthly * 12;
        double impact = actual - expected;
        String text = switch (lie) {
            case ANNUAL_AS_MONTHLY -> "It saves " + money(writing, annual, "annualSavings") + " a month.";
            case MONTHLY_AS_ANNUAL -> "It saves " + money(writing, monthly, "monthlySavings") + " a year.";
            case TOTAL_AS_MONTHLY -> "It costs " + money(writing, actual, "actual") + " per month.";
            case EXPECTED_AS_ACTUAL -> {
                Assume.that(distinct(actual, expected));
                yield "Actual spend was " + money(writing, expected, "expected") + ".";
            }
            case ACTUAL_AS_EXPECTED -> {
                Assume.that(distinct(actual, expected));
                yield "The expected spend was " + money(writing, actual, "actual") + ".";
            }
            case DROP_AS_INCREASE -> {
                Assume.that(impact < 0 && distinct(actual, expected));
                yield "Costs saw a " + money(writing, -impact, "impact") + " increase.";
            }
            case RISE_AS_DECREASE -> {
                Assume.that(impact > 0 && distinct(actual, expected));
                yield "Costs saw a " + money(writing, impact, "impact") + " decrease.";
            }
            case CONFIDENCE_AS_RISK ->
                "There is a "
                        + (writing == Writing.SLOT
                                ? "{confidence}"
                                : String.format(Locale.ROOT, "%.1f%%", confidence * 100))
                        + " risk.";
        };
        // A coincidence (the lie's figure equals the fact it claims to be) is not a lie.
        Assume.that(distinct(monthly, annual)
                && distinct(monthly, actual)
                && distinct(monthly, expected)
                && distinct(annual, actual)
                && distinct(annual, expected)
                && distinct(annual, Math.abs(impact))
                && distinct(monthly, Math.abs(impact)));

        FactChecker.Verdict verdict =
                checker(monthly, annual, actual, expected, impact, confidence).check(text);

        assertThat(verdict.problem()).as(text).isNotNull();
    }

    @Property(tries = 200)
    void theSameFiguresUnderTheirOwnLabelsAreKept(
            @ForAll Writing writing,
            @ForAll @DoubleRange(min = 1, max = 5_000_000) double monthly,
            @ForAll @DoubleRange(min = 0, max = 2_000_000) double actual,
            @ForAll @DoubleRange(min = 0, max = 2_000_000) double expected,
            @ForAll @DoubleRange(min = 0.01, max = 1) double confidence) {
        double annual = monthly * 12;
        double impact = actual - expected;
        Assume.that(Math.abs(impact) >= 0.01);
        String text = "It saves " + money(writing, monthly, "monthlySavings") + " a month and "
                + money(writing, annual, "annualSavings") + " a year. Actual spend was "
                + money(writing, actual, "actual") + ", against the expected " + money(writing, expected, "expected")
                + "; a " + money(writing, Math.abs(impact), "impact") + (impact < 0 ? " drop" : " increase")
                + ", with "
                + (writing == Writing.SLOT ? "{confidence}" : String.format(Locale.ROOT, "%.1f%%", confidence * 100))
                + " confidence.";

        FactChecker.Verdict verdict =
                checker(monthly, annual, actual, expected, impact, confidence).check(text);

        assertThat(verdict.problem()).as(text).isNull();
    }

    private static FactChecker checker(
            double monthly, double annual, double actual, double expected, double impact, double confidence) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("monthlySavings", round(monthly));
        values.put("annualSavings", round(annual));
        values.put("actual", round(actual));
        values.put("expected", round(expected));
        values.put("impact", round(actual) - round(expected));
        values.put("confidence", confidence);
        values.put("risk", "LOW");
        return FactCheckerTest.checker(new Facts("recommendation:r-1", "recommendation", values), "USD");
    }

    private static String money(Writing writing, double value, String slot) {
        double cents = Math.abs(round(value));
        return switch (writing) {
            case GROUPED_DOLLARS -> String.format(Locale.ROOT, "$%,.2f", cents);
            case CODE_AFTER -> String.format(Locale.ROOT, "%.2f USD", cents);
            case SLOT -> "{" + slot + "}";
        };
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Further apart than any rounding the checker allows. */
    private static boolean distinct(double a, double b) {
        return Math.abs(Math.abs(a) - Math.abs(b)) > Math.max(0.02, 0.006 * Math.max(Math.abs(a), Math.abs(b)));
    }
}
