package dev.costagent.core.recommend.spi;

import dev.costagent.core.table.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The billing hours monthly costs are measured over: the last {@code lookbackDays} whole UTC days of usage data,
 * ending with the last day that has any usage cost. Hours are counted from the Unix epoch.
 *
 * @param startHour first hour, inclusive
 * @param endHour last hour plus one
 * @param dataStartHour the first hour with usage in the whole data set
 */
public record BillingWindow(long startHour, long endHour, long dataStartHour) {

    /** The window of whole UTC days {@code [firstDay, endDay)}, epoch days. */
    public static BillingWindow ofDays(long firstDay, long endDay, long dataStartDay) {
        return new BillingWindow(firstDay * 24, endDay * 24, dataStartDay * 24);
    }

    /** Hours from {@code firstHour} (or the window start, if later) to the window end. */
    public long hoursFrom(long firstHour) {
        return endHour - Math.max(firstHour, startHour);
    }

    /** Hours in the window. */
    public long hours() {
        return endHour - startHour;
    }

    /** The window as a query range. */
    public TimeRange range() {
        return new TimeRange(Instant.ofEpochSecond(startHour * 3600), Instant.ofEpochSecond(endHour * 3600));
    }

    /** The UTC day of the last hour with data. */
    public LocalDate lastDay() {
        return Instant.ofEpochSecond((endHour - 1) * 3600)
                .atOffset(ZoneOffset.UTC)
                .toLocalDate();
    }

    /**
     * The epoch day of a query's day key ({@code 2024-09-18}).
     *
     * @throws IllegalArgumentException when the key is not a day key
     */
    public static long parseDay(String key) {
        if (key == null || key.length() != 10 || key.charAt(4) != '-' || key.charAt(7) != '-') {
            throw new IllegalArgumentException("not a day key: " + key);
        }
        return LocalDate.of(
                        Integer.parseInt(key, 0, 4, 10),
                        Integer.parseInt(key, 5, 7, 10),
                        Integer.parseInt(key, 8, 10, 10))
                .toEpochDay();
    }

    /**
     * The epoch hour of a query's hour key ({@code 2024-09-18T22}).
     *
     * @throws IllegalArgumentException when the key is not an hour key
     */
    public static long parseHour(String key) {
        if (key == null || key.length() < 13 || key.charAt(10) != 'T') {
            throw new IllegalArgumentException("not an hour key: " + key);
        }
        int year = Integer.parseInt(key, 0, 4, 10);
        int month = Integer.parseInt(key, 5, 7, 10);
        int day = Integer.parseInt(key, 8, 10, 10);
        int hour = Integer.parseInt(key, 11, 13, 10);
        return LocalDate.of(year, month, day).toEpochDay() * 24 + hour;
    }
}
