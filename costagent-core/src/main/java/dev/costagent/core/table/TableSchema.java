package dev.costagent.core.table;

import dev.costagent.core.focus.ColumnType;
import dev.costagent.core.focus.FocusColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * How a {@link CostTable} lays out FOCUS columns.
 *
 * <p>Billing rows repeat the same descriptive attributes hour after hour (account, service, SKU, resource, tags,
 * unit prices, billing period); only the charge period and the amounts change. So the table stores, per row, the
 * amounts ({@link Metric}s, as doubles), ChargePeriodStart (int seconds from a base) and one int naming the row's
 * <em>attribute set</em>: a distinct combination of every other column, each dictionary-encoded and stored once. That
 * is 56 bytes per row, plus the attribute sets (few, relative to rows, in real exports).
 *
 * <p>Attribute-set layout: {@link #STRING_COLUMNS}, then {@link #DECIMAL_ATTRIBUTES}, then {@link #TIME_ATTRIBUTES},
 * then the charge period's length, then the non-FOCUS columns.
 */
final class TableSchema {

    /** String columns and Tags, as dictionary codes. */
    static final FocusColumn[] STRING_COLUMNS;
    /** Decimal columns that describe a price rather than an amount. */
    static final FocusColumn[] DECIMAL_ATTRIBUTES;
    /** Timestamp columns other than the charge period. */
    static final FocusColumn[] TIME_ATTRIBUTES;
    /** The metrics, stored per row. */
    static final Metric[] METRICS = Metric.values();

    /** Index of the charge period length in an attribute set. */
    static final int DURATION;
    /** Index of the first non-FOCUS column in an attribute set. */
    static final int FIXED_WIDTH;

    static {
        List<FocusColumn> strings = new ArrayList<>();
        for (FocusColumn column : FocusColumn.values()) {
            if (column.type() == ColumnType.STRING || column.type() == ColumnType.TAGS) {
                strings.add(column);
            }
        }
        STRING_COLUMNS = strings.toArray(new FocusColumn[0]);
        List<FocusColumn> decimals = new ArrayList<>();
        List<FocusColumn> times = new ArrayList<>();
        for (FocusColumn column : FocusColumn.values()) {
            boolean metric = false;
            for (Metric m : Metric.values()) {
                metric |= m.column() == column;
            }
            if (column.type() == ColumnType.DECIMAL && !metric) {
                decimals.add(column);
            } else if (column.type() == ColumnType.TIMESTAMP
                    && column != FocusColumn.CHARGE_PERIOD_START
                    && column != FocusColumn.CHARGE_PERIOD_END) {
                times.add(column);
            }
        }
        DECIMAL_ATTRIBUTES = decimals.toArray(new FocusColumn[0]);
        TIME_ATTRIBUTES = times.toArray(new FocusColumn[0]);
        DURATION = STRING_COLUMNS.length + DECIMAL_ATTRIBUTES.length + TIME_ATTRIBUTES.length;
        FIXED_WIDTH = DURATION + 1;
    }

    private TableSchema() {}

    /** The attribute index of a string column, or -1. */
    static int stringIndex(FocusColumn column) {
        for (int i = 0; i < STRING_COLUMNS.length; i++) {
            if (STRING_COLUMNS[i] == column) {
                return i;
            }
        }
        return -1;
    }
}
