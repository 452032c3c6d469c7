package dev.costagent.core.table;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A half-open interval {@code [start, end)} on ChargePeriodStart.
 *
 * @param start inclusive
 * @param end exclusive
 */
public record TimeRange(Instant start, Instant end) {

    /** Everything. */
    public static final TimeRange ALL = new TimeRange(Instant.MIN, Instant.MAX);

    /** Checks the order. */
    public TimeRange {
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("time range ends before it starts: " + start + " .. " + end);
        }
    }

    /** Whole UTC days from {@code first} up to and excluding {@code endExclusive}. */
    public static TimeRange days(LocalDate first, LocalDate endExclusive) {
        return new TimeRange(
                first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                endExclusive.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Whether the instant lies in the range. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /** The first whole epoch second in the range: rows start on whole seconds, so a fractional start rounds up. */
    long firstSecond() {
        return ceilSeconds(start);
    }

    /** One past the last whole epoch second in the range (the end is exclusive, so a fractional end rounds up). */
    long endSecond() {
        return ceilSeconds(end);
    }

    private static long ceilSeconds(Instant instant) {
        return instant.getNano() > 0 ? instant.getEpochSecond() + 1 : instant.getEpochSecond();
    }

    /** Whether this is {@link #ALL}. */
    public boolean isAll() {
        return start.equals(Instant.MIN) && end.equals(Instant.MAX);
    }

    // equals and hashCode written out: a record's generated ones are linked on first use (an invokedynamic bootstrap),
    // which in a one-shot process costs milliseconds of the stage that first compares ranges
    @Override
    public boolean equals(Object o) {
        return o instanceof TimeRange r && start.equals(r.start) && end.equals(r.end);
    }

    @Override
    public int hashCode() {
        return start.hashCode() * 31 + end.hashCode();
    }
}
