package dev.costagent.core.table;

import dev.costagent.core.focus.ColumnBatch;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.FocusHeader;
import dev.costagent.core.focus.FocusRow;
import dev.costagent.core.focus.RecordSink;
import dev.costagent.core.focus.parse.TagsParser;
import dev.costagent.core.focus.parse.TimestampParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link CostQuery} over one stretch of a file as it is read, keeping only the groups: memory grows with the
 * number of groups, never with the number of rows. It decodes and checks just the columns the query reads.
 */
final class AggregatingSink implements RecordSink {

    private static final int NULL_BUCKET = Integer.MIN_VALUE;

    private final int metricField;
    private final int startField;
    private final int currencyField;
    private final ByteDictionary currencies = new ByteDictionary();
    /** The value id of the last currency recorded (see {@link FocusRow#valueId}), or -1. */
    private int lastCurrencyId = -1;

    private final KeyPart[] keyParts;
    private final FilterPart[] filters;
    private final TimeFilter timeFilter;
    /** Whether the query groups or filters by time, so every row's ChargePeriodStart is needed. */
    private final boolean readsTime;

    final IntTupleDictionary keys;
    /** Per group, by its key's tuple code: the codes are dense, so a plain array serves. */
    final GroupSlots slots = GroupSlots.dense(1024);

    private final int[] key;

    AggregatingSink(FocusHeader header, CostQuery query) {
        this.metricField = header.field(query.metric().column());
        if (metricField < 0) {
            throw new QueryException("column " + query.metric().columnName() + " is absent from " + header.file());
        }
        this.startField = header.field(FocusColumn.CHARGE_PERIOD_START);
        this.currencyField = header.field(FocusColumn.BILLING_CURRENCY);
        List<Dimension> groupBy = query.groupBy();
        keyParts = new KeyPart[groupBy.size()];
        boolean needsTime = !query.range().isAll();
        for (int i = 0; i < keyParts.length; i++) {
            keyParts[i] = new KeyPart(header, groupBy.get(i));
            needsTime |= groupBy.get(i).isTime();
        }
        List<FilterPart> setFilters = new ArrayList<>();
        List<Filter> timeFilters = new ArrayList<>();
        for (Filter filter : query.filters()) {
            if (filter.dimension().isTime()) {
                timeFilters.add(filter);
                needsTime = true;
            } else {
                setFilters.add(new FilterPart(new KeyPart(header, filter.dimension()), filter));
            }
        }
        filters = setFilters.toArray(new FilterPart[0]);
        timeFilter = new TimeFilter(timeFilters, query.range());
        readsTime = needsTime;
        if (needsTime && startField < 0) {
            throw new QueryException("column ChargePeriodStart is absent from " + header.file());
        }
        keys = new IntTupleDictionary(keyParts.length);
        key = new int[Math.max(keyParts.length, 1)];
    }

    @Override
    public boolean accept(FocusRow row) {
        long start = Long.MIN_VALUE;
        if (readsTime && row.periodChecked()) {
            // The reader's validator parsed the charge period already: no second parse per row.
            start = row.checkedPeriodStart();
        } else if (readsTime) {
            if (!row.isNull(startField)) {
                start = row.timestamp(startField);
                if (start == TimestampParser.INVALID) {
                    return row.rejectTimestamp(startField);
                }
            }
        }
        double value = Double.NaN;
        if (!row.isNull(metricField)) {
            value = row.decimal(metricField);
            if (Double.isNaN(value)) {
                return row.rejectNumber(metricField);
            }
        }
        if (!row.isNull(currencyField)) {
            int id = row.valueId(currencyField);
            if (id < 0 || id != lastCurrencyId) {
                currencies.code(row.buffer(), row.start(currencyField), row.end(currencyField));
                lastCurrencyId = id;
            }
        }
        for (int k = 0; k < keyParts.length; k++) {
            int code = keyParts[k].code(row, start);
            if (code == KeyPart.INVALID) {
                return keyParts[k].reject(row);
            }
            key[k] = code;
        }
        for (FilterPart filter : filters) {
            int code = filter.part.code(row, start);
            if (code == KeyPart.INVALID) {
                return filter.part.reject(row);
            }
            if (!filter.accepts(code)) {
                return true;
            }
        }
        if (timeFilter.needed && !timeFilter.accepts(start)) {
            return true;
        }
        slots.add(keys.code(key), value);
        return true;
    }

    /** Takes the batches whose columns it reads come as {@link #acceptColumns} reads them. */
    @Override
    public boolean acceptsColumns(ColumnBatch batch) {
        return readable(batch);
    }

    /**
     * {@link #accept} for every row of a batch, column at a time: time keys from the start array, column keys from
     * value ids (each id coded once), sums from the metric array, in row order so that every group's sum is the
     * same as row by row. Declines (changing nothing) when a column it reads is not of the kind it expects.
     */
    @Override
    public boolean acceptColumns(ColumnBatch batch) {
        if (!readable(batch)) {
            return false;
        }
        int rows = batch.rows();
        boolean[] startNulls = readsTime ? batch.nulls(startField) : null;
        long[] starts = readsTime && batch.kind(startField) == ColumnBatch.Kind.TIME ? batch.times(startField) : null;
        boolean[] metricNulls = batch.nulls(metricField);
        double[] metric = batch.kind(metricField) == ColumnBatch.Kind.NUMBER ? batch.numbers(metricField) : null;
        for (KeyPart part : keyParts) {
            part.bind(batch);
        }
        for (FilterPart filter : filters) {
            filter.part.bind(batch);
        }
        codeCurrencies(batch);
        for (int r = 0; r < rows; r++) {
            long start = starts == null || (startNulls != null && startNulls[r]) ? Long.MIN_VALUE : starts[r];
            double value = metric == null || (metricNulls != null && metricNulls[r]) ? Double.NaN : metric[r];
            for (int k = 0; k < keyParts.length; k++) {
                key[k] = keyParts[k].code(r, start);
            }
            if (accepts(r, start)) {
                slots.add(keys.code(key), value);
            }
        }
        return true;
    }

    /** Whether a batch row passes the filters (after {@link KeyPart#bind}). */
    private boolean accepts(int row, long start) {
        for (FilterPart filter : filters) {
            if (!filter.accepts(filter.part.code(row, start))) {
                return false;
            }
        }
        return !timeFilter.needed || timeFilter.accepts(start);
    }

    /** Whether every column the query reads comes in a batch as {@link #acceptColumns} takes it. */
    private boolean readable(ColumnBatch batch) {
        ColumnBatch.Kind metric = batch.kind(metricField);
        ColumnBatch.Kind start = batch.kind(startField);
        ColumnBatch.Kind currency = batch.kind(currencyField);
        boolean readable = (metric == ColumnBatch.Kind.NUMBER || metric == ColumnBatch.Kind.ABSENT)
                && (!readsTime || start == ColumnBatch.Kind.TIME || start == ColumnBatch.Kind.ABSENT)
                && (currency == ColumnBatch.Kind.TEXT || currency == ColumnBatch.Kind.ABSENT);
        for (KeyPart part : keyParts) {
            readable &= part.readable(batch);
        }
        for (FilterPart filter : filters) {
            readable &= filter.part.readable(batch);
        }
        return readable;
    }

    /** Codes the currencies of a batch's rows, as {@link #accept} does row by row. */
    private void codeCurrencies(ColumnBatch batch) {
        if (batch.kind(currencyField) != ColumnBatch.Kind.TEXT) {
            return;
        }
        byte[] text = batch.text(currencyField);
        lastCurrencyId = -1; // ids name values within one batch only
        if (batch.textCount(currencyField) == 1) {
            // One currency in the row group (the usual case): it is seen if any row is not null.
            if (batch.nullCount(currencyField) < batch.rows()) {
                int from = batch.textStart(currencyField, 0);
                currencies.code(text, from, from + batch.textLength(currencyField, 0));
            }
            return;
        }
        int[] ids = batch.ids(currencyField);
        boolean[] nulls = batch.nulls(currencyField);
        int shared = batch.sharedTexts(currencyField);
        for (int r = 0; r < batch.rows(); r++) {
            int id = ids[r];
            if ((nulls != null && nulls[r]) || batch.textLength(currencyField, id) == 0) {
                continue;
            }
            if (id >= shared || id != lastCurrencyId) {
                int from = batch.textStart(currencyField, id);
                currencies.code(text, from, from + batch.textLength(currencyField, id));
                lastCurrencyId = id < shared ? id : -1;
            }
        }
    }

    /** The names of grouping or filtering columns this stretch's file lacks. */
    List<String> absentColumns() {
        List<String> absent = new ArrayList<>();
        for (KeyPart part : keyParts) {
            if (part.field < 0) {
                absent.add(part.columnName);
            }
        }
        for (FilterPart filter : filters) {
            if (filter.part.field < 0) {
                absent.add(filter.part.columnName);
            }
        }
        return absent;
    }

    /** The distinct currencies this stretch saw. */
    List<String> currencies() {
        List<String> values = new ArrayList<>();
        for (int code = 1; code <= currencies.size(); code++) {
            values.add(currencies.value(code));
        }
        return values;
    }

    /** Adds this stretch's groups into a merged map from key to {sum, compensation, rows}. */
    void mergeInto(Map<List<String>, double[]> merged) {
        int width = keyParts.length;
        for (int slot = 0; slot < slots.size(); slot++) {
            long rows = slots.rows(slot);
            if (rows == 0) {
                continue;
            }
            int tuple = (int) slots.key(slot);
            List<String> parts = new ArrayList<>(width);
            for (int k = 0; k < width; k++) {
                parts.add(keyParts[k].decode(keys.get(tuple, k)));
            }
            double[] accumulator = merged.computeIfAbsent(parts, p -> new double[3]);
            double value = slots.value(slot);
            double sum = accumulator[0];
            double t = sum + value;
            accumulator[1] += CompensatedSum.error(sum, value, t);
            accumulator[0] = t;
            accumulator[2] += rows;
        }
    }

    /** One grouping or filtering dimension: its codes per row and their keys. */
    private static final class KeyPart {
        static final int INVALID = Integer.MAX_VALUE;

        final Dimension.Kind kind;
        private final String tagKey;
        private final int field;
        private final String columnName;
        private final ByteDictionary dictionary = new ByteDictionary();
        /** Value id → code (0: not seen yet), for typed rows with ids. */
        private int[] codeOfId = new int[64];
        /** For tags: raw tags code → tag value code (in {@link #tagValues}); -1 marks invalid tags. */
        private int[] tagValueOfCode = new int[16];

        private final Map<String, Integer> tagValueCodes = new HashMap<>();
        private final List<String> tagValues = new ArrayList<>(java.util.Collections.singletonList(null));
        /** Why each invalid raw tags code failed to parse, for the reject message. */
        private final Map<Integer, String> tagErrors = new HashMap<>();
        /** The raw tags code of the row last coded, so {@link #reject} can name its error. */
        private int lastTagsCode;

        /** The batch {@link #code(int, long)} reads, and its column's arrays. */
        private ColumnBatch batch;

        private int[] batchIds;
        /** Value id → code + 1 (0: not seen yet) for the bound batch's shared values. */
        private int[] batchCodes = new int[64];

        private boolean[] batchNulls;
        private int batchShared;

        KeyPart(FocusHeader header, Dimension dimension) {
            this.kind = dimension.kind();
            this.tagKey = kind == Dimension.Kind.TAG ? dimension.name() : null;
            this.columnName = kind == Dimension.Kind.TAG ? FocusColumn.TAGS.columnName() : dimension.name();
            this.field = dimension.isTime() ? header.field(FocusColumn.CHARGE_PERIOD_START) : header.field(columnName);
        }

        /** A column value's code; by the row's value id when it has one (each id is looked up once). */
        private int columnCode(FocusRow row) {
            int id = row.valueId(field);
            if (id < 0) {
                return dictionary.code(row.buffer(), row.start(field), row.end(field));
            }
            if (id >= codeOfId.length) {
                codeOfId = java.util.Arrays.copyOf(codeOfId, Math.max(id + 1, codeOfId.length * 2));
            }
            int code = codeOfId[id];
            if (code == 0) {
                code = dictionary.code(row.buffer(), row.start(field), row.end(field));
                codeOfId[id] = code;
            }
            return code;
        }

        int code(FocusRow row, long start) {
            switch (kind) {
                case HOUR:
                case DAY:
                case MONTH:
                    return start == Long.MIN_VALUE ? NULL_BUCKET : (int) TimeBuckets.bucket(kind, start);
                case COLUMN:
                    return row.isNull(field) ? 0 : columnCode(row);
                default:
                    return tagCode(row);
            }
        }

        /** Whether a batch holds this part's column as {@link #code(int, long)} reads it. */
        boolean readable(ColumnBatch batch) {
            ColumnBatch.Kind column = batch.kind(field);
            return switch (kind) {
                case HOUR, DAY, MONTH -> true;
                default -> column == ColumnBatch.Kind.TEXT || column == ColumnBatch.Kind.ABSENT;
            };
        }

        /** Reads the rows of this batch in {@link #code(int, long)}. */
        void bind(ColumnBatch batch) {
            this.batch = batch;
            boolean text = (kind == Dimension.Kind.COLUMN || kind == Dimension.Kind.TAG)
                    && batch.kind(field) == ColumnBatch.Kind.TEXT;
            batchIds = text ? batch.ids(field) : null;
            batchNulls = text ? batch.nulls(field) : null;
            batchShared = text ? batch.sharedTexts(field) : 0;
            java.util.Arrays.fill(batchCodes, 0); // ids name values within one batch only
        }

        /** {@link #code(FocusRow, long)} of a row of the bound batch. */
        int code(int row, long start) {
            switch (kind) {
                case HOUR:
                case DAY:
                case MONTH:
                    return start == Long.MIN_VALUE ? NULL_BUCKET : (int) TimeBuckets.bucket(kind, start);
                default:
                    if (batchIds == null || (batchNulls != null && batchNulls[row])) {
                        return 0;
                    }
                    int id = batchIds[row];
                    int length = batch.textLength(field, id);
                    if (length == 0) {
                        return 0; // an empty text is a null
                    }
                    if (id >= batchShared) {
                        return columnOrTagCode(batch.text(field), batch.textStart(field, id), length);
                    }
                    if (id >= batchCodes.length) {
                        batchCodes = java.util.Arrays.copyOf(batchCodes, Math.max(id + 1, batchCodes.length * 2));
                    }
                    int code = batchCodes[id];
                    if (code == 0) {
                        code = columnOrTagCode(batch.text(field), batch.textStart(field, id), length);
                        batchCodes[id] = code + 1; // + 1: a tag's code may be 0 (no value for the key)
                        return code;
                    }
                    return code - 1;
            }
        }

        private int columnOrTagCode(byte[] text, int from, int length) {
            if (kind == Dimension.Kind.COLUMN) {
                return dictionary.code(text, from, from + length);
            }
            int code = tagValue(text, from, from + length);
            if (code == INVALID) {
                // The reader checked every Tags value of the batch before handing it over.
                throw new IllegalStateException("invalid Tags in a batch the validator accepted");
            }
            return code;
        }

        private int tagCode(FocusRow row) {
            if (row.isNull(field)) {
                return 0;
            }
            int from = row.start(field);
            int to = row.end(field);
            return tagValue(row.buffer(), from, to);
        }

        /** The code of the tag's value in raw Tags text, or {@link #INVALID}; each distinct text is parsed once. */
        private int tagValue(byte[] buf, int from, int to) {
            int known = dictionary.size();
            int code = dictionary.code(buf, from, to);
            if (code >= tagValueOfCode.length) {
                tagValueOfCode = java.util.Arrays.copyOf(tagValueOfCode, code * 2);
            }
            if (code > known) {
                try {
                    String tags = new String(buf, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
                    String value = TagsParser.parse(tags).get(tagKey);
                    tagValueOfCode[code] = value == null
                            ? 0
                            : tagValueCodes.computeIfAbsent(value, v -> {
                                tagValues.add(v);
                                return tagValues.size() - 1;
                            });
                } catch (IllegalArgumentException e) {
                    tagValueOfCode[code] = -1;
                    tagErrors.put(code, e.getMessage());
                }
            }
            lastTagsCode = code;
            int value = tagValueOfCode[code];
            return value < 0 ? INVALID : value;
        }

        /** Rejects the row whose tags {@link #code} just found invalid (only tags can be). */
        boolean reject(FocusRow row) {
            return row.reject(columnName, tagErrors.get(lastTagsCode));
        }

        String decode(int code) {
            switch (kind) {
                case HOUR:
                case DAY:
                case MONTH:
                    return code == NULL_BUCKET ? null : TimeBuckets.key(kind, code);
                case COLUMN:
                    return dictionary.value(code);
                default:
                    return tagValues.get(code);
            }
        }
    }

    /** A filter on a column or tag, with its verdict cached per code. */
    private static final class FilterPart {
        final KeyPart part;
        private final Filter filter;
        private byte[] verdicts = new byte[16]; // 0 unknown, 1 pass, 2 fail

        FilterPart(KeyPart part, Filter filter) {
            this.part = part;
            this.filter = filter;
        }

        boolean accepts(int code) {
            if (code >= verdicts.length) {
                verdicts = java.util.Arrays.copyOf(verdicts, code * 2);
            }
            if (verdicts[code] == 0) {
                verdicts[code] = filter.accepts(part.decode(code)) ? (byte) 1 : (byte) 2;
            }
            return verdicts[code] == 1;
        }
    }

    /** The range and the time-bucket filters, checked per row. */
    private static final class TimeFilter {
        final boolean needed;
        private final TimeRange range;
        /** The range in whole seconds, as the table's time keys take it. */
        private final long firstSecond;

        private final long endSecond;
        private final List<Filter> filters;
        private final long[][] buckets;

        TimeFilter(List<Filter> filters, TimeRange range) {
            this.filters = filters;
            this.range = range;
            this.firstSecond = range.isAll() ? 0 : range.firstSecond();
            this.endSecond = range.isAll() ? 0 : range.endSecond();
            this.needed = !filters.isEmpty() || !range.isAll();
            this.buckets = new long[filters.size()][];
            for (int f = 0; f < filters.size(); f++) {
                Dimension.Kind kind = filters.get(f).dimension().kind();
                buckets[f] = filters.get(f).values().stream()
                        .filter(v -> v != null)
                        .mapToLong(v -> TimeBuckets.parse(kind, v))
                        .sorted()
                        .toArray();
            }
        }

        boolean accepts(long start) {
            if (start == Long.MIN_VALUE) {
                if (!range.isAll()) {
                    return false;
                }
                for (Filter filter : filters) {
                    if (!filter.accepts(null)) {
                        return false;
                    }
                }
                return true;
            }
            if (!range.isAll() && (start < firstSecond || start >= endSecond)) {
                return false;
            }
            for (int f = 0; f < filters.size(); f++) {
                Filter filter = filters.get(f);
                long bucket = TimeBuckets.bucket(filter.dimension().kind(), start);
                if ((java.util.Arrays.binarySearch(buckets[f], bucket) >= 0) == filter.exclude()) {
                    return false;
                }
            }
            return true;
        }
    }
}
