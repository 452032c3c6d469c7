package dev.costagent.spark;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.narrate.TemplateNarrator;
import dev.costagent.core.recommend.RecommendationEngine;
import dev.costagent.core.recommend.RecommendationOptions;
import dev.costagent.core.recommend.catalog.InstanceCatalog;
import dev.costagent.core.recommend.inventory.InstanceInventory;
import dev.costagent.core.source.CostSource;
import dev.costagent.core.source.FocusFileSource;
import dev.costagent.examples.cli.AnalyzeSupport;
import dev.costagent.examples.cli.FleetFlags;
import dev.costagent.spark.engine.SparkSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code analyze} on Spark: the CLI's flags (no {@code --llm}: narratives come from the offline templates) and its
 * JSON document ({@link AnalyzeSupport#analyzeDocument}), every query of the agent run by Spark. Without
 * {@code --input}, the CLI's generated demo data.
 */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = "Analyze billing data on Spark and recommend savings (generated demo data when --input is "
                + "absent).")
final class AnalyzeSpark implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--input",
            paramLabel = "PATH",
            description = "FOCUS file (.csv, .csv.gz, .parquet) or a directory of them; any path Spark reads "
                    + "(file:, hdfs://, s3a://); generated demo data if absent.")
    private String input;

    @Mixin
    private FleetFlags fleet;

    @Option(names = "--format", defaultValue = "table", description = "table (default), json or md.")
    private String format;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report.")
    private Path html;

    @Mixin
    private SparkOptions options;

    @Override
    public Integer call() {
        String fmt = AnalyzeSupport.analyzeFormat(format);
        PrintWriter err = spec.commandLine().getErr();
        SparkSession spark = options.session(err);
        long t0 = System.nanoTime();
        Report report;
        try (CostAgent agent = agent(spark)) {
            report = agent.run();
        }
        options.timing(err, "analysis", t0);
        AnalyzeSupport.printAnalysis(spec.commandLine().getOut(), report, fmt, AnalyzeSupport.noLlmUsage(), html);
        return 0;
    }

    /** The agent as the CLI builds it ({@code AnalyzeSupport.agent}), its sources read by Spark. */
    private CostAgent agent(SparkSession spark) {
        RecommendationOptions.Builder recommendations = RecommendationOptions.builder();
        if (fleet.catalog() != null) {
            recommendations.catalog(InstanceCatalog.shipped().overriddenBy(InstanceCatalog.load(fleet.catalog())));
        }
        CostAgent.Builder agent = CostAgent.builder()
                .readOptions(options.readOptions())
                .recommendations(RecommendationEngine.builder()
                        .options(recommendations.build())
                        .build())
                .narrator(new TemplateNarrator());
        if (input == null) {
            agent.sources(AnalyzeSupport.demoSources().stream()
                    .map(s -> (CostSource)
                            SparkSource.of(spark, ((FocusFileSource) s).path().toString()))
                    .toList());
            if (fleet.utilization() == null) {
                agent.utilization(AnalyzeSupport.demoUtilization());
            }
        } else {
            agent.source(SparkSource.of(spark, input));
        }
        if (fleet.utilization() != null) {
            agent.utilization(AnalyzeSupport.readUtilization(fleet.utilization()));
        }
        if (fleet.inventory() != null) {
            agent.inventory(InstanceInventory.load(fleet.inventory()));
        }
        return agent.build();
    }
}
