package dev.costagent.core.table;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.focus.ColumnType;
import dev.costagent.core.focus.FocusColumn;

/**
 * Something to group or filter billing rows by: a calendar bucket of ChargePeriodStart ({@code hour}, {@code day},
 * {@code month}, all UTC), a string column ({@code ServiceName}, or any provider {@code x_} column), or one tag
 * ({@code tag:env}).
 *
 * <p>Keys are strings so a SQL engine can produce the same result: {@code 2024-09-18T22} for an hour,
 * {@code 2024-09-18} for a day, {@code 2024-09} for a month, the column or tag value otherwise ({@code null} when the
 * row has none).
 *
 * @param kind what the dimension reads
 * @param name the column or tag key; the kind's own name for time buckets
 */
public record Dimension(Kind kind, String name) {

    /** What a dimension reads. */
    public enum Kind {
        /** ChargePeriodStart truncated to the UTC hour. */
        HOUR,
        /** ChargePeriodStart truncated to the UTC day. */
        DAY,
        /** ChargePeriodStart truncated to the UTC month. */
        MONTH,
        /** A string column, by name. */
        COLUMN,
        /** One key of the Tags object. */
        TAG
    }

    /** The UTC hour of ChargePeriodStart. */
    public static final Dimension HOUR = new Dimension(Kind.HOUR, "hour");
    /** The UTC day of ChargePeriodStart. */
    public static final Dimension DAY = new Dimension(Kind.DAY, "day");
    /** The UTC month of ChargePeriodStart. */
    public static final Dimension MONTH = new Dimension(Kind.MONTH, "month");

    /** Validates the parts. */
    public Dimension {
        requireNonNull(kind, "kind");
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("dimension name is blank");
        }
    }

    /** A string column, e.g. {@code column("ServiceName")}. */
    public static Dimension column(String columnName) {
        FocusColumn.byName(columnName).ifPresent(c -> {
            if (c.type() != ColumnType.STRING) {
                throw new IllegalArgumentException("column " + columnName + " is " + c.type()
                        + ", not a string dimension (use tag:KEY for tags, day or month for times)");
            }
        });
        return new Dimension(Kind.COLUMN, columnName);
    }

    /** A known FOCUS string column. */
    public static Dimension of(FocusColumn column) {
        return column(column.columnName());
    }

    /** One tag key, e.g. {@code tag("env")}. */
    public static Dimension tag(String key) {
        return new Dimension(Kind.TAG, key);
    }

    /**
     * Parses the command-line form: {@code hour}, {@code day}, {@code month}, {@code tag:KEY}, or a column name.
     */
    public static Dimension parse(String text) {
        String t = text.trim();
        switch (t) {
            case "hour":
                return HOUR;
            case "day":
                return DAY;
            case "month":
                return MONTH;
            default:
                if (t.startsWith("tag:")) {
                    return tag(t.substring(4));
                }
                return column(t);
        }
    }

    /** Whether the dimension is a time bucket of ChargePeriodStart. */
    public boolean isTime() {
        return kind == Kind.HOUR || kind == Kind.DAY || kind == Kind.MONTH;
    }

    /** The label used as a JSON key and column header: {@code day}, {@code ServiceName}, {@code tag:env}. */
    public String label() {
        return kind == Kind.TAG ? "tag:" + name : name;
    }

    @Override
    public String toString() {
        return label();
    }

    // equals and hashCode written out: a record's generated ones are linked on first use (an invokedynamic bootstrap),
    // which in a one-shot process costs milliseconds of the stage that first compares dimensions
    @Override
    public boolean equals(Object o) {
        return o instanceof Dimension d && kind == d.kind && name.equals(d.name);
    }

    @Override
    public int hashCode() {
        return 31 * kind.ordinal() + name.hashCode();
    }
}
