package dev.costagent.core.focus;

import dev.costagent.core.focus.parse.DecimalParser;
import dev.costagent.core.focus.parse.TagsParser;
import dev.costagent.core.focus.parse.TextCheck;
import dev.costagent.core.focus.parse.TimestampParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one definition of a valid FOCUS record, run by the reader on every record before any sink sees it, so that
 * every command ({@code ingest}, {@code summarize}, {@code analyze}, any source: CSV or typed) accepts and rejects the
 * same records, naming the same column.
 *
 * <p>A record is rejected for: text that is not UTF-8 or holds a control character (checked by the reader over the
 * whole CSV record, here per field for typed rows); a timestamp column that does not parse; ChargePeriodEnd before
 * ChargePeriodStart; a decimal column that does not parse; Tags that are not a JSON object of strings. Fields are
 * checked in file order, so the first bad field is the one named.
 *
 * <p>Accepted records are then checked against rules real exports break without making the data unusable (values
 * outside FOCUS's allowed sets, an empty charge period): those are counted into the data-quality report by rule,
 * column, rows and one example, never rejected. The charge period lengths of usage rows give each provider's
 * {@link Granularity}.
 *
 * <p>One per stretch (not thread-safe). Per record it allocates nothing once the values repeat.
 */
final class RecordValidator {

    private static final byte TIME = 1;
    private static final byte DECIMAL = 2;
    private static final byte TAGS = 3;
    /**
     * The charge period starts a table can hold (2000-01-01 and the 2^31 seconds after it): a start outside them is a
     * corrupt timestamp (a mistyped year), rejected here so that every command rejects it, not only ingest.
     */
    private static final long FIRST_START = 946_684_800L;

    private static final long END_OF_STARTS = FIRST_START + Integer.MAX_VALUE;
    private static final byte[] USAGE = "Usage".getBytes(StandardCharsets.US_ASCII);
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private final FocusHeader header;
    /** The fields to check, in file order, and what they hold. */
    private final int[] checked;

    private final byte[] kinds;
    /** Per checked field, the last value found valid (timestamps and tags repeat row after row). */
    private final byte[][] lastValid;

    private final int[] lastValidLength;
    /** Text fields a typed row sets, checked for encoding here (CSV records are checked whole by the reader). */
    private final int[] textFields;

    private final int startField;
    private final int endField;
    private final int providerField;
    private final int categoryField;
    private final ValueRule[] valueRules;
    /**
     * Per field, the source value ids (see {@link FocusRow#valueId}) whose text passed the encoding check, and those
     * whose value passed its type's check: a typed source's dictionary value is checked once, not once per row.
     */
    private final java.util.BitSet[] textOk;

    private final java.util.BitSet[] valueOk;
    /** Tags values found valid: rows of many resources interleave, so a set, not just the last value. */
    private final SeenValues validTags = new SeenValues();

    /** The charge period of the record last validated (Long.MIN_VALUE when null). */
    private long start;

    private long end;

    /** Charge periods whose end is not after their start (equal ends; earlier ends are rejected). */
    long emptyPeriods;

    String emptyPeriodExample;
    /** Per provider: rows by granularity class. */
    final Map<String, long[]> granularity = new LinkedHashMap<>();

    private byte[] lastProvider = new byte[0];
    private long[] lastProviderCounts;
    private boolean lastProviderNull;
    /** The value id of the last provider (see {@link FocusRow#valueId}), or -1. */
    private int lastProviderId = -1;

    RecordValidator(FocusHeader header) {
        this.header = header;
        List<Integer> fields = new ArrayList<>();
        List<Byte> kindList = new ArrayList<>();
        List<Integer> texts = new ArrayList<>();
        for (int f = 0; f < header.size(); f++) {
            FocusColumn column = FocusColumn.byName(header.names().get(f)).orElse(null);
            ColumnType type = column == null ? ColumnType.STRING : column.type();
            switch (type) {
                case TIMESTAMP -> {
                    fields.add(f);
                    kindList.add(TIME);
                }
                case DECIMAL -> {
                    fields.add(f);
                    kindList.add(DECIMAL);
                }
                case TAGS -> {
                    fields.add(f);
                    kindList.add(TAGS);
                    texts.add(f);
                }
                default -> texts.add(f);
            }
        }
        checked = fields.stream().mapToInt(Integer::intValue).toArray();
        kinds = new byte[checked.length];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = kindList.get(i);
        }
        lastValid = new byte[checked.length][];
        lastValidLength = new int[checked.length];
        textFields = texts.stream().mapToInt(Integer::intValue).toArray();
        startField = header.field(FocusColumn.CHARGE_PERIOD_START);
        endField = header.field(FocusColumn.CHARGE_PERIOD_END);
        int provider = header.field(FocusColumn.PROVIDER_NAME);
        providerField = provider >= 0 ? provider : header.field(FocusColumn.SERVICE_PROVIDER_NAME);
        categoryField = header.field(FocusColumn.CHARGE_CATEGORY);
        valueRules = AllowedValues.rulesFor(header);
        textOk = new java.util.BitSet[header.size()];
        valueOk = new java.util.BitSet[header.size()];
        java.util.Arrays.setAll(textOk, f -> new java.util.BitSet());
        java.util.Arrays.setAll(valueOk, f -> new java.util.BitSet());
    }

    /**
     * Checks a record; on a bad value marks the row with {@link FocusRow#reject} and returns {@code false}.
     */
    boolean validate(FocusRow row) {
        if (!row.fieldsAdjacent() && !checkText(row)) {
            return false;
        }
        start = Long.MIN_VALUE;
        end = Long.MIN_VALUE;
        for (int i = 0; i < checked.length; i++) {
            int field = checked[i];
            if (row.isNull(field) || row.isUnread(field)) {
                continue;
            }
            int id = row.valueId(field);
            if (id >= 0 && field != startField && field != endField) {
                if (!valueOk[field].get(id)) {
                    if (!checkValue(i, row, field)) {
                        return false;
                    }
                    valueOk[field].set(id);
                }
                continue;
            }
            switch (kinds[i]) {
                case TIME -> {
                    long seconds;
                    if (field == startField || field == endField || !row.fieldsAdjacent()) {
                        seconds = row.timestamp(field);
                        if (seconds == TimestampParser.INVALID) {
                            return row.rejectTimestamp(field);
                        }
                        if (field == startField) {
                            if (seconds < FIRST_START || seconds >= END_OF_STARTS) {
                                return row.reject(
                                        FocusColumn.CHARGE_PERIOD_START.columnName(),
                                        "'"
                                                + row.snippet(startField)
                                                + "' is outside the years 2000 to 2067 that billing data covers");
                            }
                            start = seconds;
                        } else if (field == endField) {
                            end = seconds;
                        }
                    } else if (!seenValid(i, row, field)) {
                        if (row.timestamp(field) == TimestampParser.INVALID) {
                            return row.rejectTimestamp(field);
                        }
                        remember(i, row, field);
                    }
                }
                case DECIMAL -> {
                    if (Double.isNaN(row.decimal(field))) {
                        return row.rejectNumber(field);
                    }
                }
                default -> {
                    // Raw text as written (doubled quotes and all): equal raw text means equal tags, and a hit
                    // then costs neither unescaping nor parsing.
                    int from = row.rawStart(field);
                    int to = row.rawEnd(field);
                    if (!validTags.contains(row.buffer(), from, to)) {
                        byte[] raw = Arrays.copyOfRange(row.buffer(), from, to);
                        try {
                            TagsParser.parse(row.string(field));
                        } catch (IllegalArgumentException e) {
                            return row.reject(FocusColumn.TAGS.columnName(), e.getMessage());
                        }
                        validTags.add(raw);
                    }
                }
            }
        }
        if (start != Long.MIN_VALUE && end != Long.MIN_VALUE && end < start) {
            return row.reject(
                    FocusColumn.CHARGE_PERIOD_END.columnName(), "ChargePeriodEnd is before ChargePeriodStart");
        }
        if (!row.isUnread(startField) && !row.isUnread(endField)) {
            row.checkedPeriod(start, end);
        }
        return true;
    }

    /**
     * Whether {@link #validate} would accept every record of a batch, judged column at a time: each text value of
     * each text column once (encoding, Tags), each text value of a decimal or timestamp column once (it parses),
     * timestamps and the charge period as arrays. {@code false} also when a check would need a record's text (a typed
     * value in a text column, the charge period as text): the batch then goes row by row. Changes nothing.
     */
    boolean allValid(ColumnBatch batch) {
        for (int field : textFields) {
            ColumnBatch.Kind kind = batch.kind(field);
            if (kind == ColumnBatch.Kind.TEXT) {
                if (!textsValid(batch, field)) {
                    return false;
                }
            } else if (kind != ColumnBatch.Kind.ABSENT && kind != ColumnBatch.Kind.UNREAD) {
                return false;
            }
        }
        for (int i = 0; i < checked.length; i++) {
            int field = checked[i];
            ColumnBatch.Kind kind = batch.kind(field);
            if (kind == ColumnBatch.Kind.ABSENT || kind == ColumnBatch.Kind.UNREAD) {
                continue;
            }
            boolean text = kind == ColumnBatch.Kind.TEXT;
            boolean valid = switch (kinds[i]) {
                case TIME ->
                    kind == ColumnBatch.Kind.TIME
                            ? timesValid(batch, field)
                            : text && field != startField && field != endField && textsParse(batch, field, TIME);
                // NaN is null, not a bad number
                case DECIMAL -> kind == ColumnBatch.Kind.NUMBER || (text && textsParse(batch, field, DECIMAL));
                default -> text && tagsValid(batch, field);
            };
            if (!valid) {
                return false;
            }
        }
        return !periodChecked(batch) || noEndBeforeStart(batch);
    }

    /** Whether a batch has both ends of the charge period as timestamps. */
    private boolean periodChecked(ColumnBatch batch) {
        return batch.kind(startField) == ColumnBatch.Kind.TIME && batch.kind(endField) == ColumnBatch.Kind.TIME;
    }

    /** Every text value of a field (used by a row or not) is UTF-8 without control characters. */
    private static boolean textsValid(ColumnBatch batch, int field) {
        byte[] text = batch.text(field);
        for (int id = 0; id < batch.textCount(field); id++) {
            int from = batch.textStart(field, id);
            if (TextCheck.firstBad(text, from, from + batch.textLength(field, id)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every text value of a decimal or timestamp field (other than the charge period, whose values a sink takes as
     * timestamps) parses as its type: a typed source's value formatted as text for a sink that keeps it as text,
     * checked once per value as {@link #validate} checks it once per value id.
     */
    private static boolean textsParse(ColumnBatch batch, int field, byte kind) {
        byte[] text = batch.text(field);
        for (int id = 0; id < batch.textCount(field); id++) {
            int length = batch.textLength(field, id);
            if (length == 0) {
                continue; // null
            }
            int from = batch.textStart(field, id);
            boolean parses = kind == DECIMAL
                    ? !Double.isNaN(DecimalParser.parse(text, from, from + length))
                    : TimestampParser.parse(text, from, from + length) != TimestampParser.INVALID;
            if (!parses) {
                return false;
            }
        }
        return true;
    }

    private static boolean tagsValid(ColumnBatch batch, int field) {
        for (int id = 0; id < batch.textCount(field); id++) {
            if (batch.textLength(field, id) > 0) {
                try {
                    TagsParser.parse(batch.string(field, id));
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean timesValid(ColumnBatch batch, int field) {
        long[] times = batch.times(field);
        boolean[] nulls = batch.nulls(field);
        boolean start = field == startField;
        for (int r = 0; r < batch.rows(); r++) {
            if (nulls != null && nulls[r]) {
                continue;
            }
            long seconds = times[r];
            if (seconds == TimestampParser.INVALID || (start && (seconds < FIRST_START || seconds >= END_OF_STARTS))) {
                return false;
            }
        }
        return true;
    }

    private boolean noEndBeforeStart(ColumnBatch batch) {
        long[] starts = batch.times(startField);
        long[] ends = batch.times(endField);
        boolean[] startNulls = batch.nulls(startField);
        boolean[] endNulls = batch.nulls(endField);
        for (int r = 0; r < batch.rows(); r++) {
            if (ends[r] < starts[r] && !(startNulls != null && startNulls[r]) && !(endNulls != null && endNulls[r])) {
                return false;
            }
        }
        return true;
    }

    /** Checks a value of a decimal, timestamp (not the charge period) or Tags field by itself. */
    private boolean checkValue(int i, FocusRow row, int field) {
        switch (kinds[i]) {
            case TIME -> {
                if (row.timestamp(field) == TimestampParser.INVALID) {
                    return row.rejectTimestamp(field);
                }
            }
            case DECIMAL -> {
                if (Double.isNaN(row.decimal(field))) {
                    return row.rejectNumber(field);
                }
            }
            default -> {
                try {
                    TagsParser.parse(row.string(field));
                } catch (IllegalArgumentException e) {
                    return row.reject(FocusColumn.TAGS.columnName(), e.getMessage());
                }
            }
        }
        return true;
    }

    /** Counts an accepted record's data-quality findings and its charge period length (after {@link #validate}). */
    void observe(FocusRow row) {
        for (ValueRule rule : valueRules) {
            rule.observe(row);
        }
        if (start == Long.MIN_VALUE || end == Long.MIN_VALUE) {
            return;
        }
        if (end == start) {
            if (emptyPeriods++ == 0) {
                emptyPeriodExample = row.snippet(startField) + " to " + row.snippet(endField);
            }
        }
        if (categoryField >= 0 && !equalsBytes(row, categoryField, USAGE)) {
            return;
        }
        providerCounts(row)[Granularity.ofSeconds(end - start).ordinal()]++;
    }

    /**
     * {@link #observe} for every record of a batch {@link #allValid} accepted, in row order: the value rules by id,
     * empty charge periods (the first one's example) and granularity from the period arrays.
     */
    void observe(ColumnBatch batch) {
        for (ValueRule rule : valueRules) {
            rule.observe(batch);
        }
        if (!periodChecked(batch)) {
            return; // a row's start or end is then unknown: observe(row) counts nothing more either
        }
        long[] starts = batch.times(startField);
        long[] ends = batch.times(endField);
        boolean[] startNulls = batch.nulls(startField);
        boolean[] endNulls = batch.nulls(endField);
        boolean categories = batch.kind(categoryField) == ColumnBatch.Kind.TEXT;
        byte[] usage = categories ? usageById(batch) : null;
        boolean providers = batch.kind(providerField) == ColumnBatch.Kind.TEXT;
        int[] providerIds = providers ? batch.ids(providerField) : null;
        long[][] countsById = providers ? new long[batch.sharedTexts(providerField)][] : null;
        for (int r = 0; r < batch.rows(); r++) {
            if ((startNulls != null && startNulls[r]) || (endNulls != null && endNulls[r])) {
                continue;
            }
            long start = starts[r];
            long end = ends[r];
            if (end == start && emptyPeriods++ == 0) {
                emptyPeriodExample = TypedRow.timestampText(start) + " to " + TypedRow.timestampText(end);
            }
            if (categoryField >= 0
                    && (!categories || batch.isNull(categoryField, r) || usage[batch.ids(categoryField)[r]] != 1)) {
                continue; // not a usage row (a null or unread category is none)
            }
            long[] counts;
            if (!providers || batch.isNull(providerField, r)) {
                counts = granularity.computeIfAbsent("", p -> new long[Granularity.values().length]);
            } else {
                int id = providerIds[r];
                counts = id < countsById.length ? countsById[id] : null;
                if (counts == null) {
                    counts = granularity.computeIfAbsent(
                            batch.string(providerField, id), p -> new long[Granularity.values().length]);
                    if (id < countsById.length) {
                        countsById[id] = counts;
                    }
                }
            }
            counts[Granularity.ofSeconds(end - start).ordinal()]++;
        }
    }

    /** Per ChargeCategory value id of a batch, 1 when the value is {@code Usage}. */
    private byte[] usageById(ColumnBatch batch) {
        byte[] usage = new byte[batch.textCount(categoryField)];
        byte[] text = batch.text(categoryField);
        for (int id = 0; id < usage.length; id++) {
            int from = batch.textStart(categoryField, id);
            if (Arrays.equals(text, from, from + batch.textLength(categoryField, id), USAGE, 0, USAGE.length)) {
                usage[id] = 1;
            }
        }
        return usage;
    }

    /** The data-quality findings of the value rules, merged into {@code issues} by rule and column. */
    List<ValueRule> valueRules() {
        return Arrays.asList(valueRules);
    }

    private long[] providerCounts(FocusRow row) {
        if (row.isNull(providerField) || row.isUnread(providerField)) {
            if (!lastProviderNull || lastProviderCounts == null) {
                lastProviderCounts = granularity.computeIfAbsent("", p -> new long[Granularity.values().length]);
                lastProviderNull = true;
                lastProvider = new byte[0];
            }
            return lastProviderCounts;
        }
        int id = row.valueId(providerField);
        if (id >= 0 && id == lastProviderId && lastProviderCounts != null && !lastProviderNull) {
            return lastProviderCounts;
        }
        lastProviderId = id;
        int from = row.rawStart(providerField);
        int to = row.rawEnd(providerField);
        byte[] buf = row.buffer();
        if (lastProviderCounts == null
                || lastProviderNull
                || !Arrays.equals(buf, from, to, lastProvider, 0, lastProvider.length)) {
            lastProvider = Arrays.copyOfRange(buf, from, to);
            lastProviderCounts =
                    granularity.computeIfAbsent(row.string(providerField), p -> new long[Granularity.values().length]);
            lastProviderNull = false;
        }
        return lastProviderCounts;
    }

    private boolean checkText(FocusRow row) {
        for (int field : textFields) {
            if (row.isNull(field) || row.isUnread(field)) {
                continue;
            }
            int id = row.valueId(field);
            if (id >= 0 && textOk[field].get(id)) {
                continue;
            }
            int from = row.start(field);
            int to = row.end(field);
            byte[] buf = row.buffer();
            int bad = TextCheck.firstBad(buf, from, to);
            if (bad >= 0) {
                return row.reject(header.names().get(field), TextCheck.describe(buf, bad, from));
            }
            if (id >= 0) {
                textOk[field].set(id);
            }
        }
        return true;
    }

    private boolean seenValid(int i, FocusRow row, int field) {
        byte[] last = lastValid[i];
        return last != null
                && Arrays.equals(row.buffer(), row.rawStart(field), row.rawEnd(field), last, 0, lastValidLength[i]);
    }

    private void remember(int i, FocusRow row, int field) {
        int from = row.rawStart(field);
        int length = row.rawEnd(field) - from;
        byte[] last = lastValid[i];
        if (last == null || last.length < length) {
            last = new byte[Math.max(length, 32)];
            lastValid[i] = last;
        }
        System.arraycopy(row.buffer(), from, last, 0, length);
        lastValidLength[i] = length;
    }

    private static boolean equalsBytes(FocusRow row, int field, byte[] expected) {
        if (row.isNull(field) || row.isUnread(field)) {
            return false;
        }
        int from = row.rawStart(field);
        return Arrays.equals(row.buffer(), from, row.rawEnd(field), expected, 0, expected.length);
    }

    /**
     * A bounded set of byte strings (open addressing on a 64-bit hash); when full it starts over, so memory stays
     * bounded and a miss only costs a parse.
     */
    static final class SeenValues {
        private static final int CAPACITY = 1 << 13;
        private final long[] hashes = new long[CAPACITY];
        private final byte[][] values = new byte[CAPACITY][];
        private int size;

        boolean contains(byte[] buf, int from, int to) {
            long hash = hash(buf, from, to);
            for (int slot = (int) hash & (CAPACITY - 1); values[slot] != null; slot = (slot + 1) & (CAPACITY - 1)) {
                if (hashes[slot] == hash && Arrays.equals(values[slot], 0, values[slot].length, buf, from, to)) {
                    return true;
                }
            }
            return false;
        }

        void add(byte[] value) {
            if (size >= CAPACITY / 2) {
                Arrays.fill(values, null);
                size = 0;
            }
            long hash = hash(value, 0, value.length);
            int slot = (int) hash & (CAPACITY - 1);
            while (values[slot] != null) {
                slot = (slot + 1) & (CAPACITY - 1);
            }
            hashes[slot] = hash;
            values[slot] = value;
            size++;
        }

        /** Eight bytes at a time, then the tail. */
        private static long hash(byte[] buf, int from, int to) {
            long h = 0x9E3779B97F4A7C15L ^ (to - from);
            int i = from;
            for (; i + 8 <= to; i += 8) {
                h = Long.rotateLeft((h ^ (long) LONGS.get(buf, i)) * 0xC2B2AE3D27D4EB4FL, 31);
            }
            for (; i < to; i++) {
                h = (h ^ buf[i]) * 0x100000001B3L;
            }
            return h ^ (h >>> 29);
        }
    }

    /** One allowed-values rule on one column: the rows breaking it and the first value that did. */
    static final class ValueRule {
        final String rule;
        final String column;
        final String detail;
        private final int field;
        private final byte[][] allowed;
        private byte[] lastAllowed = new byte[0];
        /** Value ids (see {@link FocusRow#valueId}) of allowed values and of values that are not. */
        private final java.util.BitSet allowedIds = new java.util.BitSet();

        private final java.util.BitSet notAllowedIds = new java.util.BitSet();
        long rows;
        String example;

        ValueRule(String rule, String column, int field, List<String> allowed, String detail) {
            this.rule = rule;
            this.column = column;
            this.field = field;
            this.detail = detail;
            this.allowed = allowed.stream()
                    .map(v -> v.getBytes(StandardCharsets.UTF_8))
                    .toArray(byte[][]::new);
        }

        void observe(FocusRow row) {
            if (row.isNull(field) || row.isUnread(field)) {
                return;
            }
            int id = row.valueId(field);
            if (id >= 0) {
                // A typed source's dictionary value: judged once, then counted by its id.
                if (allowedIds.get(id)) {
                    return;
                }
                if (notAllowedIds.get(id)) {
                    rows++;
                    return;
                }
                long before = rows;
                check(row);
                (rows == before ? allowedIds : notAllowedIds).set(id);
                return;
            }
            check(row);
        }

        /** {@link #observe(FocusRow)} for every row of a batch, judging each value id once. */
        void observe(ColumnBatch batch) {
            if (batch.kind(field) != ColumnBatch.Kind.TEXT) {
                return; // null or unread in every row (typed values in a text column never come column at a time)
            }
            // Each value judged once; rows are looked at only when some value is not allowed (rarely).
            boolean[] notAllowed = new boolean[batch.textCount(field)];
            boolean any = false;
            for (int id = 0; id < notAllowed.length; id++) {
                notAllowed[id] = batch.textLength(field, id) > 0 && !isAllowed(batch, id); // empty: a null
                any |= notAllowed[id];
            }
            if (!any) {
                return;
            }
            int[] ids = batch.ids(field);
            boolean[] nulls = batch.nulls(field);
            for (int r = 0; r < batch.rows(); r++) {
                if (!(nulls != null && nulls[r]) && notAllowed[ids[r]] && rows++ == 0) {
                    example = batch.string(field, ids[r]);
                }
            }
        }

        private boolean isAllowed(ColumnBatch batch, int id) {
            byte[] text = batch.text(field);
            int from = batch.textStart(field, id);
            int to = from + batch.textLength(field, id);
            for (byte[] value : allowed) {
                if (Arrays.equals(text, from, to, value, 0, value.length)) {
                    return true;
                }
            }
            return false;
        }

        private void check(FocusRow row) {
            byte[] buf = row.buffer();
            int from = row.rawStart(field);
            int to = row.rawEnd(field);
            if (Arrays.equals(buf, from, to, lastAllowed, 0, lastAllowed.length)) {
                return;
            }
            for (byte[] value : allowed) {
                if (Arrays.equals(buf, from, to, value, 0, value.length)) {
                    lastAllowed = value;
                    return;
                }
            }
            if (rows++ == 0) {
                example = row.string(field);
            }
        }
    }
}
