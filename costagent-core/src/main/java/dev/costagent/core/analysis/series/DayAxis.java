package dev.costagent.core.analysis.series;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Consecutive UTC days {@code first .. first + days - 1}: the common x-axis of a set of series.
 *
 * @param first the first day
 * @param days how many days (zero for no data)
 */
public record DayAxis(
        @JsonSerialize(using = ToStringSerializer.class) LocalDate first, int days) {

    /** Checks the parts. */
    public DayAxis {
        requireNonNull(first, "first");
        if (days < 0) {
            throw new IllegalArgumentException("negative day count: " + days);
        }
    }

    /**
     * The day of an engine's day key ({@code 2024-09-18}) or hour key ({@code 2024-09-18T22}): read from its digits,
     * where {@code LocalDate.parse} runs a formatter (its first calls in a process cost milliseconds); anything else
     * goes to {@code LocalDate.parse}, which names what is wrong.
     */
    public static LocalDate dayOf(String key) {
        if (key.length() >= 10
                && key.charAt(4) == '-'
                && key.charAt(7) == '-'
                && digits(key, 0, 4)
                && digits(key, 5, 7)
                && digits(key, 8, 10)) {
            return LocalDate.of(number(key, 0, 4), number(key, 5, 7), number(key, 8, 10));
        }
        return LocalDate.parse(key.length() > 10 ? key.substring(0, 10) : key);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    /** The axis from {@code first} to {@code last}, both inclusive. */
    public static DayAxis between(LocalDate first, LocalDate last) {
        return new DayAxis(first, Math.toIntExact(ChronoUnit.DAYS.between(first, last) + 1));
    }

    /** The last day; undefined (the day before {@code first}) when empty. */
    public LocalDate last() {
        return first.plusDays(days - 1L);
    }

    /** The day at an index. */
    public LocalDate day(int index) {
        return first.plusDays(index);
    }

    /** The index of a day, or -1 when it is off the axis. */
    public int indexOf(LocalDate day) {
        long i = ChronoUnit.DAYS.between(first, day);
        return i >= 0 && i < days ? (int) i : -1;
    }

    /** Whether the axis has no days. */
    @JsonIgnore
    public boolean isEmpty() {
        return days == 0;
    }
}
