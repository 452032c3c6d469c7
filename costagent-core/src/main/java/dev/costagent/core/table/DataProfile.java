package dev.costagent.core.table;

import dev.costagent.core.focus.DataQualityIssue;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.InputProfile;
import dev.costagent.core.focus.RejectedRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an engine's data holds, beyond what queries answer: how many rows were accepted and rejected, which columns the
 * input had, its currencies and time span, and the data-quality findings. The agent's summary and warnings read it.
 *
 * @param rows accepted rows
 * @param rejected rows rejected in lenient mode
 * @param columns the FOCUS columns the input had ({@code null} is read as unknown: every column may be queried)
 * @param currencies the distinct BillingCurrency values, sorted
 * @param firstChargePeriodStart the earliest ChargePeriodStart, or {@code null} when no row has one
 * @param lastChargePeriodStart the latest ChargePeriodStart, or {@code null} when no row has one
 * @param rejects the first rejected records in detail
 * @param dataQuality rules of the FOCUS specification that accepted rows break
 * @param input the FOCUS version the input was read as and each provider's granularity ({@link InputProfile#EMPTY}
 *     when the engine does not know them)
 */
public record DataProfile(
        long rows,
        long rejected,
        Set<FocusColumn> columns,
        List<String> currencies,
        Instant firstChargePeriodStart,
        Instant lastChargePeriodStart,
        List<RejectedRecord> rejects,
        List<DataQualityIssue> dataQuality,
        InputProfile input) {

    /** Copies the collections; a {@code null} input profile is read as unknown. */
    public DataProfile {
        columns = columns == null
                ? null
                : Collections.unmodifiableSet(
                        columns.isEmpty() ? EnumSet.noneOf(FocusColumn.class) : EnumSet.copyOf(columns));
        currencies = List.copyOf(currencies);
        rejects = List.copyOf(rejects);
        dataQuality = List.copyOf(dataQuality);
        input = input == null ? InputProfile.EMPTY : input;
    }

    /** A profile whose FOCUS version and granularity are unknown ({@link InputProfile#EMPTY}). */
    public DataProfile(
            long rows,
            long rejected,
            Set<FocusColumn> columns,
            List<String> currencies,
            Instant firstChargePeriodStart,
            Instant lastChargePeriodStart,
            List<RejectedRecord> rejects,
            List<DataQualityIssue> dataQuality) {
        this(
                rows,
                rejected,
                columns,
                currencies,
                firstChargePeriodStart,
                lastChargePeriodStart,
                rejects,
                dataQuality,
                InputProfile.EMPTY);
    }

    /** The single BillingCurrency of the data, if there is exactly one. */
    public Optional<String> currency() {
        return currencies.size() == 1 ? Optional.of(currencies.get(0)) : Optional.empty();
    }

    /** Whether the input had the column (always true when the columns are unknown). */
    public boolean has(FocusColumn column) {
        return columns == null || columns.contains(column);
    }

    /** The profile of several inputs read as one. */
    public static DataProfile combine(List<DataProfile> parts) {
        long rows = 0;
        long rejected = 0;
        Set<FocusColumn> columns = EnumSet.noneOf(FocusColumn.class);
        boolean columnsKnown = true;
        Set<String> currencies = new TreeSet<>();
        Instant first = null;
        Instant last = null;
        List<RejectedRecord> rejects = new ArrayList<>();
        List<DataQualityIssue> quality = new ArrayList<>();
        InputProfile input = InputProfile.EMPTY;
        for (DataProfile p : parts) {
            rows += p.rows();
            rejected += p.rejected();
            if (p.columns() == null) {
                columnsKnown = false;
            } else {
                columns.addAll(p.columns());
            }
            currencies.addAll(p.currencies());
            first = earlier(first, p.firstChargePeriodStart(), true);
            last = earlier(last, p.lastChargePeriodStart(), false);
            rejects.addAll(p.rejects());
            quality.addAll(p.dataQuality());
            input = input.and(p.input());
        }
        return new DataProfile(
                rows,
                rejected,
                columnsKnown ? columns : null,
                new ArrayList<>(currencies),
                first,
                last,
                rejects,
                quality,
                input);
    }

    private static Instant earlier(Instant a, Instant b, boolean min) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return (min ? a.isBefore(b) : a.isAfter(b)) ? a : b;
    }
}
