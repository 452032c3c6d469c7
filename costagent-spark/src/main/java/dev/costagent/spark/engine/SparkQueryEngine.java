package dev.costagent.spark.engine;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import dev.costagent.core.focus.DataQualityIssue;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.FocusFormatException;
import dev.costagent.core.focus.FocusHeader;
import dev.costagent.core.focus.FocusVersion;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.focus.RejectedRecord;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.DataProfile;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryException;
import dev.costagent.core.table.QueryResult;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Answers every {@link CostQuery} with Spark SQL over a {@code Dataset<Row>} of FOCUS rows, so that the analyses run
 * where years of billing data live (Parquet or CSV on HDFS or S3, a cluster of executors) and only the groups of each
 * answer reach the driver.
 *
 * <p>Each query is one {@code groupBy(keys).agg(sum(metric), count(*))}. Costs are summed as {@code DECIMAL(38,18)}
 * (exact) and rounded once to a double, so totals match exact decimal sums far inside 1e-9 relative; time keys are UTC
 * buckets whatever the session's time zone; groups are sorted on the driver with the default engine's comparator.
 *
 * <p>CSV text is checked as it is read: strict reading refuses the first unparsable number, timestamp, Tags value or
 * malformed record with a one-line error naming the file, the column and the value (Spark does not know line
 * numbers); lenient reading drops and counts such rows. CSV rows are then kept in Spark's cache (memory, spilling to
 * disk), so that the agent's many queries do not parse the text again; Parquet is read in place, each query reading
 * only the columns it needs.
 *
 * <p>Thread-safe (Spark runs concurrent jobs of one session). Close the engine to drop its cached rows; the session
 * belongs to the caller.
 *
 * <pre>{@code
 * try (SparkQueryEngine engine = SparkQueryEngine.open(spark, "s3a://bucket/focus/", ReadOptions.DEFAULTS)) {
 *     QueryResult byService = engine.execute(CostQuery.builder().groupBy(Dimension.column("ServiceName")).build());
 * }
 * }</pre>
 */
public final class SparkQueryEngine implements QueryEngine {

    private final String name;
    private final Dataset<Row> data;
    private final Dataset<Row> cached;
    private final boolean ordered;
    private final Set<String> columns;
    private final Set<FocusColumn> focusColumns;
    private final List<String> missingMandatory;
    private final FocusVersion version;
    private final long rejected;
    private final List<RejectedRecord> rejects;
    private volatile DataProfile profile;

    private SparkQueryEngine(String name, Dataset<Row> raw, boolean csv, ReadOptions options) {
        this.name = name;
        List<String> names = new ArrayList<>();
        for (String column : raw.columns()) {
            if (!column.equals(FocusDataset.CORRUPT)) {
                names.add(column);
            }
        }
        this.columns = Collections.unmodifiableSet(new LinkedHashSet<>(names));
        Set<FocusColumn> focus = EnumSet.noneOf(FocusColumn.class);
        for (String column : names) {
            FocusColumn.byName(column).ifPresent(focus::add);
        }
        this.focusColumns = Collections.unmodifiableSet(focus);
        FocusHeader header = checkHeader(name, names, options);
        this.missingMandatory =
                header.missingMandatory().stream().map(FocusColumn::columnName).toList();
        this.version = header.version();

        boolean checked = FocusDataset.needsChecks(raw, csv);
        Dataset<Row> typed = FocusDataset.typed(raw, csv, checked);
        if (!checked) {
            this.cached = null;
            this.data = typed;
            this.ordered = false;
            this.rejected = 0;
            this.rejects = List.of();
            return;
        }
        // CSV text is parsed once, into Spark's cache; the check below fills it.
        this.cached = csv ? typed.persist(StorageLevel.MEMORY_AND_DISK()) : null;
        Dataset<Row> bad = typed.where(col(FocusDataset.BAD).isNotNull());
        try {
            long badRows = bad.count();
            List<RejectedRecord> details = new ArrayList<>();
            int wanted = options.lenient() ? options.maxRejectDetails() : 1;
            if (badRows > 0 && wanted > 0) {
                for (Row r : bad.orderBy(FocusDataset.ROW)
                        .select(FocusDataset.FILE, FocusDataset.BAD, FocusDataset.BAD_VALUE)
                        .limit(wanted)
                        .collectAsList()) {
                    details.add(reject(r.getString(0), r.getString(1), r.getString(2)));
                }
            }
            if (badRows > 0 && !options.lenient()) {
                RejectedRecord first = details.get(0);
                throw new FocusFormatException(first.file(), 0, first.column(), first.reason());
            }
            this.rejected = badRows;
            this.rejects = List.copyOf(details);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.data = typed.where(col(FocusDataset.BAD).isNull());
        this.ordered = true;
    }

    /**
     * Opens FOCUS files: a {@code .parquet}, {@code .csv} or {@code .csv.gz} file or a directory tree of them, on any
     * file system the session's Hadoop configuration reaches (local, {@code hdfs://}, {@code s3a://}).
     *
     * @throws FocusFormatException for input that is missing, not FOCUS, or (strict) holds a bad record
     */
    public static SparkQueryEngine open(SparkSession spark, String path, ReadOptions options) {
        requireNonNull(spark, "spark");
        requireNonNull(path, "path");
        requireNonNull(options, "options");
        SparkInput input = SparkInput.of(spark, path);
        return new SparkQueryEngine(path, input.read(spark), input.csv(), options);
    }

    /**
     * An engine over any dataset of FOCUS rows (columns named as FOCUS names them; typed or text). Text columns that
     * should hold numbers or timestamps are checked as CSV is.
     *
     * @param name names the data in errors
     */
    public static SparkQueryEngine over(Dataset<Row> rows, String name, ReadOptions options) {
        requireNonNull(rows, "rows");
        return new SparkQueryEngine(requireNonNull(name, "name"), rows, false, requireNonNull(options, "options"));
    }

    private static FocusHeader checkHeader(String name, List<String> names, ReadOptions options) {
        if (names.stream().noneMatch(n -> FocusColumn.byName(n).isPresent())) {
            throw new FocusFormatException(
                    name,
                    1,
                    null,
                    "no FOCUS column in the header (first column: '" + (names.isEmpty() ? "" : names.get(0))
                            + "'); is this a FOCUS export?");
        }
        FocusHeader header = FocusHeader.of(name, names, options.focusVersion());
        if (!header.missingMandatory().isEmpty() && !options.lenient()) {
            throw header.missingMandatoryError();
        }
        return header;
    }

    private static RejectedRecord reject(String file, String column, String value) {
        String text = value == null ? "" : value;
        String reason;
        String col = column;
        if (FocusDataset.MALFORMED.equals(column)) {
            reason = "malformed record: its fields do not match the header";
            col = null;
        } else if (column.equals(FocusColumn.TAGS.columnName())) {
            reason = "Tags is not a JSON object: " + text;
        } else if (FocusDataset.type(column) == dev.costagent.core.focus.ColumnType.TIMESTAMP) {
            reason = "unparsable timestamp '" + text + "'";
        } else {
            reason = "unparsable number '" + text + "'";
        }
        return new RejectedRecord(localName(file), 0, col, reason, text.length() > 200 ? text.substring(0, 200) : text);
    }

    /** {@code file:/x/y.csv} as {@code /x/y.csv}; other file systems keep their URI. */
    private static String localName(String file) {
        if (file != null && file.startsWith("file:")) {
            try {
                return Path.of(URI.create(file)).toString();
            } catch (RuntimeException e) {
                return file;
            }
        }
        return file;
    }

    @Override
    public QueryResult execute(CostQuery query) {
        requireNonNull(query, "query");
        String metric = query.metric().columnName();
        if (!columns.contains(metric) && rowCount() == 0) {
            return new QueryResult(query, List.of(), 0, 0);
        }
        QueryColumns plan = QueryColumns.of(query, columns);
        query.checkCurrencies(currencies());
        Dataset<Row> rows = plan.where == null ? data : data.where(plan.where);
        Column[] aggregates = {sum(plan.metric).as("v"), count(lit(1)).as("n")};
        List<Row> answer;
        try {
            answer = plan.keys.isEmpty()
                    ? rows.agg(aggregates[0], aggregates[1]).collectAsList()
                    : rows.groupBy(plan.keys.toArray(Column[]::new))
                            .agg(aggregates[0], aggregates[1])
                            .collectAsList();
        } catch (RuntimeException e) {
            throw new QueryException("Spark query failed on " + name + ": " + firstLine(e));
        }
        int width = query.groupBy().size();
        List<QueryResult.Group> groups = new ArrayList<>(answer.size());
        BigDecimal total = BigDecimal.ZERO;
        long count = 0;
        for (Row r : answer) {
            long n = r.getLong(width + 1);
            if (n == 0) {
                continue;
            }
            String[] key = new String[width];
            for (int d = 0; d < width; d++) {
                key[d] = r.getString(d);
            }
            BigDecimal value = r.isNullAt(width) ? BigDecimal.ZERO : r.getDecimal(width);
            total = total.add(value);
            count += n;
            groups.add(new QueryResult.Group(Arrays.asList(key), value.doubleValue(), n));
        }
        groups.sort(Comparator.comparing(QueryResult.Group::key, QueryResult.KEY_ORDER));
        return new QueryResult(query, groups, total.doubleValue(), count);
    }

    /**
     * The profile: rows, rejects, columns, currencies, time span, data quality and granularity, as the default engine
     * reports them; two Spark jobs, the first time only.
     */
    @Override
    public DataProfile profile() {
        DataProfile known = profile;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (profile == null) {
                profile = new SparkProfile(data, columns, focusColumns, missingMandatory, ordered, name)
                        .compute(rejected, rejects, version);
            }
            return profile;
        }
    }

    /** The number of rows (accepted records). */
    public long rowCount() {
        return profile().rows();
    }

    /** The distinct BillingCurrency values, sorted. */
    public List<String> currencies() {
        return profile().currencies();
    }

    /** Records the read rejected (lenient). */
    public long rejectedCount() {
        return rejected;
    }

    /** The first rejected records, in detail (lenient); Spark does not know their lines (0). */
    public List<RejectedRecord> rejects() {
        return rejects;
    }

    /** Rules of the FOCUS specification that accepted rows break, as the default reader reports them. */
    public List<DataQualityIssue> dataQuality() {
        return profile().dataQuality();
    }

    /** The typed rows every query reads. */
    public Dataset<Row> rows() {
        return data;
    }

    /** Drops the cached CSV rows, if any; the session stays open. */
    @Override
    public void close() {
        if (cached != null) {
            cached.unpersist(false);
        }
    }

    @Override
    public String toString() {
        return "SparkQueryEngine[" + name + "]";
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines()
                .filter(l -> !l.isBlank())
                .findFirst()
                .orElse(message)
                .replaceAll("\\s+", " ")
                .trim();
    }
}
