package dev.costagent.core.agent;

/**
 * The headline numbers of a report.
 *
 * @param rows billing rows analysed
 * @param currency the billing currency
 * @param totalCost the metric (EffectiveCost) over all rows
 * @param firstDay first UTC day with charges ({@code null} when there are none)
 * @param lastDay last UTC day with charges
 * @param recommendations how many recommendations
 * @param monthlySavings their monthly savings (730 h)
 * @param annualSavings their annual savings
 * @param quickWins how many are quick wins
 */
public record ReportSummary(
        long rows,
        String currency,
        double totalCost,
        String firstDay,
        String lastDay,
        int recommendations,
        double monthlySavings,
        double annualSavings,
        int quickWins) {}
