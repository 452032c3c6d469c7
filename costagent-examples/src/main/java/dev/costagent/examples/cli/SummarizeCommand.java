package dev.costagent.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.costagent.core.focus.DataQualityIssue;
import dev.costagent.core.focus.FocusReader;
import dev.costagent.core.focus.RejectedRecord;
import dev.costagent.core.source.CostSourceProvider;
import dev.costagent.core.source.InMemorySourceProvider;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.DataProfile;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryResult;
import dev.costagent.core.table.StreamingQuery;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code costagent summarize}: totals of a metric grouped by dimensions, streamed straight from the files (heap use
 * does not grow with file size).
 */
@Command(
        name = "summarize",
        mixinStandardHelpOptions = true,
        description = "Sum a cost metric over FOCUS billing data, grouped by dimensions.")
public final class SummarizeCommand implements Callable<Integer> {

    /** Made on first use: CSV and text output need no Jackson databind, whose classes cost start-up time. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE|DIR",
            description = "FOCUS file (.csv, .csv.gz or .parquet) or a directory of them.")
    private Path input;

    @Mixin
    private SummaryFlags summary;

    @Option(
            names = "--engine",
            defaultValue = "memory",
            paramLabel = "memory|duckdb",
            description = "memory (default): stream the CSV files; duckdb: run the query in DuckDB over CSV, CSV.gz "
                    + "or Parquet files.")
    private String engine;

    @Mixin
    private ReadFlags read;

    @Override
    public Integer call() throws Exception {
        CostQuery query = summary.query();
        CostSourceProvider provider = CostSourceProvider.forEngine(engine);
        // the in-memory engine streams the files through the query (bounded heap); others answer it in their engine
        boolean streamed = provider instanceof InMemorySourceProvider;
        PrintWriter out = spec.commandLine().getOut();
        StreamingQuery.Answer answer;
        if (streamed) {
            answer = StreamingQuery.execute(input, query, read.options());
        } else {
            try (QueryEngine engine = provider.source(input).load(read.options())) {
                QueryResult result = engine.execute(query);
                if (summary.format().equals("csv")) {
                    // CSV prints the groups alone: the engine is not asked for its profile (row and reject counts,
                    // data quality), which on DuckDB is a pass reading every enumerated column of every row
                    printCsv(out, result);
                    out.flush();
                    return 0;
                }
                answer = answer(result, engine.summaryProfile());
            }
        }
        String focusVersion = focusVersion(!streamed, read);
        // checked after the query, as before, so a bad input is still reported ahead of a bad format
        print(out, summary.format(), answer, focusVersion);
        return 0;
    }

    /**
     * Prints a summary as {@code summarize} does: the JSON document ({@link #json}, with {@code focusVersion}), CSV,
     * or the aligned table with its total, data-quality lines and the first rejects.
     *
     * @param format table, json or csv (as {@link SummaryFlags#format()} gives it)
     * @param focusVersion the FOCUS version read, or null where the engine does not tell
     */
    public static void print(PrintWriter out, String format, StreamingQuery.Answer answer, String focusVersion)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        if (format.equals("json")) {
            Map<String, Object> json = json(answer);
            json.put("focusVersion", focusVersion);
            out.println(Json.MAPPER.writeValueAsString(json));
        } else if (format.equals("csv")) {
            printCsv(out, answer.result());
        } else {
            printTable(out, answer);
        }
        out.flush();
    }

    /** A query's answer from an engine: its result, with the counts, rejects and data quality of its profile. */
    public static StreamingQuery.Answer answer(QueryResult result, DataProfile profile) {
        return new StreamingQuery.Answer(
                result,
                profile.rows(),
                profile.rejected(),
                profile.rejects(),
                profile.dataQuality(),
                profile.currencies());
    }

    /** The summarize JSON contract. */
    public static Map<String, Object> json(StreamingQuery.Answer answer) {
        QueryResult result = answer.result();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("rows", answer.accepted());
        root.put("rejected", answer.rejected());
        root.put(
                "currency",
                answer.currencies().size() == 1 ? answer.currencies().get(0) : null);
        root.put("metric", result.query().metric().columnName());
        root.put("total", result.total());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (QueryResult.Group group : result.groups()) {
            Map<String, Object> key = new LinkedHashMap<>();
            for (int i = 0; i < group.key().size(); i++) {
                key.put(result.query().groupBy().get(i).label(), group.key(i));
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", key);
            entry.put("cost", group.value());
            entry.put("rows", group.rows());
            groups.add(entry);
        }
        root.put("groups", groups);
        List<Map<String, Object>> quality = new ArrayList<>();
        for (DataQualityIssue issue : answer.dataQuality()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rule", issue.rule());
            entry.put("column", issue.column());
            entry.put("rowsAffected", issue.rowsAffected());
            entry.put("detail", issue.detail());
            entry.put("example", issue.example());
            quality.add(entry);
        }
        root.put("dataQuality", quality);
        List<Map<String, Object>> rejects = new ArrayList<>();
        for (RejectedRecord reject : answer.rejects()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", reject.file());
            entry.put("line", reject.line());
            entry.put("column", reject.column());
            entry.put("reason", reject.reason());
            entry.put("snippet", reject.snippet());
            rejects.add(entry);
        }
        root.put("rejects", rejects);
        return root;
    }

    /** The column names of the CSV and the table: the grouping dimensions, then the metric, then the row count. */
    private static List<String> header(QueryResult result) {
        List<String> header = new ArrayList<>();
        result.query().groupBy().forEach(d -> header.add(d.label()));
        header.add(result.query().metric().columnName());
        header.add("rows");
        return header;
    }

    /**
     * Prints the groups alone as CSV, as {@code --format csv} does: an engine that answers in its own storage need not
     * be asked for its profile (row and reject counts, data quality), which costs it a pass over the input.
     */
    public static void printCsv(PrintWriter out, QueryResult result) {
        out.println(String.join(
                ",", header(result).stream().map(SummarizeCommand::csv).toList()));
        for (QueryResult.Group group : result.groups()) {
            List<String> cells = new ArrayList<>();
            group.key().forEach(k -> cells.add(csv(k == null ? "" : k)));
            cells.add(Double.toString(group.value()));
            cells.add(Long.toString(group.rows()));
            out.println(String.join(",", cells));
        }
    }

    private static String csv(String text) {
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static void printTable(PrintWriter out, StreamingQuery.Answer answer) {
        QueryResult result = answer.result();
        List<List<String>> rows = new ArrayList<>();
        for (QueryResult.Group group : result.groups()) {
            List<String> cells = new ArrayList<>();
            group.key().forEach(k -> cells.add(k == null ? "(null)" : k));
            cells.add(String.format(Locale.ROOT, "%,.2f", group.value()));
            cells.add(String.format(Locale.ROOT, "%,d", group.rows()));
            rows.add(cells);
        }
        TextTable.print(out, header(result), rows);
        String currency = answer.currencies().size() == 1 ? answer.currencies().get(0) + " " : "";
        out.printf(
                Locale.ROOT,
                "Total %s: %s%,.2f over %,d rows (%,d rejected)%n",
                result.query().metric().columnName(),
                currency,
                result.total(),
                answer.accepted(),
                answer.rejected());
        for (DataQualityIssue issue : answer.dataQuality()) {
            out.printf(
                    Locale.ROOT,
                    "Data quality: %s in %s: %,d rows%s%n",
                    issue.rule(),
                    issue.column(),
                    issue.rowsAffected(),
                    issue.example() == null ? "" : " (e.g. '" + issue.example() + "')");
        }
        for (RejectedRecord reject :
                answer.rejects().subList(0, Math.min(10, answer.rejects().size()))) {
            out.println("Rejected: " + reject.describe());
        }
    }

    /** The FOCUS version of CSV input read by the default engine; {@code null} where the headers are not CSV. */
    private String focusVersion(boolean otherEngine, ReadFlags read) {
        java.util.List<Path> files = dev.costagent.core.input.FocusInput.files(input);
        if (otherEngine
                || files.isEmpty()
                || dev.costagent.core.input.FocusInput.format(files.get(0))
                        != dev.costagent.core.input.FocusInput.Format.CSV) {
            return null;
        }
        return new FocusReader(read.options()).version(input).label();
    }
}
