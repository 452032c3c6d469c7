package dev.costagent.core.table;

import java.util.Arrays;
import java.util.List;

/**
 * The time part of a query: the range on ChargePeriodStart, filters on time buckets, and the time dimensions of the
 * key, turned into one dense number per row (or -1 when the row is filtered out).
 */
final class TimeKeys {

    private final long base;
    private final long low;
    private final long high;
    private final boolean ranged;
    private final Dimension.Kind[] kinds;
    private final long[] firstBucket;
    private final long[] radix;
    private final Dimension.Kind[] filterKinds;
    private final long[][] filterBuckets;
    private final boolean[] filterExcludes;
    private final boolean[] filterAcceptsNull;
    private final long firstDay;
    private final int[] monthOfDay;
    /** Per time dimension, bucket index → formatted key, filled as groups are decoded. */
    private final String[][] keyCache;
    /**
     * Per time dimension: the bucket length in seconds (0 for a month), and the offset where the first bucket
     * starts, so that a row's bucket index is one division of a non-negative number.
     */
    private final long[] divisor;

    private final long[] alignedStart;
    private final long firstDayStart;

    TimeKeys(CostTable table, List<Dimension> dimensions, List<Filter> filters, TimeRange range) {
        this.base = table.baseSecond;
        this.ranged = !range.isAll();
        this.low = ranged ? Math.max(range.firstSecond() - base, Integer.MIN_VALUE + 1L) : 0;
        this.high = ranged ? Math.min(range.endSecond() - base, Integer.MAX_VALUE + 1L) : 0;
        long min = table.minOffset;
        long max = table.maxOffset;
        boolean anyTime = min <= max;
        firstDay = anyTime ? Math.floorDiv(base + min, 86_400L) : 0;
        long lastDay = anyTime ? Math.floorDiv(base + max, 86_400L) : 0;
        monthOfDay = new int[(int) (lastDay - firstDay + 1)];
        for (int d = 0; d < monthOfDay.length; d++) {
            monthOfDay[d] = (int) TimeBuckets.bucket(Dimension.Kind.MONTH, (firstDay + d) * 86_400L);
        }
        firstDayStart = firstDay * 86_400L - base;
        kinds = new Dimension.Kind[dimensions.size()];
        divisor = new long[dimensions.size()];
        alignedStart = new long[dimensions.size()];
        keyCache = new String[dimensions.size()][];
        firstBucket = new long[kinds.length];
        radix = new long[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = dimensions.get(i).kind();
            firstBucket[i] = anyTime ? TimeBuckets.bucket(kinds[i], base + min) : 0;
            long last = anyTime ? TimeBuckets.bucket(kinds[i], base + max) : 0;
            radix[i] = last - firstBucket[i] + 2; // the last index stands for "no ChargePeriodStart"
            divisor[i] = kinds[i] == Dimension.Kind.HOUR ? 3600L : kinds[i] == Dimension.Kind.DAY ? 86_400L : 0;
            alignedStart[i] = divisor[i] == 0 ? 0 : firstBucket[i] * divisor[i] - base;
        }
        filterKinds = new Dimension.Kind[filters.size()];
        filterBuckets = new long[filters.size()][];
        filterExcludes = new boolean[filters.size()];
        filterAcceptsNull = new boolean[filters.size()];
        for (int f = 0; f < filters.size(); f++) {
            Filter filter = filters.get(f);
            Dimension.Kind kind = filter.dimension().kind();
            filterKinds[f] = kind;
            filterBuckets[f] = filter.values().stream()
                    .filter(v -> v != null)
                    .mapToLong(v -> TimeBuckets.parse(kind, v))
                    .sorted()
                    .toArray();
            filterExcludes[f] = filter.exclude();
            filterAcceptsNull[f] = filter.accepts(null);
        }
    }

    /** The number of distinct time keys. */
    long space() {
        long space = 1;
        for (long r : radix) {
            space *= r;
        }
        return space;
    }

    /** The time key of a row's start offset, or -1 when the row is outside the range or filtered out. */
    long key(int offset) {
        boolean none = offset == CostTable.NO_TIME;
        if (ranged && (none || offset < low || offset >= high)) {
            return -1;
        }
        for (int f = 0; f < filterKinds.length; f++) {
            boolean accepted = none
                    ? filterAcceptsNull[f]
                    : (Arrays.binarySearch(filterBuckets[f], bucket(filterKinds[f], offset)) >= 0) != filterExcludes[f];
            if (!accepted) {
                return -1;
            }
        }
        long key = 0;
        for (int i = 0; i < kinds.length; i++) {
            long index = none ? radix[i] - 1 : index(i, offset);
            key = key * radix[i] + index;
        }
        return key;
    }

    /** The bucket index of a row's start in time dimension {@code i}: every start lies at or after the first bucket. */
    private long index(int i, int offset) {
        long d = divisor[i];
        if (d != 0) {
            return (offset - alignedStart[i]) / d;
        }
        return monthOfDay[(int) ((offset - firstDayStart) / 86_400L)] - firstBucket[i];
    }

    /** The number of indexes of time dimension {@code i} ("no ChargePeriodStart" included). */
    long radix(int i) {
        return radix[i];
    }

    /** The bucket index of time dimension {@code i} in a time key; -1 for "no ChargePeriodStart". */
    int index(long key, int i) {
        for (int k = kinds.length - 1; k > i; k--) {
            key /= radix[k];
        }
        int index = (int) (key % radix[i]);
        return index == radix[i] - 1 ? -1 : index;
    }

    /** The key of time dimension {@code i} in a time key (null for no ChargePeriodStart), formatted once per query. */
    String decode(long key, int i) {
        int index = index(key, i);
        if (index < 0) {
            return null;
        }
        if (keyCache[i] == null) {
            keyCache[i] = new String[(int) radix[i]];
        }
        if (keyCache[i][index] == null) {
            keyCache[i][index] = TimeBuckets.key(kinds[i], firstBucket[i] + index);
        }
        return keyCache[i][index];
    }

    private long bucket(Dimension.Kind kind, int offset) {
        long second = base + offset;
        switch (kind) {
            case HOUR:
                return Math.floorDiv(second, 3600L);
            case DAY:
                return Math.floorDiv(second, 86_400L);
            default:
                return monthOfDay[(int) (Math.floorDiv(second, 86_400L) - firstDay)];
        }
    }
}
