package dev.costagent.core.analysis.trend;

/**
 * The trend analyses of one series and one dimension. Members are {@code null} where the history is too short
 * (week over week needs 14 days, month over month the same days of the previous month, the slope 3 days).
 *
 * @param weekOverWeek the last 7 days against the 7 before
 * @param monthOverMonth the current month to date against the same days of the previous month
 * @param slope the least-squares slope over the last days
 * @param breakdown the cost by value of the dimension over the whole series
 * @param topMovers the values that moved most week over week
 */
public record Trends(
        PeriodChange weekOverWeek,
        PeriodChange monthOverMonth,
        Slope slope,
        Breakdown breakdown,
        TopMovers topMovers) {}
