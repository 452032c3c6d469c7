package dev.costagent.duckdb;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.focus.ColumnType;
import dev.costagent.core.focus.DataQualityIssue;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.FocusFormatException;
import dev.costagent.core.focus.FocusHeader;
import dev.costagent.core.focus.FocusVersion;
import dev.costagent.core.focus.Granularity;
import dev.costagent.core.focus.InputProfile;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.focus.RejectedRecord;
import dev.costagent.core.input.ParquetDictionaries;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.DataProfile;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryException;
import dev.costagent.core.table.QueryResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;

/**
 * Answers every {@link CostQuery} with DuckDB SQL over FOCUS files, so that data far larger than the heap can be
 * analysed: the rows stay in DuckDB (native memory and disk), and only the groups of each answer reach the JVM.
 *
 * <p>Parquet files (one, or a directory tree of them) are queried in place through a view that casts each FOCUS
 * column to its type. CSV and CSV.gz files are read once into a DuckDB table with explicit column types (the rows go
 * from the file into DuckDB, never through Java), so that the agent's many queries do not parse the text again.
 *
 * <p>Strict reading stops at the first bad record with a one-line error naming file, line and column, as the default
 * engine does; lenient reading skips bad records and counts them ({@link #rejectedCount()}, {@link #rejects()}). The
 * differences from the default engine are listed in {@code docs/engines.md} and pinned by tests.
 *
 * <p>Thread-safe: each query runs on its own duplicate of one DuckDB connection. Close the engine to free DuckDB's
 * memory.
 *
 * <pre>{@code
 * try (DuckDbQueryEngine engine = DuckDbQueryEngine.open(Path.of("focus/"), ReadOptions.DEFAULTS)) {
 *     QueryResult byService = engine.execute(CostQuery.builder().groupBy(Dimension.column("ServiceName")).build());
 * }
 * }</pre>
 */
public final class DuckDbQueryEngine implements QueryEngine {

    private static final Pattern CSV_LINE = Pattern.compile("Line: (\\d+)");
    private static final Pattern CSV_COLUMN = Pattern.compile("column \"([^\"]+)\"");

    private final DuckDBConnection root;
    private final FocusFiles files;
    private final Set<String> columns;
    private final Set<FocusColumn> focusColumns;
    /** The input's FOCUS columns with a set of allowed values (checked into the data-quality report). */
    private final Set<FocusColumn> enumeratedColumns;

    private final List<String> extraColumns;
    private final long rejected;
    private final List<RejectedRecord> rejects;
    private final List<String> missingMandatory;
    private final FocusVersion version;
    private volatile Profile profile;
    /** The profile without granularity ({@link #summaryProfile()}); {@code null} until asked. */
    private volatile Profile summary;
    /** What the Parquet files' dictionaries settle; {@code null} until read. */
    private volatile DictionaryFacts dictionaries;
    /** Whether the view also has ChargePeriodStart as stored ({@link QuerySql#STORED_START}). */
    private final boolean storedStart;
    /** The Parquet footers' profile, empty when they do not settle it; {@code null} until read. */
    private volatile Optional<Profile> footers;

    private volatile List<String> currencies;

    private DuckDbQueryEngine(
            DuckDBConnection root,
            FocusFiles files,
            List<String> names,
            long rejected,
            List<RejectedRecord> rejects,
            FocusHeader header,
            boolean storedStart) {
        this.storedStart = storedStart;
        this.root = root;
        this.files = files;
        this.columns = Collections.unmodifiableSet(new LinkedHashSet<>(names));
        Set<FocusColumn> focus = EnumSet.noneOf(FocusColumn.class);
        List<String> extra = new ArrayList<>();
        for (String name : names) {
            FocusColumn.byName(name).ifPresentOrElse(focus::add, () -> extra.add(name));
        }
        this.focusColumns = Collections.unmodifiableSet(focus);
        Set<FocusColumn> enumerated = EnumSet.noneOf(FocusColumn.class);
        for (FocusColumn column : focus) {
            if (!column.allowedValues().isEmpty()) {
                enumerated.add(column);
            }
        }
        this.enumeratedColumns = Collections.unmodifiableSet(enumerated);
        this.extraColumns = List.copyOf(extra);
        this.rejected = rejected;
        this.rejects = List.copyOf(rejects);
        this.missingMandatory =
                header.missingMandatory().stream().map(FocusColumn::columnName).toList();
        this.version = header.version();
    }

    /**
     * Opens FOCUS data: a {@code .parquet}, {@code .csv} or {@code .csv.gz} file, or a directory of them.
     *
     * @throws FocusFormatException for input that is missing, not FOCUS, or (strict) holds a bad record
     */
    public static DuckDbQueryEngine open(Path input, ReadOptions options) {
        requireNonNull(input, "input");
        requireNonNull(options, "options");
        FocusFiles files = FocusFiles.of(input);
        DuckDBConnection root;
        try {
            root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start DuckDB: " + firstLine(e), e);
        }
        try {
            try (Statement s = root.createStatement()) {
                // Timestamps without a zone are UTC, as in the default reader; keys are UTC buckets.
                s.execute("SET GLOBAL TimeZone = 'UTC'");
                // Parquet footers are read once, not once per query and once more for the profile.
                s.execute("SET GLOBAL parquet_metadata_cache = true");
            }
            return files.parquet() ? openParquet(root, files, options) : openCsv(root, files, options);
        } catch (RuntimeException e) {
            closeQuietly(root);
            throw e;
        } catch (SQLException e) {
            closeQuietly(root);
            throw new FocusFormatException(files.name(), 0, null, firstLine(e));
        }
    }

    private static DuckDbQueryEngine openParquet(DuckDBConnection root, FocusFiles files, ReadOptions options)
            throws SQLException {
        String scan =
                "read_parquet(" + files.sqlList() + (files.files().size() > 1 ? ", union_by_name = true" : "") + ")";
        Map<String, String> types = describe(root, scan);
        List<String> names = List.copyOf(types.keySet());
        FocusHeader header = checkHeader(files, names, options);
        try (Statement s = root.createStatement()) {
            s.execute("CREATE VIEW focus AS SELECT " + typedProjection(types) + " FROM " + scan);
        }
        boolean stored = "TIMESTAMP WITH TIME ZONE".equals(types.get(FocusColumn.CHARGE_PERIOD_START.columnName()));
        return new DuckDbQueryEngine(root, files, names, 0, List.of(), header, stored);
    }

    private static DuckDbQueryEngine openCsv(DuckDBConnection root, FocusFiles files, ReadOptions options)
            throws SQLException {
        // Each file is read on its own with its own header and explicit types (no sniffing, which bad lines can
        // defeat), into one table holding the union of the columns.
        List<List<String>> headers = new ArrayList<>();
        Set<String> union = new LinkedHashSet<>();
        for (Path file : files.files()) {
            List<String> header = FocusFiles.header(file);
            headers.add(header);
            union.addAll(header);
        }
        List<String> names = List.copyOf(union);
        FocusHeader focusHeader = checkHeader(files, names, options);
        StringBuilder create = new StringBuilder("CREATE TABLE focus (");
        for (String name : names) {
            String type = name.equals(FocusColumn.CHARGE_PERIOD_START.columnName()) ? "TIMESTAMP" : sqlType(name);
            create.append(create.length() > 20 ? ", " : "")
                    .append(Sql.identifier(name))
                    .append(' ')
                    .append(type);
        }
        try (Statement s = root.createStatement()) {
            s.execute(create.append(')').toString());
        }
        long rejected = 0;
        List<RejectedRecord> rejects = new ArrayList<>();
        try (Statement s = root.createStatement()) {
            s.execute("ALTER TABLE focus ADD COLUMN " + BAD_TIME + " VARCHAR");
        }
        for (int f = 0; f < files.files().size(); f++) {
            Path file = files.files().get(f);
            List<String> header = headers.get(f);
            String scan = csvScan(file, header, false, options.lenient() ? "_" + f : null);
            try (Statement s = root.createStatement()) {
                s.execute("INSERT INTO focus BY NAME SELECT " + csvProjection(header) + " FROM " + scan);
            } catch (SQLException e) {
                throw csvError(file, e);
            }
            if (options.lenient()) {
                try (Statement s = root.createStatement();
                        ResultSet r = s.executeQuery("SELECT count(DISTINCT line) FROM rejects_" + f)) {
                    r.next();
                    rejected += r.getLong(1);
                }
                int room = options.maxRejectDetails() - rejects.size();
                if (room > 0) {
                    try (Statement s = root.createStatement();
                            ResultSet r = s.executeQuery("SELECT line, any_value(column_name), "
                                    + "any_value(error_message), any_value(csv_line) FROM rejects_" + f
                                    + " GROUP BY line ORDER BY line LIMIT " + room)) {
                        while (r.next()) {
                            String snippet = r.getString(4) == null ? "" : r.getString(4);
                            rejects.add(new RejectedRecord(
                                    file.toString(),
                                    r.getLong(1),
                                    r.getString(2),
                                    oneLine(r.getString(3)),
                                    snippet.length() > 200 ? snippet.substring(0, 200) : snippet));
                        }
                    }
                }
            }
            rejected += checkTimestamps(root, file, f, header, options, rejects);
        }
        try (Statement s = root.createStatement()) {
            s.execute("ALTER TABLE focus DROP COLUMN " + BAD_TIME);
        }
        rejects.sort(Comparator.comparing(RejectedRecord::file).thenComparingLong(RejectedRecord::line));
        long badTags = checkTags(root, files, names, options);
        return new DuckDbQueryEngine(root, files, names, rejected + badTags, rejects, focusHeader, false);
    }

    /** A scratch column naming the first timestamp column of a row that did not parse. */
    private static final String BAD_TIME = "\"__costagent_bad_time\"";

    /**
     * A {@code read_csv} of one file with its own header and explicit types, no sniffing. Timestamps are read as
     * text, or as {@code TIMESTAMP} and all else as text when {@code timestampsTyped} (only to find the lines of bad
     * timestamps): DuckDB's CSV
     * reader turns a bad {@code TIMESTAMPTZ} into null instead of an error, so they are parsed after the read.
     *
     * @param rejects a suffix for the rejects tables (lenient), or {@code null} (strict)
     */
    private static String csvScan(Path file, List<String> header, boolean timestampsTyped, String rejects) {
        StringBuilder types = new StringBuilder("{");
        for (String name : header) {
            String type = sqlType(name);
            if (type.equals("TIMESTAMPTZ")) {
                type = timestampsTyped ? "TIMESTAMP" : "VARCHAR";
            } else if (timestampsTyped) {
                type = "VARCHAR";
            }
            types.append(types.length() > 1 ? ", " : "")
                    .append(Sql.literal(name))
                    .append(": ")
                    .append(Sql.literal(type));
        }
        types.append('}');
        return "read_csv(" + Sql.literal(file.toAbsolutePath().toString()) + ", header = true, "
                + "auto_detect = false, delim = ',', quote = '\"', escape = '\"', nullstr = ['', 'NULL'], "
                + "columns = " + types
                + (rejects != null
                        ? ", ignore_errors = true, store_rejects = true, " + "rejects_scan = 'rejects_scan" + rejects
                                + "', rejects_table = 'rejects" + rejects + "'"
                        : "")
                + ")";
    }

    /** Timestamps parsed from text (null when they do not parse, flagged in {@link #BAD_TIME}). */
    private static String csvProjection(List<String> header) {
        List<String> parts = new ArrayList<>();
        StringBuilder bad = new StringBuilder("CASE");
        for (String name : header) {
            String id = Sql.identifier(name);
            if (sqlType(name).equals("TIMESTAMPTZ")) {
                String parsed = "TRY_CAST(" + id + " AS TIMESTAMPTZ)";
                bad.append(" WHEN ")
                        .append(id)
                        .append(" IS NOT NULL AND ")
                        .append(parsed)
                        .append(" IS NULL THEN ")
                        .append(Sql.literal(name));
                parts.add((name.equals(FocusColumn.CHARGE_PERIOD_START.columnName())
                                ? "make_timestamp(epoch_us(" + parsed + "))" // UTC, without a time-zone lookup per row
                                : parsed)
                        + " AS " + id);
            } else {
                parts.add(id);
            }
        }
        parts.add(bad.length() > 4 ? bad.append(" END AS ").append(BAD_TIME).toString() : "NULL AS " + BAD_TIME);
        return String.join(", ", parts);
    }

    /**
     * Rows of the file just read whose timestamps did not parse: strict fails on the first (its line found by a
     * second, typed scan), lenient deletes and counts them.
     */
    private static long checkTimestamps(
            DuckDBConnection root,
            Path file,
            int fileIndex,
            List<String> header,
            ReadOptions options,
            List<RejectedRecord> rejects)
            throws SQLException {
        long count;
        try (Statement s = root.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM focus WHERE " + BAD_TIME + " IS NOT NULL")) {
            r.next();
            count = r.getLong(1);
        }
        if (count == 0) {
            return 0;
        }
        List<RejectedRecord> found = new ArrayList<>();
        try (Statement s = root.createStatement()) {
            // every column is read (a count alone would skip the conversions that find the bad lines)
            s.execute("CREATE TEMP TABLE typed_times AS SELECT * FROM " + csvScan(file, header, true, "_times"));
            s.execute("DROP TABLE typed_times");
            // lines the first read rejected for other reasons (lenient) are not in the table: not counted again
            String already = options.lenient() ? " AND line NOT IN (SELECT line FROM rejects_" + "%s)" : "";
            try (ResultSet r = s.executeQuery("SELECT line, any_value(column_name), any_value(csv_line) "
                    + "FROM rejects_times WHERE error_type = 'CAST'" + String.format(already, fileIndex)
                    + " GROUP BY line ORDER BY line")) {
                while (r.next()) {
                    String snippet = r.getString(3) == null ? "" : r.getString(3);
                    found.add(new RejectedRecord(
                            file.toString(),
                            r.getLong(1),
                            r.getString(2),
                            "unparsable timestamp",
                            snippet.length() > 200 ? snippet.substring(0, 200) : snippet));
                }
            }
            s.execute("DROP TABLE rejects_times");
            s.execute("DROP TABLE rejects_scan_times");
        }
        if (!options.lenient()) {
            RejectedRecord first = found.isEmpty()
                    ? new RejectedRecord(file.toString(), 0, null, "unparsable timestamp", "")
                    : found.get(0);
            throw new FocusFormatException(file.toString(), first.line(), first.column(), "unparsable timestamp");
        }
        for (RejectedRecord record : found) {
            if (rejects.size() < options.maxRejectDetails()) {
                rejects.add(record);
            }
        }
        try (Statement s = root.createStatement()) {
            s.executeUpdate("DELETE FROM focus WHERE " + BAD_TIME + " IS NOT NULL");
        }
        return count;
    }

    /** Tags must be a JSON object: strict refuses the data, lenient drops and counts such rows. */
    private static long checkTags(DuckDBConnection root, FocusFiles files, List<String> names, ReadOptions options)
            throws SQLException {
        if (!names.contains(FocusColumn.TAGS.columnName())) {
            return 0;
        }
        String bad = "\"Tags\" IS NOT NULL AND (NOT json_valid(\"Tags\") OR json_type(TRY_CAST(\"Tags\" AS JSON)) "
                + "IS DISTINCT FROM 'OBJECT')";
        try (Statement s = root.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*), any_value(\"Tags\") FROM focus WHERE " + bad)) {
            r.next();
            long count = r.getLong(1);
            if (count == 0) {
                return 0;
            }
            if (!options.lenient()) {
                throw new FocusFormatException(
                        files.name(),
                        0,
                        "Tags",
                        "Tags is not a JSON object: " + r.getString(2) + " (" + count + " rows)");
            }
        }
        try (Statement s = root.createStatement()) {
            return s.executeUpdate("DELETE FROM focus WHERE " + bad);
        }
    }

    /**
     * The header of the input (its FOCUS version declared or detected as the default reader does). Strict: the
     * version's mandatory columns must all be there; lenient notes the missing ones as data quality.
     */
    private static FocusHeader checkHeader(FocusFiles files, List<String> names, ReadOptions options) {
        if (names.stream().noneMatch(n -> FocusColumn.byName(n).isPresent())) {
            throw new FocusFormatException(
                    files.name(),
                    1,
                    null,
                    "no FOCUS column in the header (first column: '" + (names.isEmpty() ? "" : names.get(0))
                            + "'); is this a FOCUS export?");
        }
        FocusHeader header = FocusHeader.of(files.name(), names, options.focusVersion());
        if (!header.missingMandatory().isEmpty() && !options.lenient()) {
            throw header.missingMandatoryError();
        }
        return header;
    }

    /** The columns of a scan and their DuckDB types, in order. */
    private static Map<String, String> describe(DuckDBConnection root, String scan) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Statement s = root.createStatement();
                ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + scan)) {
            while (r.next()) {
                types.put(r.getString(1), r.getString(2));
            }
        }
        return types;
    }

    private static String sqlType(String name) {
        ColumnType type = FocusColumn.byName(name).map(FocusColumn::type).orElse(ColumnType.STRING);
        return switch (type) {
            case DECIMAL -> "DOUBLE";
            case TIMESTAMP -> "TIMESTAMPTZ";
            default -> "VARCHAR";
        };
    }

    /**
     * Every column of a Parquet scan cast to its FOCUS type (a no-op where the file has that type already);
     * ChargePeriodStart as a UTC {@code TIMESTAMP}, which the query keys read. A {@code TIMESTAMP WITH TIME ZONE}
     * becomes that through its epoch microseconds: the same instant as {@code timezone('UTC', ...)}, without the
     * time-zone library's conversion of every row (1.6 s of CPU per 10M rows, in every query that reads the column).
     */
    private static String typedProjection(Map<String, String> types) {
        List<String> parts = new ArrayList<>();
        types.forEach((name, type) -> {
            String id = Sql.identifier(name);
            String value;
            if (!name.equals(FocusColumn.CHARGE_PERIOD_START.columnName())) {
                value = "CAST(" + id + " AS " + sqlType(name) + ")";
            } else if (type.equals("TIMESTAMP WITH TIME ZONE")) {
                value = "make_timestamp(epoch_us(" + id + "))";
                parts.add(id + " AS " + QuerySql.STORED_START); // for row-group skipping on time ranges
            } else if (type.equals("TIMESTAMP")) {
                value = id; // a zone-less timestamp is UTC, as in the default reader
            } else {
                value = "make_timestamp(epoch_us(CAST(" + id + " AS TIMESTAMPTZ)))";
            }
            parts.add(value + " AS " + id);
        });
        return String.join(", ", parts);
    }

    private static FocusFormatException csvError(Path file, SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        Matcher line = CSV_LINE.matcher(message);
        Matcher column = CSV_COLUMN.matcher(message);
        String reason = message.lines()
                .filter(l ->
                        l.startsWith("Error when") || l.contains("Expected Number") || l.contains("Could not convert"))
                .findFirst()
                .orElse(firstLine(e));
        return new FocusFormatException(
                file.toString(),
                line.find() ? Long.parseLong(line.group(1)) : 0,
                column.find() ? column.group(1) : null,
                oneLine(reason));
    }

    @Override
    public QueryResult execute(CostQuery query) {
        requireNonNull(query, "query");
        String metric = query.metric().columnName();
        if (!columns.contains(metric) && rowCount() == 0) {
            return new QueryResult(query, List.of(), 0, 0);
        }
        QuerySql sql = QuerySql.of(query, columns, storedStart);
        query.checkCurrencies(currencies());
        int width = query.groupBy().size();
        List<QueryResult.Group> groups;
        try (Connection c = connection()) {
            groups = width == 0 ? fetch(c, sql) : fetchKeyed(c, sql, width);
        } catch (SQLException e) {
            throw new QueryException("DuckDB query failed on " + files.name() + ": " + firstLine(e));
        }
        // large answers come in DuckDB's key order, which is Java's but where characters beyond U+FFFF meet
        // U+E000-U+FFFF (UTF-8 byte order against UTF-16 order): this sort then costs one comparison per group
        groups.sort(Comparator.comparing(QueryResult.Group::key, QueryResult.KEY_ORDER));
        // Neumaier-compensated total of the group sums.
        double total = 0;
        double compensation = 0;
        long rows = 0;
        for (QueryResult.Group g : groups) {
            double t = total + g.value();
            compensation += Math.abs(total) >= Math.abs(g.value()) ? (total - t) + g.value() : (g.value() - t) + total;
            total = t;
            rows += g.rows();
        }
        return new QueryResult(query, groups, total + compensation, rows);
    }

    /** Results with more groups than this travel as dictionary numbers (see {@link #fetchKeyed}). */
    private static final int DIRECT_GROUPS = 20_000;

    /** Names the temporary tables of the queries running at once; each lives on its own connection anyway. */
    private static final java.util.concurrent.atomic.AtomicLong ANSWERS = new java.util.concurrent.atomic.AtomicLong();

    private static PreparedStatement prepare(Connection c, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof String[] values) {
                    s.setArray(i + 1, c.createArrayOf("VARCHAR", values));
                } else {
                    s.setString(i + 1, (String) value);
                }
            }
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }

    /** The groups of a query without keys (one row at most). */
    private static List<QueryResult.Group> fetch(Connection c, QuerySql sql) throws SQLException {
        List<QueryResult.Group> groups = new ArrayList<>();
        try (PreparedStatement s = prepare(c, sql.sql, sql.parameters);
                ResultSet r = s.executeQuery()) {
            readGroups(r, 0, groups);
        }
        return groups;
    }

    /** Reads groups as a query's answer gives them: {@code width} key columns, the value, the row count. */
    private static void readGroups(ResultSet r, int width, List<QueryResult.Group> into) throws SQLException {
        while (r.next()) {
            long rows = r.getLong(width + 2);
            if (rows > 0) {
                String[] key = new String[width];
                for (int d = 0; d < width; d++) {
                    key[d] = r.getString(d + 1);
                }
                into.add(new QueryResult.Group(Arrays.asList(key), r.getDouble(width + 1), rows));
            }
        }
    }

    /**
     * The groups of a keyed query. The answer is kept in a temporary table; a small one is read as it is. A large
     * one (the rules' hourly queries per resource: 1.3M groups at 10M rows) would spend most of its time turning the
     * same key strings into Java strings again and again (DuckDB's JDBC: 8 s for 1.25M rows of six keys, against 0.1 s
     * for their numbers), so each
     * key column's distinct values are read once, in order, and the groups as their numbers in those lists, sorted
     * by them: the Java sort that follows then has sorted input, and equal keys share one string.
     */
    private static List<QueryResult.Group> fetchKeyed(Connection c, QuerySql sql, int width) throws SQLException {
        String answer = "\"__costagent_answer_" + ANSWERS.incrementAndGet() + "\"";
        try (PreparedStatement s = prepare(c, "CREATE TEMP TABLE " + answer + " AS " + sql.sql, sql.parameters)) {
            s.execute();
        }
        int dictionaries = 0;
        try (Statement s = c.createStatement()) {
            long count;
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + answer)) {
                r.next();
                count = r.getLong(1);
            }
            List<QueryResult.Group> groups = new ArrayList<>((int) Math.min(count, Integer.MAX_VALUE - 8));
            if (count <= DIRECT_GROUPS) {
                try (ResultSet r = s.executeQuery("SELECT * FROM " + answer)) {
                    readGroups(r, width, groups);
                }
                return groups;
            }
            String[][] values = new String[width][];
            StringBuilder select = new StringBuilder("SELECT ");
            StringBuilder from = new StringBuilder(" FROM " + answer + " a");
            StringBuilder order = new StringBuilder(" ORDER BY ");
            for (int d = 0; d < width; d++) {
                // Each dimension's distinct values, numbered in key order once: read here, and joined below.
                String dictionary = dictionaryTable(answer, d);
                s.execute("CREATE TEMP TABLE " + dictionary
                        + " AS SELECT v, CAST(row_number() OVER (ORDER BY v NULLS FIRST) - 1 AS INTEGER) AS i FROM "
                        + "(SELECT DISTINCT k" + d + " AS v FROM " + answer + ")");
                dictionaries++;
                List<String> list = new ArrayList<>();
                try (ResultSet r = s.executeQuery("SELECT v FROM " + dictionary + " ORDER BY i")) {
                    while (r.next()) {
                        list.add(r.getString(1));
                    }
                }
                values[d] = list.toArray(String[]::new);
                select.append("d").append(d).append(".i, ");
                from.append(" JOIN ")
                        .append(dictionary)
                        .append(" d")
                        .append(d)
                        .append(" ON a.k")
                        .append(d)
                        .append(" IS NOT DISTINCT FROM d")
                        .append(d)
                        .append(".v");
                order.append(d == 0 ? "" : ", ").append(d + 1);
            }
            try (ResultSet r = s.executeQuery(select + "a.v, a.n" + from + order)) {
                while (r.next()) {
                    long rows = r.getLong(width + 2);
                    if (rows > 0) {
                        String[] key = new String[width];
                        for (int d = 0; d < width; d++) {
                            key[d] = values[d][r.getInt(d + 1)];
                        }
                        groups.add(new QueryResult.Group(Arrays.asList(key), r.getDouble(width + 1), rows));
                    }
                }
            }
            return groups;
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + answer);
                for (int d = 0; d < dictionaries; d++) {
                    s.execute("DROP TABLE " + dictionaryTable(answer, d));
                }
            }
        }
    }

    /** The temporary table numbering one key dimension's values of an answer table. */
    private static String dictionaryTable(String answer, int dimension) {
        return answer.substring(0, answer.length() - 1) + "_k" + dimension + "\"";
    }

    private Connection connection() throws SQLException {
        synchronized (root) {
            return root.duplicate();
        }
    }

    /**
     * The profile: rows, rejects, columns, currencies, time span and data quality, as the default engine reports
     * them. For Parquet it comes from the file footers when their statistics settle it; otherwise from one scan.
     */
    @Override
    public DataProfile profile() {
        return dataProfile(scanProfile());
    }

    /**
     * The profile without each provider's granularity ({@code input().granularity()} empty unless the full profile
     * was asked first): what {@code summarize} prints. For Parquet whose footers and dictionaries settle the rest
     * (values outside the allowed sets, charge periods ending at their start), no row is read.
     */
    @Override
    public DataProfile summaryProfile() {
        return dataProfile(qualityProfile());
    }

    private DataProfile dataProfile(Profile p) {
        return new DataProfile(
                p.rows, rejected, focusColumns, p.currencies, p.first, p.last, rejects, p.dataQuality, p.input);
    }

    /** The number of rows (accepted records). */
    public long rowCount() {
        return counts().rows;
    }

    /** Records the read rejected (lenient CSV). */
    public long rejectedCount() {
        return rejected;
    }

    /** The first rejected records, in detail (lenient CSV). */
    public List<RejectedRecord> rejects() {
        return rejects;
    }

    /** Rules of the FOCUS specification that accepted rows break, as the default reader reports them. */
    public List<DataQualityIssue> dataQuality() {
        return qualityProfile().dataQuality;
    }

    /** The FOCUS columns the input has. */
    public Set<FocusColumn> columns() {
        return focusColumns;
    }

    /** The non-FOCUS columns the input has, in input order. */
    public List<String> extraColumns() {
        return extraColumns;
    }

    /**
     * The distinct BillingCurrency values, sorted. For Parquet, this, the row count and the ChargePeriodStart range
     * come from the files' footers (statistics per row group) when they settle them, without reading rows; a query
     * needs no more, so a {@code summarize} that prints only its groups reads no column it does not group or sum.
     */
    public List<String> currencies() {
        List<String> known = currencies;
        if (known == null) {
            known = counts().currencies;
            currencies = known;
        }
        return known;
    }

    /** The single BillingCurrency of the data, if there is exactly one. */
    public Optional<String> currency() {
        List<String> all = currencies();
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    /** The earliest ChargePeriodStart, if any row has one. */
    public Optional<Instant> firstChargePeriodStart() {
        return Optional.ofNullable(counts().first);
    }

    /** The latest ChargePeriodStart, if any row has one. */
    public Optional<Instant> lastChargePeriodStart() {
        return Optional.ofNullable(counts().last);
    }

    /** The input files. */
    public List<Path> files() {
        return files.files();
    }

    /** Whether the input is Parquet (queried in place) rather than CSV (read into DuckDB once). */
    public boolean parquet() {
        return files.parquet();
    }

    /**
     * The profile from the Parquet footers alone (row counts, null counts, min and max per row group), when every file
     * has every column concerned and its statistics: no row is read. Otherwise empty, and a scan answers.
     */
    private Optional<Profile> parquetProfile() {
        List<String> needed = new ArrayList<>();
        for (FocusColumn column : FocusColumn.values()) {
            if ((!column.nullable()
                            || column == FocusColumn.CHARGE_PERIOD_START
                            || column == FocusColumn.BILLING_CURRENCY)
                    && columns.contains(column.columnName())) {
                needed.add(column.columnName());
            }
        }
        String list = files.sqlList();
        try (Connection c = connection();
                Statement s = c.createStatement()) {
            long rows;
            long rowGroups;
            try (ResultSet r = s.executeQuery(
                    "SELECT sum(num_rows), sum(num_row_groups) FROM parquet_file_metadata(" + list + ")")) {
                r.next();
                rows = r.getLong(1);
                rowGroups = r.getLong(2);
            }
            StringBuilder in = new StringBuilder();
            for (String name : needed) {
                in.append(in.length() == 0 ? "" : ", ").append(Sql.literal(name));
            }
            java.util.Map<String, long[]> nulls = new java.util.HashMap<>();
            Instant first = null;
            Instant last = null;
            Set<String> currencySet = new TreeSet<>();
            try (ResultSet r = s.executeQuery("SELECT path_in_schema, count(*), sum(stats_null_count), "
                    + "bool_and(stats_null_count IS NOT NULL), "
                    + "epoch_us(min(TRY_CAST(stats_min_value AS TIMESTAMPTZ))), "
                    + "epoch_us(max(TRY_CAST(stats_max_value AS TIMESTAMPTZ))), "
                    + "bool_and(stats_min_value IS NOT DISTINCT FROM stats_max_value), "
                    + "list(DISTINCT stats_min_value) FILTER (WHERE stats_min_value IS NOT NULL) "
                    + "FROM parquet_metadata(" + list + ") WHERE path_in_schema IN (" + in + ") "
                    + "GROUP BY path_in_schema")) {
                while (r.next()) {
                    String name = r.getString(1);
                    if (r.getLong(2) != rowGroups || !r.getBoolean(4)) {
                        return Optional.empty();
                    }
                    long nullCount = r.getLong(3);
                    nulls.put(name, new long[] {nullCount});
                    if (name.equals(FocusColumn.CHARGE_PERIOD_START.columnName()) && nullCount < rows) {
                        if (r.getObject(5) == null || r.getObject(6) == null) {
                            return Optional.empty();
                        }
                        first = micros(r.getLong(5));
                        last = micros(r.getLong(6));
                    }
                    if (name.equals(FocusColumn.BILLING_CURRENCY.columnName())) {
                        if (!r.getBoolean(7)) {
                            return Optional.empty();
                        }
                        for (Object o : (Object[]) r.getArray(8).getArray()) {
                            currencySet.add(String.valueOf(o));
                        }
                    }
                }
            }
            if (!nulls.keySet().containsAll(needed)) {
                return Optional.empty();
            }
            List<DataQualityIssue> issues = new ArrayList<>();
            for (String column : missingMandatory) {
                issues.add(DataQualityIssue.missingMandatoryColumn(column, rows));
            }
            for (FocusColumn column : FocusColumn.values()) {
                long[] count = nulls.get(column.columnName());
                if (!column.nullable() && count != null && count[0] > 0) {
                    issues.add(DataQualityIssue.nullInNonNullableColumn(column.columnName(), count[0]));
                }
            }
            return Optional.of(new Profile(rows, first, last, List.copyOf(currencySet), List.copyOf(issues), null));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * Rows, ChargePeriodStart range, currencies and nulls in non-nullable columns: from the Parquet footers when they
     * settle them, else from the full profile (one pass over the rows).
     */
    private Profile counts() {
        Optional<Profile> known = footers();
        return known.isPresent() ? known.get() : scanProfile();
    }

    /** The Parquet footers' profile, read once; empty for CSV or when the statistics do not settle it. */
    private Optional<Profile> footers() {
        Optional<Profile> known = footers;
        if (known == null) {
            synchronized (this) {
                if (footers == null) {
                    footers = files.parquet() ? parquetProfile() : Optional.empty();
                }
                known = footers;
            }
        }
        return known;
    }

    /**
     * The profile, computed once: for Parquet the footers give rows, ChargePeriodStart range, currencies and null
     * counts when their statistics settle them; {@link #scanProfile(Profile)} adds the rest in one pass over the rows.
     */
    private Profile scanProfile() {
        Profile known = profile;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (profile == null) {
                profile = scanProfile(footers().orElse(null), true);
            }
            return profile;
        }
    }

    /** The full profile if it is known, else the profile without granularity, computed once. */
    private Profile qualityProfile() {
        Profile known = profile != null ? profile : summary;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (profile != null) {
                return profile;
            }
            if (summary == null) {
                summary = scanProfile(footers().orElse(null), false);
            }
            return summary;
        }
    }

    /**
     * What the Parquet files' dictionaries settle without a pass over the rows ({@link ParquetDictionaries}).
     *
     * @param values per enumerated column every file settles, the union of its dictionaries: a superset of the values
     *     the rows hold, so that a column whose dictionaries hold allowed values only needs no pass over its rows
     * @param noEmptyPeriods whether every file shows that no row's ChargePeriodEnd equals its ChargePeriodStart
     */
    private record DictionaryFacts(Map<FocusColumn, Set<String>> values, boolean noEmptyPeriods) {
        static final DictionaryFacts NONE = new DictionaryFacts(Map.of(), false);
    }

    /**
     * The dictionaries' facts, read once (the footer of each file, then a few hundred bytes per row group and column).
     * None for CSV, and when a file cannot be read so: the scan then answers as before.
     */
    private DictionaryFacts dictionaries() {
        DictionaryFacts known = dictionaries;
        if (known != null) {
            return known;
        }
        DictionaryFacts facts = DictionaryFacts.NONE;
        if (files.parquet()) {
            Map<String, FocusColumn> enumerated = new LinkedHashMap<>();
            for (FocusColumn column : enumeratedColumns) {
                enumerated.put(column.columnName(), column);
            }
            String start = FocusColumn.CHARGE_PERIOD_START.columnName();
            String end = FocusColumn.CHARGE_PERIOD_END.columnName();
            try {
                Map<String, Set<String>> union = new HashMap<>();
                boolean noEmptyPeriods = true;
                for (Path file : files.files()) {
                    ParquetDictionaries dictionary = ParquetDictionaries.of(file);
                    if (!enumerated.isEmpty()) {
                        Map<String, Set<String>> values = dictionary.values(enumerated.keySet());
                        enumerated.keySet().retainAll(values.keySet()); // a column one file does not settle is scanned
                        values.forEach((name, v) -> union.computeIfAbsent(name, n -> new HashSet<>())
                                .addAll(v));
                    }
                    noEmptyPeriods = noEmptyPeriods && dictionary.neverEqual(start, end);
                }
                Map<FocusColumn, Set<String>> settled = new EnumMap<>(FocusColumn.class);
                enumerated.forEach((name, column) -> settled.put(column, union.getOrDefault(name, Set.of())));
                facts = new DictionaryFacts(Collections.unmodifiableMap(settled), noEmptyPeriods);
            } catch (RuntimeException unreadable) {
                facts = DictionaryFacts.NONE; // DuckDB reads what this reader cannot: the scan decides
            }
        }
        dictionaries = facts;
        return facts;
    }

    /** Seconds in 28 and 31 days: the lengths of a monthly charge period ({@link Granularity#ofSeconds}). */
    private static final long MONTH_MIN_SECONDS = 28 * 86_400L;

    private static final long MONTH_MAX_SECONDS = 31 * 86_400L;

    /** The granularity classes the profile pass tells apart, indexed by the number it gives each usage row. */
    private static final List<Granularity> LENGTH_CLASSES =
            List.of(Granularity.HOURLY, Granularity.DAILY, Granularity.MONTHLY, Granularity.MIXED);

    /**
     * One pass over the rows for every part of the profile that needs them, as one aggregate {@code SELECT}: the rows,
     * ChargePeriodStart range, currencies and nulls in non-nullable columns (unless {@code footers} already settled
     * them); the distinct values of each enumerated column (checked against its allowed set in Java, so that rows are
     * not compared with every allowed value) unless the Parquet dictionaries settled it; charge periods ending at their
     * start unless the dictionaries showed there are none; and, {@code withGranularity}, which providers have usage
     * rows of each length class (their granularity). No pass when nothing is left. Only when a column holds values
     * outside its allowed set (in its rows, or in its dictionaries) does a second, filtered pass count those rows and
     * pick the example.
     *
     * <p>Measured on 10M Parquet rows: the single pass costs what the three passes it replaces cost once the
     * ChargePeriodStart view no longer converts time zones per row (DuckDB's CPU goes to decoding the columns and to
     * the per-row aggregate work, not to starting a scan); it is kept single for the fewer planning and footer reads.
     */
    private Profile scanProfile(Profile footers, boolean withGranularity) {
        String startName = FocusColumn.CHARGE_PERIOD_START.columnName();
        String endName = FocusColumn.CHARGE_PERIOD_END.columnName();
        boolean hasStart = columns.contains(startName);
        boolean periods = hasStart && columns.contains(endName);
        String currencyName = FocusColumn.BILLING_CURRENCY.columnName();
        boolean parquet = files.parquet();
        // The relation: every column, plus ChargePeriodStart and End in epoch microseconds, then each usage row's
        // length class and provider (DuckDB reads only the columns the aggregates use).
        StringBuilder relation = new StringBuilder("SELECT *");
        if (!parquet) {
            relation.append(", rowid AS \"__row\"");
        }
        if (hasStart) {
            relation.append(", epoch_us(").append(Sql.identifier(startName)).append(") AS \"__start\"");
        }
        if (periods) {
            relation.append(", epoch_us(").append(Sql.identifier(endName)).append(") AS \"__end\"");
        }
        relation.append(" FROM focus");
        if (periods && withGranularity) {
            relation.insert(
                            0,
                            "SELECT *, " + lengthClass() + " AS \"__length\", " + providerKey()
                                    + " AS \"__provider\" FROM (")
                    .append(')');
        }
        Select select = new Select();
        int rowsAt = 0;
        int firstAt = 0;
        int currenciesAt = 0;
        List<FocusColumn> nullChecked = new ArrayList<>();
        int nullsAt = 0;
        if (footers == null) {
            rowsAt = select.add("count(*)");
            firstAt = select.add(hasStart ? "min(\"__start\")" : "NULL");
            select.add(hasStart ? "max(\"__start\")" : "NULL");
            currenciesAt = select.add(
                    columns.contains(currencyName)
                            ? "list(DISTINCT " + Sql.identifier(currencyName) + ") FILTER (WHERE "
                                    + Sql.identifier(currencyName) + " IS NOT NULL)"
                            : "[]");
            for (FocusColumn column : FocusColumn.values()) {
                if (!column.nullable() && columns.contains(column.columnName())) {
                    int at = select.add("count(*) - count(" + Sql.identifier(column.columnName()) + ")");
                    nullsAt = nullChecked.isEmpty() ? at : nullsAt;
                    nullChecked.add(column);
                }
            }
        }
        List<FocusColumn> enumerated = new ArrayList<>();
        int valuesAt = 0;
        DictionaryFacts facts = dictionaries();
        Map<FocusColumn, Set<String>> fromDictionaries = facts.values();
        for (FocusColumn column : enumeratedColumns) {
            if (!fromDictionaries.containsKey(column)) {
                String id = Sql.identifier(column.columnName());
                int at = select.add("list(DISTINCT " + id + ") FILTER (WHERE " + id + " IS NOT NULL)");
                valuesAt = enumerated.isEmpty() ? at : valuesAt;
                enumerated.add(column);
            }
        }
        int emptyAt = 0;
        int lengthsAt = 0;
        // charge periods ending at their start: counted unless the dictionaries show there are none
        boolean emptyCounted = periods && !facts.noEmptyPeriods();
        if (emptyCounted) {
            String empty = " FILTER (WHERE \"__end\" = \"__start\")";
            emptyAt = select.add("count(*)" + empty);
            select.add((parquet ? "first(\"__start\")" : "arg_min(\"__start\", \"__row\")") + empty);
        }
        if (periods) {
            for (int k = 0; withGranularity && k < LENGTH_CLASSES.size(); k++) {
                int at = select.add("list(DISTINCT \"__provider\") FILTER (WHERE \"__length\" = " + k + ")");
                lengthsAt = k == 0 ? at : lengthsAt;
            }
        }
        // nothing needs the rows (the footers and dictionaries settled it all): no scan
        String sql = select.isEmpty() ? "SELECT 1" : select.sql("(" + relation + ")");
        try (Connection c = connection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            long rows;
            Instant first;
            Instant last;
            List<String> currencyList;
            List<DataQualityIssue> issues = new ArrayList<>();
            if (footers == null) {
                rows = r.getLong(rowsAt);
                first = r.getObject(firstAt) == null ? null : micros(r.getLong(firstAt));
                last = r.getObject(firstAt + 1) == null ? null : micros(r.getLong(firstAt + 1));
                currencyList = new ArrayList<>(strings(r.getArray(currenciesAt)));
                Collections.sort(currencyList);
                for (String column : missingMandatory) {
                    issues.add(DataQualityIssue.missingMandatoryColumn(column, rows));
                }
                for (int i = 0; i < nullChecked.size(); i++) {
                    long nulls = r.getLong(nullsAt + i);
                    if (nulls > 0) {
                        String name = nullChecked.get(i).columnName();
                        issues.add(DataQualityIssue.nullInNonNullableColumn(name, nulls));
                    }
                }
            } else {
                rows = footers.rows;
                first = footers.first;
                last = footers.last;
                currencyList = footers.currencies;
                issues.addAll(footers.dataQuality);
            }
            // values outside the allowed sets, after the other findings, as the default reader orders them
            // (a dictionary's values outside the set may be unused: such a column is counted, and reported if any row
            // holds one)
            Map<FocusColumn, List<String>> disallowed = new EnumMap<>(FocusColumn.class);
            for (int i = 0; i < enumerated.size(); i++) {
                putOutsideAllowed(disallowed, enumerated.get(i), strings(r.getArray(valuesAt + i)));
            }
            fromDictionaries.forEach((column, values) -> putOutsideAllowed(disallowed, column, values));
            if (!disallowed.isEmpty()) {
                try (Statement second = c.createStatement()) { // a statement of its own: r stays open
                    issues.addAll(valuesNotAllowed(second, disallowed));
                }
            }
            Map<String, Granularity> granularity = new TreeMap<>();
            if (emptyCounted) {
                long empty = r.getLong(emptyAt);
                if (empty > 0) {
                    String at = ISO_SECONDS.format(micros(r.getLong(emptyAt + 1)));
                    issues.add(DataQualityIssue.chargePeriodEndNotAfterStart(empty, at + " to " + at));
                }
            }
            if (periods) {
                for (int k = 0; withGranularity && k < LENGTH_CLASSES.size(); k++) {
                    for (String provider : strings(r.getArray(lengthsAt + k))) {
                        granularity.merge(provider, LENGTH_CLASSES.get(k), Granularity::and);
                    }
                }
            }
            return new Profile(
                    rows,
                    first,
                    last,
                    List.copyOf(currencyList),
                    List.copyOf(issues),
                    new InputProfile(version, granularity));
        } catch (SQLException e) {
            throw new QueryException("DuckDB query failed on " + files.name() + ": " + firstLine(e));
        }
    }

    /**
     * A usage row's length class, an index into {@link #LENGTH_CLASSES}, as {@link Granularity#ofSeconds} classifies
     * {@code floor(end seconds) - floor(start seconds)}; null for rows that do not count (not usage, or an end
     * missing). Integer arithmetic on the epoch microseconds {@code __start} and {@code __end}: exact, and no
     * time-zone work per row.
     */
    private String lengthClass() {
        String seconds = "(" + floorSeconds("\"__end\"") + " - " + floorSeconds("\"__start\"") + ")";
        String category = FocusColumn.CHARGE_CATEGORY.columnName();
        String counted = "\"__start\" IS NOT NULL AND \"__end\" IS NOT NULL"
                + (columns.contains(category) ? " AND " + Sql.identifier(category) + " = 'Usage'" : "");
        return "CASE WHEN " + counted + " THEN CASE " + seconds + " WHEN 3600 THEN 0 WHEN 86400 THEN 1 ELSE CASE WHEN "
                + seconds + " BETWEEN " + MONTH_MIN_SECONDS + " AND " + MONTH_MAX_SECONDS
                + " THEN 2 ELSE 3 END END END";
    }

    /** Whole seconds, rounded down, of epoch microseconds (DuckDB's integer division and remainder truncate). */
    private static String floorSeconds(String micros) {
        return "((" + micros + " - ((" + micros + " % 1000000) + 1000000) % 1000000) // 1000000)";
    }

    /** The provider a usage row counts under: ProviderName, else ServiceProviderName, else {@code ""}. */
    private String providerKey() {
        String provider = columns.contains(FocusColumn.PROVIDER_NAME.columnName())
                ? FocusColumn.PROVIDER_NAME.columnName()
                : columns.contains(FocusColumn.SERVICE_PROVIDER_NAME.columnName())
                        ? FocusColumn.SERVICE_PROVIDER_NAME.columnName()
                        : null;
        return provider == null ? "''" : "coalesce(" + Sql.identifier(provider) + ", '')";
    }

    /**
     * The rows holding each column's values outside its allowed set, and the first of them in row order (CSV, read
     * into a table) or any of them (Parquet): one filtered pass over those columns only.
     */
    /** Puts a column's values that its allowed set lacks (sorted) into {@code disallowed}, when there are any. */
    private static void putOutsideAllowed(
            Map<FocusColumn, List<String>> disallowed, FocusColumn column, Collection<String> values) {
        List<String> outside = values.stream()
                .filter(v -> !column.allowedValues().contains(v))
                .sorted()
                .toList();
        if (!outside.isEmpty()) {
            disallowed.put(column, outside);
        }
    }

    private List<DataQualityIssue> valuesNotAllowed(Statement s, Map<FocusColumn, List<String>> disallowed)
            throws SQLException {
        Select select = new Select();
        disallowed.forEach((column, values) -> {
            String id = Sql.identifier(column.columnName());
            String filter = " FILTER (WHERE " + id + " IN ("
                    + String.join(", ", values.stream().map(Sql::literal).toList()) + "))";
            select.add("count(*)" + filter);
            select.add((files.parquet() ? "first(" + id + ")" : "arg_min(" + id + ", rowid)") + filter);
        });
        List<DataQualityIssue> issues = new ArrayList<>();
        try (ResultSet r = s.executeQuery(select.sql("focus"))) {
            r.next();
            int at = 1;
            for (FocusColumn column : disallowed.keySet()) {
                if (r.getLong(at) == 0) { // a dictionary's value no row holds
                    at += 2;
                    continue;
                }
                issues.add(new DataQualityIssue(
                        DataQualityIssue.VALUE_NOT_ALLOWED,
                        column.columnName(),
                        r.getLong(at),
                        DataQualityIssue.valueNotAllowedDetail(column.allowedValues()),
                        r.getString(at + 1)));
                at += 2;
            }
        }
        return issues;
    }

    /** The strings of a DuckDB list, in its order; none for a null list (an aggregate over no rows). */
    private static List<String> strings(java.sql.Array array) throws SQLException {
        List<String> values = new ArrayList<>();
        if (array == null) {
            return values;
        }
        for (Object o : (Object[]) array.getArray()) {
            values.add(String.valueOf(o));
        }
        return values;
    }

    /** An example instant as the default reader prints it: ISO 8601, UTC, whole seconds. */
    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** The items of one aggregate {@code SELECT}, each found again in the result by the column number it got. */
    private static final class Select {
        private final List<String> items = new ArrayList<>();

        /** Adds an item; returns its column number (from 1). */
        int add(String expression) {
            items.add(expression);
            return items.size();
        }

        boolean isEmpty() {
            return items.isEmpty();
        }

        String sql(String from) {
            return "SELECT " + String.join(", ", items) + " FROM " + from;
        }
    }

    private static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    /** What the footers or a pass over the rows tell about the data ({@code input} is null from the footers). */
    private record Profile(
            long rows,
            Instant first,
            Instant last,
            List<String> currencies,
            List<DataQualityIssue> dataQuality,
            InputProfile input) {}

    @Override
    public void close() {
        closeQuietly(root);
    }

    @Override
    public String toString() {
        return "DuckDbQueryEngine[" + files.name() + "]";
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing frees memory; nothing to report
        }
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return oneLine(message.lines().filter(l -> !l.isBlank()).findFirst().orElse(message));
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
