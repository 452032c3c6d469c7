package dev.costagent.core.table;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Converts ChargePeriodStart seconds to hour, day and month bucket numbers, and bucket numbers to their keys. */
final class TimeBuckets {

    /** The hour key's form for years outside 1 to 9999; built only when one comes. */
    private static final class WideYears {
        static final DateTimeFormatter HOUR_KEY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");
    }

    private TimeBuckets() {}

    /** The bucket number (hours, days or months since 1970) of an epoch second. */
    static long bucket(Dimension.Kind kind, long epochSecond) {
        switch (kind) {
            case HOUR:
                return Math.floorDiv(epochSecond, 3600L);
            case DAY:
                return Math.floorDiv(epochSecond, 86_400L);
            case MONTH:
                LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400L));
                return date.getYear() * 12L + date.getMonthValue() - 1 - 1970 * 12L;
            default:
                throw new IllegalArgumentException(kind + " is not a time dimension");
        }
    }

    /** The key of a bucket: {@code 2024-09-18T22}, {@code 2024-09-18} or {@code 2024-09}. */
    static String key(Dimension.Kind kind, long bucket) {
        switch (kind) {
            case HOUR:
                return hourKey(bucket);
            case DAY:
                return LocalDate.ofEpochDay(bucket).toString();
            case MONTH:
                long months = bucket + 1970 * 12L;
                return YearMonth.of((int) Math.floorDiv(months, 12L), (int) Math.floorMod(months, 12L) + 1)
                        .toString();
            default:
                throw new IllegalArgumentException(kind + " is not a time dimension");
        }
    }

    /**
     * An hour's key written digit by digit: a query by hour decodes its hours in the first moments of a process, where
     * a {@link DateTimeFormatter}'s first uses run its general code interpreted (a few milliseconds for 192 hours).
     */
    private static String hourKey(long bucket) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(bucket, 24L));
        int year = day.getYear();
        if (year < 1 || year > 9999) { // years of the era before 1 are written as years BC
            return WideYears.HOUR_KEY.format(LocalDateTime.ofEpochSecond(bucket * 3600L, 0, ZoneOffset.UTC));
        }
        int hour = (int) Math.floorMod(bucket, 24L);
        byte[] key = {
            digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
            '-',
            digit(day.getMonthValue() / 10),
            digit(day.getMonthValue()),
            '-',
            digit(day.getDayOfMonth() / 10),
            digit(day.getDayOfMonth()),
            'T',
            digit(hour / 10),
            digit(hour)
        };
        return new String(key, StandardCharsets.ISO_8859_1);
    }

    /** The ASCII digit of {@code value}'s last decimal digit. */
    private static byte digit(int value) {
        return (byte) ('0' + value % 10);
    }

    /**
     * The bucket of a key, for filters.
     *
     * @throws QueryException when the key is not in the kind's form
     */
    static long parse(Dimension.Kind kind, String key) {
        try {
            switch (kind) {
                case HOUR:
                    if (key.length() != 13 || key.charAt(10) != 'T') {
                        throw new DateTimeParseException("not an hour key", key, 0);
                    }
                    int hour = Integer.parseInt(key.substring(11));
                    if (hour < 0 || hour > 23) {
                        throw new DateTimeParseException("hour out of range", key, 11);
                    }
                    return LocalDate.parse(key.substring(0, 10)).toEpochDay() * 24L + hour;
                case DAY:
                    return LocalDate.parse(key).toEpochDay();
                case MONTH:
                    YearMonth month = YearMonth.parse(key);
                    return month.getYear() * 12L + month.getMonthValue() - 1 - 1970 * 12L;
                default:
                    throw new IllegalArgumentException(kind + " is not a time dimension");
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new QueryException("filter value '" + key + "' is not a "
                    + kind.name().toLowerCase(java.util.Locale.ROOT) + " key (e.g. "
                    + key(
                            kind,
                            bucket(kind, Instant.parse("2024-09-18T22:00:00Z").getEpochSecond())) + ")");
        }
    }
}
