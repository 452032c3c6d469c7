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
