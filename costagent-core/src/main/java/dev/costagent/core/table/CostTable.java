package dev.costagent.core.table;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.DataQualityIssue;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.FocusReader;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.focus.ReadResult;
import dev.costagent.core.focus.RejectedRecord;
import dev.costagent.core.input.FocusInput;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Billing data in memory, columnar and immutable, ready for any number of threads to query at once.
 *
 * <p>Per row it holds the {@link Metric}s as doubles, ChargePeriodStart as int seconds from a base, and one int naming
 * the row's attribute set (every descriptive column, dictionary-encoded and stored once per distinct combination; see
 * {@link TableSchema}): 56 bytes per row plus the attribute sets. Queries run as primitive loops over those arrays,
 * with compensated summation so that totals match exact decimal sums to about 1e-15 relative.
 *
 * <pre>{@code
 * CostTable table = CostTable.read(Path.of("billing.csv.gz"), ReadOptions.DEFAULTS);
 * QueryResult byService = table.execute(CostQuery.builder()
 *         .groupBy(Dimension.DAY, Dimension.of(FocusColumn.SERVICE_NAME)).build());
 * }</pre>
 */
public final class CostTable implements QueryEngine {

    /** Each query with its time and group count, at debug level: what to look at when an analysis is slow. */
    private static final org.slf4j.Logger QUERY_LOG =
            org.slf4j.LoggerFactory.getLogger("dev.costagent.core.table.queries");

    /** ChargePeriodStart offset of a row without one. */
    static final int NO_TIME = Integer.MIN_VALUE;

    final int rows;
    final int[] attributeSetOf;
    final long baseSecond;
    final int[] startOffset;
    final double[][] metrics;
    final boolean[] metricPresent;
    final Attributes attributes;
    /** The rows by attribute set, built by the first selective query (see {@link RowsBySet}), once. */
    private volatile RowsBySet rowsBySet;

    private final Object rowsBySetLock = new Object();
    /** Smallest and largest start offsets; {@code minOffset > maxOffset} when no row has a start. */
    final int minOffset;

    final int maxOffset;
    private final Set<FocusColumn> presentColumns;
    private final long rejected;
    private final List<RejectedRecord> rejects;
    private final List<DataQualityIssue> dataQuality;
    private final List<String> currencies;
    /** The FOCUS version read and each provider's granularity (set by the read; see {@link #profile()}). */
    private dev.costagent.core.focus.InputProfile profile = dev.costagent.core.focus.InputProfile.EMPTY;

    CostTable(
            int rows,
            int[] attributeSetOf,
            long baseSecond,
            int[] startOffset,
            int minOffset,
            int maxOffset,
            double[][] metrics,
            boolean[] metricPresent,
            Attributes attributes,
            Set<FocusColumn> presentColumns,
            long rejected,
            List<RejectedRecord> rejects,
            List<DataQualityIssue> dataQuality) {
        this.rows = rows;
        this.attributeSetOf = attributeSetOf;
        this.baseSecond = baseSecond;
        this.startOffset = startOffset;
        this.metrics = metrics;
        this.metricPresent = metricPresent;
        this.attributes = attributes;
        this.minOffset = minOffset;
        this.maxOffset = maxOffset;
        this.presentColumns = Collections.unmodifiableSet(
                presentColumns.isEmpty() ? EnumSet.noneOf(FocusColumn.class) : EnumSet.copyOf(presentColumns));
        this.rejected = rejected;
        this.rejects = List.copyOf(rejects);
        this.dataQuality = List.copyOf(dataQuality);
        this.currencies = List.copyOf(distinctCurrencies());
    }

    /**
     * Reads a FOCUS file or directory ({@code .csv}, {@code .csv.gz}, {@code .parquet}) into a table.
     *
     * @throws dev.costagent.core.focus.FocusFormatException for bad input (strict), or input that is not FOCUS CSV
     */
    public static CostTable read(Path input, ReadOptions options) {
        // Stretches are folded into the table as they are verified, so a read never holds them all at once.
        TableAssembler assembler = new TableAssembler();
        RowLevelHint hint = new RowLevelHint();
        ReadResult<TableSink> result = FocusInput.read(
                input,
                options,
                header -> new TableSink(header, hint),
                assembler::add,
                new FocusInput.Columns(column -> true, CostTableBuilder::isFact));
        return assembler.finish(result);
    }

    /**
     * Reads FOCUS CSV from a stream into a table, sequentially (e.g. a pipe from the generator).
     *
     * @param name how errors name the input
     */
    public static CostTable read(String name, java.io.InputStream csv, ReadOptions options) {
        RowLevelHint hint = new RowLevelHint();
        return TableAssembler.assemble(new FocusReader(options).read(name, csv, header -> new TableSink(header, hint)));
    }

    /** A table of in-memory records (tests, small sources). */
    public static CostTable of(Iterable<CostRecord> records) {
        return RecordsReader.read(records);
    }

    /**
     * A table of records streamed once (e.g. from a generator), whose extra columns are known up front.
     *
     * @throws IllegalArgumentException for a record with an extra column not in {@code extraColumns}
     */
    public static CostTable of(Iterable<CostRecord> records, List<String> extraColumns) {
        return RecordsReader.read(records, List.copyOf(extraColumns));
    }

    /** The number of rows (accepted records). */
    public int rowCount() {
        return rows;
    }

    /** Records the read rejected (lenient mode). */
    public long rejectedCount() {
        return rejected;
    }

    /** The first rejected records, in detail (lenient mode). */
    public List<RejectedRecord> rejects() {
        return rejects;
    }

    /** Rules of the FOCUS specification that accepted rows break. */
    public List<DataQualityIssue> dataQuality() {
        return dataQuality;
    }

    /** The FOCUS version the input was read as and the granularity of each provider's usage rows. */
    public dev.costagent.core.focus.InputProfile inputProfile() {
        return profile;
    }

    /** Sets the read's profile (once, by the assembler). */
    CostTable withInputProfile(dev.costagent.core.focus.InputProfile value) {
        this.profile = value;
        return this;
    }

    /** The FOCUS columns the input had. */
    public Set<FocusColumn> columns() {
        return presentColumns;
    }

    /** Names of the non-FOCUS columns the input had (provider {@code x_} columns and others). */
    public List<String> extraColumns() {
        return attributes.extraNames;
    }

    /** The distinct BillingCurrency values, sorted. */
    public List<String> currencies() {
        return currencies;
    }

    /** The single BillingCurrency of the data, if there is exactly one. */
    public Optional<String> currency() {
        return currencies.size() == 1 ? Optional.of(currencies.get(0)) : Optional.empty();
    }

    /** The earliest ChargePeriodStart, if any row has one. */
    public Optional<Instant> firstChargePeriodStart() {
        return extreme(true);
    }

    /** The latest ChargePeriodStart, if any row has one. */
    public Optional<Instant> lastChargePeriodStart() {
        return extreme(false);
    }

    /** The number of distinct attribute sets (combinations of descriptive columns). */
    public int attributeSets() {
        return attributes.count;
    }

    /** Approximate heap bytes held by the table. */
    public long heapBytes() {
        long perRow = 4L + 4L + 8L * metrics.length;
        return perRow * rows + attributes.heapBytes();
    }

    @Override
    public boolean prefersFewerQueries() {
        return false; // a pass over the rows in memory is cheap; a result's groups are what costs
    }

    /**
     * Builds the rows-by-set index, and ranks and maps to their codes the values of each set-level column named, if no
     * query has yet; a query needing any of them meanwhile waits for this thread's work rather than doing it again.
     */
    @Override
    public void prepare(List<Dimension> dimensions) {
        rowsBySet();
        for (Dimension dimension : dimensions) {
            if (dimension.kind() == Dimension.Kind.TAG || dimension.isTime()) {
                continue;
            }
            int index = columnIndex(dimension.name());
            if (index >= 0 && !attributes.rowLevel(index)) {
                attributes.ranks(index);
                attributes.codeOf(index);
            }
        }
    }

    /**
     * A column's dictionary size (its values and null), the rows for a column kept per row; empty for tags, time
     * buckets and columns the input lacks.
     */
    @Override
    public java.util.OptionalLong distinctValues(Dimension dimension) {
        if (dimension.kind() == Dimension.Kind.TAG || dimension.isTime()) {
            return java.util.OptionalLong.empty();
        }
        int index = columnIndex(dimension.name());
        if (index < 0) {
            return java.util.OptionalLong.empty();
        }
        // a column kept per row is coded on first use: its rows bound it without that pass
        return java.util.OptionalLong.of(attributes.rowLevel(index) ? rows + 1L : attributes.values[index].length);
    }

    @Override
    public DataProfile profile() {
        return new DataProfile(
                rows,
                rejected,
                presentColumns,
                currencies,
                firstChargePeriodStart().orElse(null),
                lastChargePeriodStart().orElse(null),
                rejects,
                dataQuality,
                profile);
    }

    /**
     * The attribute index of a column the input has (FOCUS or not), or -1: a FOCUS column the input lacks still has
     * its place in the attributes, all null.
     */
    int columnIndex(String columnName) {
        int index = attributes.indexOf(columnName);
        boolean present =
                FocusColumn.byName(columnName).map(presentColumns::contains).orElse(index >= 0);
        return present ? index : -1;
    }

    /** Whether a column's values have been ranked, by a query or {@link #prepare} (for tests). */
    boolean ranked(FocusColumn column) {
        return attributes.ranked(TableSchema.stringIndex(column));
    }

    /** Whether a query has built the rows-by-set index (for tests). */
    boolean rowsIndexed() {
        return rowsBySet != null;
    }

    /**
     * The rows listed by attribute set, built on first use, once: queries run concurrently (the agent's analyses and
     * the rules' shared queries beside them), and a second thread needing the index waits for the first one's build
     * rather than building it again (a pass over every row).
     */
    RowsBySet rowsBySet() {
        RowsBySet index = rowsBySet;
        if (index == null) {
            synchronized (rowsBySetLock) {
                index = rowsBySet;
                if (index == null) {
                    index = RowsBySet.of(attributeSetOf, rows, attributes.count);
                    rowsBySet = index;
                }
            }
        }
        return index;
    }

    @Override
    public QueryResult execute(CostQuery query) {
        if (!QUERY_LOG.isDebugEnabled()) {
            return new QueryExecutor(this, query).run();
        }
        long started = System.nanoTime();
        QueryResult result = new QueryExecutor(this, query).run();
        QUERY_LOG.debug(
                "{} ms, {} groups: {}",
                String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e6),
                result.groups().size(),
                query);
        return result;
    }

    /** Whether the input had the metric's column. */
    boolean hasMetric(Metric metric) {
        return metricPresent[metric.ordinal()];
    }

    private Optional<Instant> extreme(boolean min) {
        if (minOffset > maxOffset) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(baseSecond + (min ? minOffset : maxOffset)));
    }

    /** The currencies of the attribute sets (every set holds at least one row). */
    private Set<String> distinctCurrencies() {
        Set<String> distinct = new TreeSet<>();
        int index = TableSchema.stringIndex(FocusColumn.BILLING_CURRENCY);
        if (attributes.rowLevel(index)) {
            for (int code = 1; code <= attributes.rowValueCount(index); code++) {
                distinct.add(attributes.rowValue(index, code));
            }
            return distinct;
        }
        for (int set = 0; set < attributes.count; set++) {
            String currency = attributes.values[index][attributes.code(set, index)];
            if (currency != null) {
                distinct.add(currency);
            }
        }
        return distinct;
    }
}
