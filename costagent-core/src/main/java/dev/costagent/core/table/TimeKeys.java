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
    /** Per time dimension, how a row's start offset becomes its bucket index. */
    private final Buckets[] dimensionBuckets;
    /** Per time filter, how a row's start offset becomes the bucket index the filter judges. */
    private final Buckets[] filterBuckets;
    /** Per time filter, whether each bucket index passes; rows with no ChargePeriodStart pass as {@code filterAcceptsNull}. */
    private final boolean[][] filterPasses;

    private final boolean[] filterAcceptsNull;
    private final long firstDay;
    private final int[] monthOfDay;
    /** Per time dimension, bucket index → formatted key, filled as groups are decoded. */
    private final String[][] keyCache;

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
        keyCache = new String[dimensions.size()][];
        firstBucket = new long[kinds.length];
        radix = new long[kinds.length];
        dimensionBuckets = new Buckets[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = dimensions.get(i).kind();
            firstBucket[i] = anyTime ? TimeBuckets.bucket(kinds[i], base + min) : 0;
            long last = anyTime ? TimeBuckets.bucket(kinds[i], base + max) : 0;
            radix[i] = last - firstBucket[i] + 2; // the last index stands for "no ChargePeriodStart"
            dimensionBuckets[i] = buckets(kinds[i], firstBucket[i], max);
        }
        filterBuckets = new Buckets[filters.size()];
        filterPasses = new boolean[filters.size()][];
        filterAcceptsNull = new boolean[filters.size()];
        for (int f = 0; f < filters.size(); f++) {
            Filter filter = filters.get(f);
            Dimension.Kind kind = filter.dimension().kind();
            long first = anyTime ? TimeBuckets.bucket(kind, base + min) : 0;
            long last = anyTime ? TimeBuckets.bucket(kind, base + max) : -1;
            // judged once per bucket of the table's span, not once per row
            boolean[] passes = new boolean[(int) (last - first + 1)];
            Arrays.fill(passes, filter.exclude());
            for (String value : filter.values()) {
                long bucket = value == null ? Long.MIN_VALUE : TimeBuckets.parse(kind, value);
                if (bucket >= first && bucket <= last) {
                    passes[(int) (bucket - first)] = !filter.exclude();
                }
            }
            filterBuckets[f] = buckets(kind, first, max);
            filterPasses[f] = passes;
            filterAcceptsNull[f] = filter.accepts(null);
        }
    }

    /**
     * How offsets up to {@code maxOffset} become indexes of buckets of a kind counted from {@code firstBucket}: a
     * month through the day's index.
     */
    private Buckets buckets(Dimension.Kind kind, long firstBucket, long maxOffset) {
        if (kind == Dimension.Kind.MONTH) {
            return new Buckets(firstDayStart, 86_400L, maxOffset, true, firstBucket);
        }
        long seconds = kind == Dimension.Kind.HOUR ? 3600L : 86_400L;
        return new Buckets(firstBucket * seconds - base, seconds, maxOffset, false, 0);
    }

    /**
     * The index of the bucket a start offset falls in: {@code (offset - start) / seconds}, for a month then looked up
     * by day. Every row's start lies at or after {@code start}, so the quotient is of a non-negative number; below
     * 2^31 (a table spanning less than 68 years) it is one multiplication and shift instead of a 64-bit division,
     * which in the row loop of every query cost more than all the rest of a row's key (Granlund and Montgomery,
     * "Division by invariant integers using multiplication": with {@code k = 31 + ceil(log2 seconds)} and {@code m =
     * ceil(2^k / seconds)}, {@code (x * m) >>> k} is exact for every {@code 0 <= x < 2^31}).
     */
    private final class Buckets {
        private final long start;
        private final long seconds;
        /** {@code ceil(2^shift / seconds)}, or 0 when an offset may lie 2^31 or more after the start. */
        private final long magic;

        private final int shift;
        private final boolean month;
        /** For a month: the first month's bucket, subtracted from the month of the day. */
        private final long firstMonth;

        Buckets(long start, long seconds, long maxOffset, boolean month, long firstMonth) {
            this.start = start;
            this.seconds = seconds;
            this.month = month;
            this.firstMonth = firstMonth;
            this.shift = shift(seconds);
            this.magic = maxOffset - start < (1L << 31) ? magic(seconds) : 0;
        }

        long index(int offset) {
            long x = offset - start;
            long quotient = magic != 0 ? (x * magic) >>> shift : x / seconds;
            return month ? monthOfDay[(int) quotient] - firstMonth : quotient;
        }
    }

    /** The shift of the multiply-and-shift division by {@code seconds}: 31 + ceil(log2 seconds). */
    static int shift(long seconds) {
        return 31 + (64 - Long.numberOfLeadingZeros(seconds - 1));
    }

    /** The multiplier of the multiply-and-shift division by {@code seconds}: ceil(2^shift / seconds). */
    static long magic(long seconds) {
        return ((1L << shift(seconds)) + seconds - 1) / seconds;
    }

    /** The number of distinct time keys. */
    long space() {
        long space = 1;
        for (long r : radix) {
            space *= r;
        }
        return space;
    }

    /**
     * The parts of {@link #key} for the common shape, so that a row loop computes it in line: at most one time
     * dimension and at most one time filter, each an hour or a day (with the multiply-and-shift division); null for
     * any other.
     */
    InlineKey inlineKey() {
        if (kinds.length > 1 || filterPasses.length > 1) {
            return null;
        }
        Buckets key = kinds.length == 0 ? null : dimensionBuckets[0];
        Buckets filter = filterPasses.length == 0 ? null : filterBuckets[0];
        if ((key != null && (key.month || key.magic == 0)) || (filter != null && (filter.month || filter.magic == 0))) {
            return null;
        }
        long noTime = ranged || (filter != null && !filterAcceptsNull[0]) ? -1 : kinds.length == 0 ? 0 : radix[0] - 1;
        return new InlineKey(
                key != null,
                key == null ? 0 : key.start,
                key == null ? 0 : key.magic,
                key == null ? 0 : key.shift,
                ranged,
                low,
                high,
                noTime,
                filter == null ? null : filterPasses[0],
                filter == null ? 0 : filter.start,
                filter == null ? 0 : filter.magic,
                filter == null ? 0 : filter.shift);
    }

    /**
     * {@link #key} of a start offset, for a query of the common shape: -1 outside {@code [low, high)} when
     * {@code ranged}, or when {@code passes} is given and {@code passes[((offset - passesStart) * passesMagic) >>>
     * passesShift]} is false (a filter's bucket); {@code noTimeKey} without a start; else the bucket index
     * {@code ((offset - start) * magic) >>> shift} when {@code timed}, 0 when not. An array in a record: a loop's
     * parameters, never compared.
     */
    record InlineKey(
            boolean timed,
            long start,
            long magic,
            int shift,
            boolean ranged,
            long low,
            long high,
            long noTimeKey,
            boolean[] passes,
            long passesStart,
            long passesMagic,
            int passesShift) {}

    /** The time key of a row's start offset, or -1 when the row is outside the range or filtered out. */
    long key(int offset) {
        boolean none = offset == CostTable.NO_TIME;
        if (ranged && (none || offset < low || offset >= high)) {
            return -1;
        }
        for (int f = 0; f < filterPasses.length; f++) {
            boolean accepted = none ? filterAcceptsNull[f] : filterPasses[f][(int) filterBuckets[f].index(offset)];
            if (!accepted) {
                return -1;
            }
        }
        long key = 0;
        for (int i = 0; i < kinds.length; i++) {
            long index = none ? radix[i] - 1 : dimensionBuckets[i].index(offset);
            key = key * radix[i] + index;
        }
        return key;
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
}
