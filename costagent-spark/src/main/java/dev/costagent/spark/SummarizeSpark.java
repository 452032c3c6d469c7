package dev.costagent.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.DataProfile;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Metric;
import dev.costagent.core.table.QueryResult;
import dev.costagent.core.table.StreamingQuery;
import dev.costagent.examples.cli.SummarizeCommand;
import dev.costagent.spark.engine.SparkQueryEngine;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code summarize} on Spark: the CLI's flags and JSON document ({@link SummarizeCommand#json}) and CSV, the query run
 * by {@link SparkQueryEngine}. {@code focusVersion} is null, as for the CLI's DuckDB engine. The table format is a
 * plain listing (the CLI's column-aligned table is internal to it).
 */
@Command(
        name = "summarize",
        mixinStandardHelpOptions = true,
        description = "Sum a cost metric over FOCUS billing data on Spark, grouped by dimensions.")
final class SummarizeSpark implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "PATH",
            description = "FOCUS file (.csv, .csv.gz or .parquet) or a directory of them; any path Spark reads "
                    + "(file:, hdfs://, s3a://).")
    private String input;

    @Option(
            names = "--metric",
            defaultValue = "EffectiveCost",
            description = "EffectiveCost (default), BilledCost, ListCost, ContractedCost, PricingQuantity or "
                    + "ConsumedQuantity.")
    private String metric;

    @Option(
            names = "--by",
            split = ",",
            paramLabel = "DIM",
            description = "Group by: day, month, hour, any FOCUS string column, or tag:KEY (comma separated).")
    private List<String> by = new ArrayList<>();

    @Option(names = "--format", defaultValue = "table", description = "table (default), json or csv.")
    private String format;

    @Mixin
    private SparkOptions options;

    @Override
    public Integer call() throws Exception {
        CostQuery.Builder builder = CostQuery.builder().metric(Metric.parse(metric));
        for (String dimension : by) {
            builder.groupBy(Dimension.parse(dimension));
        }
        CostQuery query = builder.build();
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!List.of("table", "json", "csv").contains(fmt)) {
            throw new IllegalArgumentException("unknown format '" + format + "'; expected table, json or csv");
        }
        PrintWriter err = spec.commandLine().getErr();
        SparkSession spark = options.session(err);
        long t0 = System.nanoTime();
        StreamingQuery.Answer answer;
        try (SparkQueryEngine engine = SparkQueryEngine.open(spark, input, options.readOptions())) {
            QueryResult result = engine.execute(query);
            DataProfile profile = engine.profile();
            answer = new StreamingQuery.Answer(
                    result,
                    profile.rows(),
                    profile.rejected(),
                    profile.rejects(),
                    profile.dataQuality(),
                    profile.currencies());
        }
        options.timing(err, "queries", t0);
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.equals("json")) {
            Map<String, Object> json = SummarizeCommand.json(answer);
            json.put("focusVersion", null);
            out.println(JSON.writeValueAsString(json));
        } else {
            boolean csv = fmt.equals("csv");
            if (csv) {
                List<String> header = new ArrayList<>();
                query.groupBy().forEach(d -> header.add(d.label()));
                header.add(query.metric().columnName());
                header.add("rows");
                out.println(String.join(
                        ",", header.stream().map(SummarizeSpark::csv).toList()));
            }
            for (QueryResult.Group g : answer.result().groups()) {
                List<String> cells = new ArrayList<>();
                g.key().forEach(k -> cells.add(k == null ? (csv ? "" : "(null)") : csv ? csv(k) : k));
                cells.add(csv ? Double.toString(g.value()) : String.format(Locale.ROOT, "%,.2f", g.value()));
                cells.add(csv ? Long.toString(g.rows()) : String.format(Locale.ROOT, "%,d", g.rows()));
                out.println(String.join(csv ? "," : "  ", cells));
            }
            if (!csv) {
                out.printf(
                        Locale.ROOT,
                        "Total %s: %,.2f over %,d rows (%,d rejected)%n",
                        query.metric().columnName(),
                        answer.result().total(),
                        answer.accepted(),
                        answer.rejected());
            }
        }
        out.flush();
        return 0;
    }

    /** A CSV cell, quoted as the CLI quotes it. */
    private static String csv(String text) {
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
