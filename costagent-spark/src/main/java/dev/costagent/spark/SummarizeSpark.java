package dev.costagent.spark;

import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.QueryResult;
import dev.costagent.core.table.StreamingQuery;
import dev.costagent.examples.cli.SummarizeCommand;
import dev.costagent.examples.cli.SummaryFlags;
import dev.costagent.spark.engine.SparkQueryEngine;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code summarize} on Spark: the CLI's flags ({@link SummaryFlags}) and output ({@link SummarizeCommand#print}: the
 * same JSON document, CSV and table), the query run by {@link SparkQueryEngine}. {@code focusVersion} is null, as for
 * the CLI's DuckDB engine.
 */
@Command(
        name = "summarize",
        mixinStandardHelpOptions = true,
        description = "Sum a cost metric over FOCUS billing data on Spark, grouped by dimensions.")
final class SummarizeSpark implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "PATH",
            description = "FOCUS file (.csv, .csv.gz or .parquet) or a directory of them; any path Spark reads "
                    + "(file:, hdfs://, s3a://).")
    private String input;

    @Mixin
    private SummaryFlags summary;

    @Mixin
    private SparkOptions options;

    @Override
    public Integer call() throws Exception {
        CostQuery query = summary.query();
        String format = summary.format(); // before Spark starts: a bad flag costs no session
        PrintWriter err = spec.commandLine().getErr();
        SparkSession spark = options.session(err);
        long t0 = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        StreamingQuery.Answer answer;
        try (SparkQueryEngine engine = SparkQueryEngine.open(spark, input, options.readOptions())) {
            QueryResult result = engine.execute(query);
            if (format.equals("csv")) {
                // the groups alone, as the CLI prints them: no profile pass over the input
                options.timing(err, "queries", t0);
                SummarizeCommand.printCsv(out, result);
                out.flush();
                return 0;
            }
            answer = SummarizeCommand.answer(result, engine.summaryProfile());
        }
        options.timing(err, "queries", t0);
        SummarizeCommand.print(out, format, answer, null);
        return 0;
    }
}
