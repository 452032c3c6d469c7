package dev.costagent.core.focus;

import dev.costagent.core.focus.parse.DecimalParser;
import dev.costagent.core.focus.parse.TimestampParser;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A {@link FocusRow} that a typed source fills value by value: strings as UTF-8 bytes, decimals as doubles,
 * timestamps as epoch seconds. Sinks read decimals and timestamps as they were given, never through text.
 *
 * <p>Fields that a sink keeps as text (descriptive columns such as ListUnitPrice or BillingPeriodStart) get their text
 * when set; a per-field cache makes a repeated value cost a copy, not a formatting. The other typed fields (amounts,
 * the charge period) get text only when asked, for a message or a string.
 *
 * <p>Reusable: {@link #clear()} starts the next record. Not thread-safe; one per thread.
 */
public final class TypedRow extends FocusRow {

    private static final byte NULL = 0;
    private static final byte TEXT = 1;
    private static final byte DECIMAL = 2;
    private static final byte TIME = 3;
    private static final byte UNREAD = 4;

    private final byte[] kind;
    /** Per text field, the source's id of its value (see {@link FocusRow#valueId}), or -1. */
    private final int[] ids;
    /**
     * Per field, the source bytes of a value given with an id whose copy into the buffer is deferred until someone
     * reads its text: with ids, checks and sinks rarely need the bytes of a value they have seen.
     */
    private final byte[][] pendingSource;

    private final int[] pendingOffset;
    private final boolean[] pending;
    /** Whether the source has given a value id (it then gives them for every dictionary value). */
    private boolean idsGiven;

    private final int[] starts;
    private final int[] ends;
    private final double[] decimals;
    private final long[] times;
    /** Fields whose text is written as soon as a typed value is set. */
    private final boolean[] eagerText;

    private final boolean[] hasText;
    /** Per field, the last typed value formatted and its text, so that repeats are copied, not formatted. */
    private final long[] cachedBits;

    private final byte[][] cachedText;
    private byte[] buffer = new byte[1 << 12];
    private int used;

    private TypedRow(FocusHeader header, boolean[] eagerText) {
        super(header);
        int size = header.size();
        this.kind = new byte[size];
        this.ids = new int[size];
        this.pendingSource = new byte[size][];
        this.pendingOffset = new int[size];
        this.pending = new boolean[size];
        this.starts = new int[size];
        this.ends = new int[size];
        this.decimals = new double[size];
        this.times = new long[size];
        this.eagerText = eagerText.clone();
        this.hasText = new boolean[size];
        this.cachedBits = new long[size];
        this.cachedText = new byte[size][];
    }

    /**
     * A row for records of this header.
     *
     * @param eagerText per field, whether a typed value also needs its text at once (a sink keeps it as text)
     */
    public static TypedRow of(FocusHeader header, boolean[] eagerText) {
        if (eagerText.length != header.size()) {
            throw new IllegalArgumentException(
                    "eagerText has " + eagerText.length + " fields, header " + header.size());
        }
        return new TypedRow(header, eagerText);
    }

    /** Sets every field to null and forgets the previous record's failure. */
    public void clear() {
        Arrays.fill(kind, NULL);
        Arrays.fill(hasText, false);
        used = 0;
        clearFailure();
    }

    /** Sets a field to null. */
    public void setNull(int field) {
        kind[field] = NULL;
        hasText[field] = false;
    }

    /** Marks a field as holding a value the source did not decode (see {@link #isUnread}). */
    public void setUnread(int field) {
        kind[field] = UNREAD;
        starts[field] = 0;
        ends[field] = 0;
        hasText[field] = true;
    }

    @Override
    public boolean isUnread(int field) {
        return field >= 0 && kind[field] == UNREAD;
    }

    /** Sets a string field from UTF-8 bytes (copied). */
    public void setBytes(int field, byte[] utf8, int offset, int length) {
        setBytes(field, utf8, offset, length, -1);
    }

    /**
     * Sets a string field from UTF-8 bytes (copied), with the source's id of the value: within one
     * {@link TypedInput.Part}, a field's equal ids must hold equal bytes (a dictionary index), so that validators
     * and sinks check and encode each id once. -1 when the source has no id.
     */
    public void setBytes(int field, byte[] utf8, int offset, int length, int id) {
        // The space is reserved now, so that copying later never grows the buffer under a caller holding it.
        int at = reserve(length);
        if (id >= 0) {
            pendingSource[field] = utf8;
            pendingOffset[field] = offset;
            pending[field] = true;
            idsGiven = true;
        } else {
            System.arraycopy(utf8, offset, buffer, at, length);
            pending[field] = false;
        }
        text(field, at, length);
        kind[field] = TEXT;
        ids[field] = id;
    }

    /** Copies a deferred value into its reserved place in the buffer. */
    private void copyPending(int field) {
        if (pending[field]) {
            System.arraycopy(
                    pendingSource[field], pendingOffset[field], buffer, starts[field], ends[field] - starts[field]);
            pending[field] = false;
        }
    }

    @Override
    public boolean hasValueIds() {
        return idsGiven;
    }

    @Override
    public int valueId(int field) {
        return kind[field] == TEXT ? ids[field] : -1;
    }

    /** Sets a string field; {@code null} sets null. */
    public void setString(int field, CharSequence value) {
        if (value == null) {
            setNull(field);
            return;
        }
        byte[] utf8 = value.toString().getBytes(StandardCharsets.UTF_8);
        setBytes(field, utf8, 0, utf8.length);
    }

    /** Sets a decimal field; {@code NaN} sets null. */
    public void setDecimal(int field, double value) {
        if (Double.isNaN(value)) {
            setNull(field);
            return;
        }
        kind[field] = DECIMAL;
        decimals[field] = value;
        hasText[field] = false;
        if (eagerText[field]) {
            formatText(field);
        }
    }

    /** Sets a timestamp field, in UTC epoch seconds. */
    public void setTimestamp(int field, long epochSecond) {
        kind[field] = TIME;
        times[field] = epochSecond;
        hasText[field] = false;
        if (eagerText[field]) {
            formatText(field);
        }
    }

    @Override
    public boolean fieldsAdjacent() {
        return false;
    }

    @Override
    public byte[] buffer() {
        return buffer;
    }

    @Override
    public int start(int field) {
        ensureText(field);
        return starts[field];
    }

    @Override
    public int end(int field) {
        ensureText(field);
        return ends[field];
    }

    @Override
    public int rawStart(int field) {
        return start(field);
    }

    @Override
    public int rawEnd(int field) {
        return end(field);
    }

    @Override
    public boolean isNull(int field) {
        return field < 0 || kind[field] == NULL;
    }

    @Override
    public double decimal(int field) {
        switch (kind[field]) {
            case DECIMAL:
                return decimals[field];
            case TEXT:
                copyPending(field);
                return DecimalParser.parse(buffer, starts[field], ends[field]);
            default:
                return Double.NaN;
        }
    }

    @Override
    public long timestamp(int field) {
        switch (kind[field]) {
            case TIME:
                return times[field];
            case TEXT:
                copyPending(field);
                return TimestampParser.parse(buffer, starts[field], ends[field]);
            default:
                return TimestampParser.INVALID;
        }
    }

    @Override
    public String string(int field) {
        if (isNull(field)) {
            return null;
        }
        ensureText(field);
        return new String(buffer, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
    }

    @Override
    public String snippet(int field) {
        String text = isNull(field) ? "" : string(field);
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** Makes sure a typed field has its text in the buffer (may grow the buffer: read {@link #buffer()} after). */
    private void ensureText(int field) {
        if (kind[field] == TEXT) {
            copyPending(field);
        } else if (kind[field] == DECIMAL || kind[field] == TIME) {
            if (!hasText[field]) {
                formatText(field);
            }
        } else if (kind[field] == NULL) {
            starts[field] = 0;
            ends[field] = 0;
        }
    }

    private void formatText(int field) {
        long bits = kind[field] == DECIMAL ? Double.doubleToRawLongBits(decimals[field]) : times[field];
        byte[] cached = cachedText[field];
        if (cached == null || cachedBits[field] != bits) {
            String text = kind[field] == DECIMAL ? decimalText(decimals[field]) : timestampText(times[field]);
            cached = text.getBytes(StandardCharsets.US_ASCII);
            cachedText[field] = cached;
            cachedBits[field] = bits;
        }
        int at = reserve(cached.length);
        System.arraycopy(cached, 0, buffer, at, cached.length);
        text(field, at, cached.length);
    }

    /** The text of a timestamp field (ISO-8601 UTC), as messages and snippets show it. */
    static String timestampText(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString();
    }

    /** Plain decimal text that parses back to the same double. */
    static String decimalText(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).toPlainString();
    }

    private void text(int field, int at, int length) {
        starts[field] = at;
        ends[field] = at + length;
        hasText[field] = true;
    }

    private int reserve(int length) {
        if (used + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, used + length));
        }
        int at = used;
        used += length;
        return at;
    }
}
