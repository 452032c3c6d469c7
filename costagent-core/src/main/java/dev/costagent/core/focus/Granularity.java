package dev.costagent.core.focus;

import java.util.Locale;

/**
 * How long a provider's usage rows are, from {@code ChargePeriodEnd - ChargePeriodStart}: AWS and Google export an
 * hour per row, Microsoft's FOCUS exports a day, some invoices a month. Rules that need hours use it to know what
 * they can see.
 */
public enum Granularity {
    /** Every usage row spans one hour. */
    HOURLY,
    /** Every usage row spans one day. */
    DAILY,
    /** Every usage row spans a calendar month (28 to 31 days). */
    MONTHLY,
    /** Rows of several lengths (or of lengths that are none of the above). */
    MIXED,
    /** No usage row with both ends of its charge period. */
    UNKNOWN;

    private static final long HOUR = 3_600;
    private static final long DAY = 86_400;

    /** The class of one row's charge period length in seconds, or {@link #MIXED} for any other length. */
    public static Granularity ofSeconds(long seconds) {
        if (seconds == HOUR) {
            return HOURLY;
        }
        if (seconds == DAY) {
            return DAILY;
        }
        if (seconds >= 28 * DAY && seconds <= 31 * DAY) {
            return MONTHLY;
        }
        return MIXED;
    }

    /**
     * A provider's granularity from its usage rows counted by class ({@code rowsByClass[g.ordinal()]}, classes from
     * {@link #ofSeconds}): the one class when every row has it, else {@link #MIXED}; {@link #UNKNOWN} without rows.
     */
    public static Granularity ofCounts(long[] rowsByClass) {
        Granularity found = UNKNOWN;
        for (Granularity g : values()) {
            if (g.ordinal() < rowsByClass.length && rowsByClass[g.ordinal()] > 0) {
                found = found.and(g);
            }
        }
        return found;
    }

    /** This and another provider's (or file's) granularity together. */
    public Granularity and(Granularity other) {
        if (this == UNKNOWN) {
            return other;
        }
        if (other == UNKNOWN || other == this) {
            return this;
        }
        return MIXED;
    }

    /** Whether rules can see hours in such rows. */
    public boolean showsHours() {
        return this == HOURLY;
    }

    /** The lower-case name used in JSON, e.g. {@code daily}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
