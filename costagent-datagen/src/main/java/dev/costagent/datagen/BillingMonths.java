package dev.costagent.datagen;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar months a run of whole days overlaps, as billing periods: each month's first instant and the next
 * month's, and the month of every hour of the data.
 *
 * @param start each billing period's first instant, in order
 * @param end each billing period's end (exclusive), the next month's first instant
 * @param ofHour the billing period of each hour of the data, by index
 */
record BillingMonths(Instant[] start, Instant[] end, int[] ofHour) {

    /** The billing months of {@code days} days from {@code first} (UTC). */
    static BillingMonths of(LocalDate first, int days) {
        List<Instant> starts = new ArrayList<>();
        List<Instant> ends = new ArrayList<>();
        int[] ofHour = new int[days * 24];
        LocalDate monthStart = first.withDayOfMonth(1);
        for (int h = 0; h < ofHour.length; h++) {
            LocalDate m = first.plusDays(h / 24).withDayOfMonth(1);
            if (starts.isEmpty() || !m.equals(monthStart)) {
                monthStart = m;
                starts.add(m.atStartOfDay(ZoneOffset.UTC).toInstant());
                ends.add(m.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            ofHour[h] = starts.size() - 1;
        }
        return new BillingMonths(starts.toArray(Instant[]::new), ends.toArray(Instant[]::new), ofHour);
    }

    /** The number of billing months. */
    int count() {
        return start.length;
    }
}
