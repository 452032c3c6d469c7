package dev.costagent.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.analysis.utilization.UtilizationReader;
import dev.costagent.core.analysis.utilization.UtilizationSeries;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.generate.BillingGenerator;
import dev.costagent.core.narrate.Narrator;
import dev.costagent.core.narrate.TemplateNarrator;
import dev.costagent.core.recommend.RecommendationEngine;
import dev.costagent.core.recommend.RecommendationOptions;
import dev.costagent.core.recommend.catalog.InstanceCatalog;
import dev.costagent.core.recommend.inventory.InstanceInventory;
import dev.costagent.core.report.ReportFormat;
import dev.costagent.core.report.ReportWriter;
import dev.costagent.core.source.CostSource;
import dev.costagent.core.source.FocusFileSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code costagent analyze} and {@code costagent recommend} share: building a {@link CostAgent} from command-line
 * inputs (or from generated demo data when no input is given) and writing its report.
 *
 * <pre>{@code
 * AnalyzeSupport.Inputs inputs = new AnalyzeSupport.Inputs(inputPath, utilizationPath, inventoryPath, null, lenient,
 *         progress);
 * try (CostAgent agent = AnalyzeSupport.agent(inputs, narrator)) {
 *     Report report = agent.run();
 *     AnalyzeSupport.writeHtml(report, htmlPath);
 * }
 * }</pre>
 */
public final class AnalyzeSupport {

    /** Rows of generated demo data when no input is given. */
    public static final int DEMO_ROWS = 10_000;
    /** The demo data's seed, so the demo is the same on every machine. */
    public static final long DEMO_SEED = 42;
    /** Anomalies planted in the demo data. */
    public static final int DEMO_ANOMALIES = 2;
    /** Compute instances of the demo data with utilization series. */
    public static final int DEMO_INSTANCES = 200;

    private static Path demoFile;

    private AnalyzeSupport() {}

    /**
     * Command-line inputs.
     *
     * @param input FOCUS file or directory; {@code null} for generated demo data
     * @param utilization CPU utilization CSV ({@code timestamp,value} or {@code ResourceId,Timestamp,Metric,Value});
     *     may be null
     * @param inventory {@code ResourceId,InstanceType} CSV; may be null
     * @param catalog instance catalog overrides ({@code provider,type,family,vcpu,memoryGiB,hourlyUsd}); may be null
     * @param lenient go on past bad records
     * @param progress where ingest progress goes (e.g. stderr on a terminal); may be null
     */
    public record Inputs(Path input, Path utilization, Path inventory, Path catalog, boolean lenient,
            dev.costagent.core.focus.ReadProgress progress) {}

    /** An agent over the inputs, narrating with the given narrator ({@code null}: the template narrator). */
    public static CostAgent agent(Inputs inputs, Narrator narrator) {
        return agent(inputs, narrator, RecommendationOptions.builder());
    }

    /** An agent over the inputs with recommendation options started from {@code options}. */
    public static CostAgent agent(Inputs inputs, Narrator narrator, RecommendationOptions.Builder options) {
        if (inputs.catalog() != null) {
            options.catalog(InstanceCatalog.shipped().overriddenBy(InstanceCatalog.load(inputs.catalog())));
        }
        ReadOptions.Builder read = ReadOptions.builder().lenient(inputs.lenient());
        if (inputs.progress() != null) {
            read.progress(inputs.progress());
        }
        CostAgent.Builder agent = CostAgent.builder()
                .readOptions(read.build())
                .recommendations(RecommendationEngine.builder().options(options.build()).build())
                .narrator(narrator == null ? new TemplateNarrator() : narrator);
        if (inputs.input() == null) {
            agent.source(demoSource());
            if (inputs.utilization() == null) {
                agent.utilization(demoUtilization());
            }
        } else {
            if (!Files.exists(inputs.input())) {
                throw new IllegalArgumentException("input " + inputs.input() + " does not exist");
            }
            agent.source(FocusFileSource.of(inputs.input()));
        }
        if (inputs.utilization() != null) {
            agent.utilization(readUtilization(inputs.utilization()));
        }
        if (inputs.inventory() != null) {
            agent.inventory(InstanceInventory.load(inputs.inventory()));
        }
        return agent.build();
    }

    /**
     * The generated demo billing data ({@value #DEMO_ROWS} rows, seed {@value #DEMO_SEED}, with {@value #DEMO_ANOMALIES}
     * planted anomalies), written once per process as FOCUS CSV to a temporary file and read back like any export,
     * so the demo exercises the real reader.
     */
    public static synchronized CostSource demoSource() {
        if (demoFile == null) {
            try {
                Path dir = Files.createTempDirectory("costagent-demo");
                Path file = dir.resolve("demo-focus.csv");
                demoGenerator().writeCsv(file);
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                demoFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the demo data: " + e.getMessage(), e);
            }
        }
        return FocusFileSource.of(demoFile);
    }

    /** CPU and memory series of the demo data's compute instances (the last 14 days, 5-minute samples). */
    public static List<UtilizationSeries> demoUtilization() {
        List<UtilizationSeries> out = new ArrayList<>();
        for (dev.costagent.core.generate.UtilizationSeries generated : demoGenerator().utilization(DEMO_INSTANCES)) {
            long[] times = new long[generated.samples()];
            double[] cpu = new double[times.length];
            double[] memory = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                times[i] = generated.timestamp(i).getEpochSecond();
                cpu[i] = generated.cpuAt(i);
                memory[i] = generated.memoryAt(i);
            }
            out.add(new UtilizationSeries(generated.resourceId(), "cpu", times, cpu));
            out.add(new UtilizationSeries(generated.resourceId(), "memory", times, memory));
        }
        return out;
    }

    private static BillingGenerator demoGenerator() {
        return BillingGenerator.builder().seed(DEMO_SEED).rows(DEMO_ROWS).randomAnomalies(DEMO_ANOMALIES).generator();
    }

    /** Reads a utilization file; a missing file is a one-line error. */
    public static List<UtilizationSeries> readUtilization(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("utilization file " + file + " does not exist");
        }
        return UtilizationReader.read(file);
    }

    /** The report as JSON, Markdown or HTML. */
    public static String render(Report report, ReportFormat format) {
        return ReportWriter.render(report, format);
    }

    /** Writes the self-contained HTML report. */
    public static void writeHtml(Report report, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, ReportWriter.render(report, ReportFormat.HTML), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
