package dev.costagent.core.analysis.anomaly;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.costagent.core.analysis.series.DayAxis;
import dev.costagent.core.analysis.series.SeriesScope;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryException;
import dev.costagent.core.table.QueryResult;
import dev.costagent.core.table.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A last day that the export holds only part of: billing exports are often cut mid-day (the last day has only its
 * first hours) or some providers' rows have not arrived yet. Such a day is short of cost because rows are missing, not
 * because spending dropped: the anomaly scan does not judge it and the forecast does not fit on it.
 *
 * <p>Found per provider (ProviderName; the whole export when the column is absent) from the hours its rows start in
 * (ChargePeriodStart truncated to the hour), against the {@value #REFERENCE_DAYS} days before the last one:
 * <ul>
 *   <li>a provider with hourly rows in nearly every hour (median ≥ {@value #DENSE_HOURS} distinct hours a day) is
 *       short when its last day has fewer hours than any of those days and under {@value #COMPLETE_SHARE} of their
 *       median: its coverage is the ratio;</li>
 *   <li>a provider with daily rows, or sparse hourly ones (a sample of rows, where the count of hours varies by
 *       chance), is short only when it has no row on the last day after rows on every one of those days: coverage
 *       0;</li>
 *   <li>a provider with rows on fewer of those days is intermittent and never makes a day partial.</li>
 * </ul>
 * The day's completeness is the providers' coverage weighted by their median daily cost on those days. Needs
 * {@value #MIN_REFERENCE_DAYS} reference days with rows; fewer: no verdict.
 *
 * @param day the last day of the export
 * @param completeness the estimated share of the day's cost present, 0 to 1
 * @param providers the providers found short, with their coverage
 */
public record PartialDay(
        @JsonSerialize(using = ToStringSerializer.class) LocalDate day,
        double completeness,
        List<ProviderCoverage> providers) {
    /** Days before the last one that set what a complete day looks like. */
    static final int REFERENCE_DAYS = 7;
    /** Reference days a provider needs rows on to be judged. */
    static final int MIN_REFERENCE_DAYS = 5;
    /** Median distinct hours a day above which a provider's rows are hourly and dense enough to count hours. */
    static final int DENSE_HOURS = 20;
    /** Below this share of a complete day's hours a provider is short. */
    static final double COMPLETE_SHARE = 0.9;

    /** Copies the list. */
    public PartialDay {
        providers = List.copyOf(providers);
    }

    /**
     * One provider's share of the last day.
     *
     * @param provider ProviderName ({@code all} when the export has no such column)
     * @param hours distinct hours with rows on the last day
     * @param typicalHours median distinct hours with rows on the reference days
     * @param lastHour the last UTC hour with a row on the last day (-1 without rows)
     * @param coverage hours / typicalHours, 0 when the provider has no row on the last day
     */
    public record ProviderCoverage(String provider, int hours, double typicalHours, int lastHour, double coverage) {}

    /** One line for a report or a narrative: the day, how complete it looks and why. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "the last day, %s, looks partial (about %.0f %% of a complete day's cost): ",
                day,
                100 * completeness));
        for (int i = 0; i < providers.size(); i++) {
            ProviderCoverage p = providers.get(i);
            s.append(i == 0 ? "" : "; ").append(p.provider()).append(' ');
            if (p.hours() == 0) {
                s.append("has no rows yet (rows on each of the ")
                        .append(REFERENCE_DAYS)
                        .append(" days before)");
            } else {
                s.append(String.format(
                        Locale.ROOT,
                        "has rows in %d of a usual %.0f hours, up to %02d:00 UTC",
                        p.hours(),
                        p.typicalHours(),
                        p.lastHour() + 1));
            }
        }
        return s.append(". It is left out of the anomaly scan and the forecast's fit.")
                .toString();
    }

    /** Whether the day is partial; the last day of the export, or {@code null} when it looks complete. */
    public static PartialDay detect(QueryEngine engine, SeriesScope scope) {
        return detect(engine, scope, null);
    }

    /**
     * As {@link #detect(QueryEngine, SeriesScope)} when the last day is already known: the query then reads only that
     * day and the {@value #REFERENCE_DAYS} before it.
     *
     * @param lastDay the scope's last day with rows, or {@code null} to find it
     */
    public static PartialDay detect(QueryEngine engine, SeriesScope scope, LocalDate lastDay) {
        if (lastDay != null) {
            TimeRange window = TimeRange.days(lastDay.minusDays(REFERENCE_DAYS), lastDay.plusDays(1));
            TimeRange range = scope.range();
            Instant start = range.start().isAfter(window.start()) ? range.start() : window.start();
            Instant end = range.end().isBefore(window.end()) ? range.end() : window.end();
            if (!start.isBefore(end)) {
                return null;
            }
            scope = scope.withRange(new TimeRange(start, end));
        }
        Dimension provider = Dimension.of(FocusColumn.PROVIDER_NAME);
        QueryResult r;
        boolean byProvider = true;
        try {
            r = engine.execute(scope.query().groupBy(Dimension.HOUR, provider).build());
        } catch (QueryException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("column " + provider.name() + " is absent")) {
                throw e;
            }
            r = engine.execute(scope.query().groupBy(Dimension.HOUR).build());
            byProvider = false;
        }
        // provider -> day -> the hours with rows and the day's cost; hour keys look like 2024-09-18T22
        Map<String, Map<LocalDate, DayRows>> byProviderAndDay = new TreeMap<>();
        LocalDate last = null;
        for (QueryResult.Group g : r.groups()) {
            String hourKey = g.key(0);
            if (hourKey == null || hourKey.length() < 13) {
                continue;
            }
            LocalDate day = DayAxis.dayOf(hourKey);
            int hour = Integer.parseInt(hourKey.substring(11, 13));
            String p = byProvider ? String.valueOf(g.key(1)) : "all";
            Map<LocalDate, DayRows> days = byProviderAndDay.get(p);
            if (days == null) {
                days = new TreeMap<>();
                byProviderAndDay.put(p, days);
            }
            DayRows rows = days.get(day);
            if (rows == null) {
                rows = new DayRows();
                days.put(day, rows);
            }
            rows.hours[hour] = true;
            rows.cost += g.value();
            last = last == null || day.isAfter(last) ? day : last;
        }
        if (last == null) {
            return null;
        }
        List<ProviderCoverage> shortOnes = new ArrayList<>();
        double weight = 0;
        double present = 0;
        for (Map.Entry<String, Map<LocalDate, DayRows>> e : byProviderAndDay.entrySet()) {
            Map<LocalDate, DayRows> days = e.getValue();
            double[] counts = new double[REFERENCE_DAYS];
            double[] costs = new double[REFERENCE_DAYS];
            int n = 0;
            int min = 24;
            for (int back = 1; back <= REFERENCE_DAYS; back++) {
                DayRows day = days.get(last.minusDays(back));
                if (day != null) {
                    int c = count(day.hours);
                    counts[n] = c;
                    costs[n] = Math.abs(day.cost);
                    n++;
                    min = Math.min(min, c);
                }
            }
            if (n < MIN_REFERENCE_DAYS) {
                continue; // intermittent or new: no idea what its complete day looks like
            }
            double typical = SeasonalBaseline.median(counts, n);
            double typicalCost = SeasonalBaseline.median(costs, n);
            boolean[] lastHours = days.containsKey(last) ? days.get(last).hours : null;
            int have = lastHours == null ? 0 : count(lastHours);
            double coverage = 1;
            if (have == 0) {
                coverage = n == REFERENCE_DAYS ? 0 : 1;
            } else if (typical >= DENSE_HOURS && have < min && have < COMPLETE_SHARE * typical) {
                coverage = have / typical;
            }
            weight += typicalCost;
            present += typicalCost * coverage;
            if (coverage < 1) {
                shortOnes.add(new ProviderCoverage(e.getKey(), have, typical, lastHour(lastHours), coverage));
            }
        }
        if (shortOnes.isEmpty()) {
            return null;
        }
        double completeness = weight > 0 ? present / weight : 0;
        return new PartialDay(last, completeness, shortOnes);
    }

    /** One provider's rows on one day: the hours that have any, and their cost. */
    private static final class DayRows {
        final boolean[] hours = new boolean[24];
        double cost;
    }

    private static int count(boolean[] hours) {
        int c = 0;
        for (boolean h : hours) {
            c += h ? 1 : 0;
        }
        return c;
    }

    private static int lastHour(boolean[] hours) {
        if (hours == null) {
            return -1;
        }
        for (int h = hours.length - 1; h >= 0; h--) {
            if (hours[h]) {
                return h;
            }
        }
        return -1;
    }
}
