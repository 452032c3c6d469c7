package dev.costagent.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.analysis.utilization.UtilizationReader;
import dev.costagent.core.analysis.utilization.UtilizationSeries;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.narrate.Narrator;
import dev.costagent.core.narrate.TemplateNarrator;
import dev.costagent.core.recommend.RecommendationEngine;
import dev.costagent.core.recommend.RecommendationOptions;
import dev.costagent.core.recommend.catalog.InstanceCatalog;
import dev.costagent.core.recommend.inventory.InstanceInventory;
import dev.costagent.core.report.ReportFormat;
import dev.costagent.core.report.ReportJson;
import dev.costagent.core.report.ReportWriter;
import dev.costagent.core.source.CostSource;
import dev.costagent.core.source.CostSourceProvider;
import dev.costagent.core.source.FocusFileSource;
import dev.costagent.core.source.InMemorySourceProvider;
import dev.costagent.datagen.BillingGenerator;
import dev.costagent.datagen.FleetScenario;
import dev.costagent.examples.data.SampleBilling;
import dev.costagent.llm.config.LlmProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Rows of generated general billing in the demo data (the planted fleet adds its own). */
    public static final int DEMO_ROWS = 10_000;
    /** The demo data's seed, so the demo is the same on every machine. */
    public static final long DEMO_SEED = 42;
    /** Anomalies planted in the demo data. */
    public static final int DEMO_ANOMALIES = 2;
    /** Compute instances of the demo data with utilization series. */
    public static final int DEMO_INSTANCES = 200;

    private static List<Path> demoFiles;

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
     * @param engine the engine the queries run on ({@code --engine}); the in-memory table by default
     * @param focusVersion the FOCUS version to read the input as; {@code null} detects it from the columns
     */
    public record Inputs(
            Path input,
            Path utilization,
            Path inventory,
            Path catalog,
            boolean lenient,
            dev.costagent.core.focus.ReadProgress progress,
            CostSourceProvider engine,
            dev.costagent.core.focus.FocusVersion focusVersion) {

        /** Inputs as given, on the in-memory engine where none is named. */
        public Inputs {
            engine = engine == null ? new InMemorySourceProvider() : engine;
        }

        /** Inputs on the default in-memory engine, their FOCUS version detected. */
        public Inputs(
                Path input,
                Path utilization,
                Path inventory,
                Path catalog,
                boolean lenient,
                dev.costagent.core.focus.ReadProgress progress) {
            this(input, utilization, inventory, catalog, lenient, progress, null, null);
        }
    }

    /** An agent over the inputs, narrating with the given narrator ({@code null}: the template narrator). */
    public static CostAgent agent(Inputs inputs, Narrator narrator) {
        return agent(inputs, narrator, RecommendationOptions.builder());
    }

    /** An agent over the inputs with recommendation options started from {@code options}. */
    public static CostAgent agent(Inputs inputs, Narrator narrator, RecommendationOptions.Builder options) {
        if (inputs.catalog() != null) {
            options.catalog(InstanceCatalog.shipped().overriddenBy(InstanceCatalog.load(inputs.catalog())));
        }
        ReadOptions.Builder read =
                ReadOptions.builder().lenient(inputs.lenient()).focusVersion(inputs.focusVersion());
        if (inputs.progress() != null) {
            read.progress(inputs.progress());
        }
        CostAgent.Builder agent = CostAgent.builder()
                .readOptions(read.build())
                .recommendations(
                        RecommendationEngine.builder().options(options.build()).build())
                .narrator(narrator == null ? new TemplateNarrator() : narrator);
        if (inputs.input() == null) {
            agent.sources(demoFiles().stream().map(inputs.engine()::source).toList());
            if (inputs.utilization() == null) {
                agent.utilization(demoUtilization());
            }
        } else {
            if (!Files.exists(inputs.input())) {
                throw new IllegalArgumentException("input " + inputs.input() + " does not exist");
            }
            agent.source(inputs.engine().source(inputs.input()));
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
     * The generated demo data, written once per process as FOCUS CSV to temporary files and read back like any export
     * (so the demo exercises the real reader): {@value #DEMO_ROWS} rows of general billing (seed {@value #DEMO_SEED},
     * {@value #DEMO_ANOMALIES} planted anomalies) and a fleet of virtual machines and commitments with planted savings
     * (idle, over-provisioned, always-on non-production, unused commitments) over the same month.
     */
    public static List<CostSource> demoSources() {
        return demoFiles().stream().map(f -> (CostSource) FocusFileSource.of(f)).toList();
    }

    /** The demo's FOCUS files (a generated bill and a fleet), written once per process to a temporary directory. */
    static synchronized List<Path> demoFiles() {
        if (demoFiles == null) {
            try {
                Path dir = Files.createTempDirectory("costagent-demo");
                Path billing = dir.resolve("demo-billing.csv");
                Path fleet = dir.resolve("demo-fleet.csv");
                demoGenerator().writeCsv(billing);
                demoFleet().writeCsv(fleet);
                for (Path p : List.of(billing, fleet, dir)) {
                    p.toFile().deleteOnExit();
                }
                demoFiles = List.of(billing, fleet);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the demo data: " + e.getMessage(), e);
            }
        }
        return demoFiles;
    }

    /** CPU and memory series of the demo's compute instances (the last 14 days, 5-minute samples). */
    public static List<UtilizationSeries> demoUtilization() {
        List<UtilizationSeries> out =
                new ArrayList<>(SampleBilling.asAnalysisSeries(demoGenerator().utilization(DEMO_INSTANCES)));
        out.addAll(SampleBilling.asAnalysisSeries(demoFleet().utilization()));
        return out;
    }

    private static BillingGenerator demoGenerator() {
        return BillingGenerator.builder()
                .seed(DEMO_SEED)
                .rows(DEMO_ROWS)
                .randomAnomalies(DEMO_ANOMALIES)
                .generator();
    }

    private static FleetScenario demoFleet() {
        return FleetScenario.builder()
                .seed(DEMO_SEED)
                .idle(2)
                .overProvisioned(3)
                .alwaysOnNonProduction(2)
                .unusedCommitments(1)
                .healthy(3)
                .underProvisioned(1)
                .build();
    }

    /** Reads a utilization file; a missing file is a one-line error. */
    public static List<UtilizationSeries> readUtilization(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("utilization file " + file + " does not exist");
        }
        return UtilizationReader.read(file);
    }

    /**
     * The {@code costagent analyze --format json} document: the analysis report's keys at the top level
     * ({@code breakdowns, trends, forecast, anomalies, commitments, utilization, ...}, as issue 3's contract has them)
     * plus {@code summary, recommendations, narratives, timings, warnings, dataQuality, focusVersion, granularity}.
     */
    public static Map<String, Object> analyzeDocument(Report report) {
        ObjectMapper mapper = ReportJson.mapper();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("summary", report.summary());
        Map<String, Object> analyses =
                mapper.convertValue(report.analyses(), new TypeReference<LinkedHashMap<String, Object>>() {});
        analyses.remove("warnings");
        doc.putAll(analyses);
        doc.put("recommendations", report.recommendations());
        doc.put("narratives", report.narratives());
        doc.put("timings", report.timings());
        doc.put("warnings", report.warnings());
        doc.put("dataQuality", report.dataQuality());
        doc.put("focusVersion", report.input().focusVersion().label());
        doc.put("granularity", granularityJson(report.input()));
        return doc;
    }

    /**
     * The {@code granularity} JSON object: {@code overall} ({@code hourly}, {@code daily}, {@code monthly},
     * {@code mixed} or {@code unknown}) and {@code byProvider}, from each provider's usage rows.
     */
    public static Map<String, Object> granularityJson(dev.costagent.core.focus.InputProfile profile) {
        Map<String, Object> byProvider = new LinkedHashMap<>();
        profile.granularity().forEach((provider, g) -> byProvider.put(provider, g.label()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("overall", profile.overall().label());
        json.put("byProvider", byProvider);
        return json;
    }

    /** {@link #analyzeDocument} as indented JSON. */
    public static String analyzeJson(Report report) {
        try {
            return ReportJson.mapper().writeValueAsString(analyzeDocument(report));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the report: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The {@code --format} of {@code analyze}, checked: table, json or md, in lower case.
     *
     * @throws IllegalArgumentException {@code unknown --format 'xml'; expected table, json or md}
     */
    public static String analyzeFormat(String format) {
        return FormatOption.require(format, "table", "json", "md");
    }

    /** The report's {@code llmUsage} entry of a run without a model: the template narrator, no call. */
    public static Map<String, Object> noLlmUsage() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("provider", LlmProvider.NONE.configName());
        json.put("calls", 0);
        return json;
    }

    /**
     * Prints a report as {@code analyze} does: the JSON document with {@code llmUsage} under
     * {@link ReportJson#LLM_USAGE}, or Markdown (table and md); and the HTML report written to {@code html} when
     * given, its path printed unless the output is JSON.
     *
     * @param format as {@link #analyzeFormat} gives it
     */
    public static void printAnalysis(
            java.io.PrintWriter out, Report report, String format, Map<String, Object> llmUsage, Path html) {
        if (format.equals("json")) {
            Map<String, Object> document = analyzeDocument(report);
            document.put(ReportJson.LLM_USAGE, llmUsage);
            out.println(ReportJson.toJson(document));
        } else {
            out.println(render(report, ReportFormat.MARKDOWN));
        }
        if (html != null) {
            writeHtml(report, html);
            if (!format.equals("json")) {
                out.println("HTML report: " + html.toAbsolutePath());
            }
        }
        out.flush();
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
