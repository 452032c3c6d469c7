package dev.costagent.examples.cli;

import dev.costagent.datagen.BillingGenerator;
import dev.costagent.datagen.ExportShape;
import dev.costagent.datagen.ShapedExportWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code costagent generate}: deterministic demo or benchmark FOCUS data. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Write deterministic, realistic FOCUS billing data (CSV, or .csv.gz).")
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rows", required = true, description = "Number of rows (100 to 10,000,000).")
    private long rows;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file (.csv or .csv.gz).")
    private Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default 42): same seed, same bytes.")
    private long seed;

    @Option(names = "--days", description = "Days of hourly data (default: the generator's, 30).")
    private Integer days;

    @Option(
            names = "--shape",
            defaultValue = "tidy",
            paramLabel = "tidy|realistic",
            description = "tidy (default): the demo estate (resources all month, commitments, planted anomalies); "
                    + "realistic: a large export's shape (a unique Id per row, many short-lived resources, "
                    + "tags in many combinations, provider columns).")
    private String shape;

    @Option(names = "--resources", defaultValue = "50000", description = "Realistic shape: resources (default 50,000).")
    private int resources;

    @Option(
            names = "--lines-per-resource",
            defaultValue = "2",
            description = "Realistic shape: charge lines (services) per resource and period (default 2).")
    private int lines;

    @Option(
            names = "--granularity",
            defaultValue = "hourly",
            paramLabel = "hourly|daily",
            description = "Realistic shape: hourly (default) or daily rows.")
    private String granularity;

    @Option(
            names = "--row-ids",
            defaultValue = "true",
            negatable = true,
            fallbackValue = "true",
            description = "Realistic shape: a unique Id column on every row (default on; --no-row-ids drops it).")
    private boolean rowIds;

    @Option(names = "--tag-coverage", defaultValue = "0.7", description = "Realistic shape: share of tagged resources.")
    private double tagCoverage;

    @Option(
            names = "--tag-combinations",
            defaultValue = "2000",
            description = "Realistic shape: distinct tag sets (default 2,000).")
    private int tagCombinations;

    @Option(
            names = "--extra-columns",
            defaultValue = "8",
            description = "Realistic shape: provider x_ columns beyond FOCUS (default 8).")
    private int extraColumns;

    @Override
    public Integer call() throws Exception {
        if (shape.equals("realistic")) {
            return writeRealistic();
        }
        if (!shape.equals("tidy")) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--shape must be tidy or realistic, got '" + shape + "'");
        }
        var builder = BillingGenerator.builder().seed(seed).rows(rows);
        if (days != null) {
            builder.days(days);
        }
        BillingGenerator generator = BillingGenerator.of(builder.build());
        long started = System.nanoTime();
        generator.writeCsv(out);
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter console = spec.commandLine().getOut();
        console.printf(Locale.ROOT, "Wrote %,d rows to %s in %.1f s (seed %d)%n", rows, out, seconds, seed);
        return 0;
    }

    private Integer writeRealistic() throws java.io.IOException {
        if (!granularity.equals("hourly") && !granularity.equals("daily")) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--granularity must be hourly or daily, got '" + granularity + "'");
        }
        ExportShape export;
        try {
            export = new ExportShape(
                    seed,
                    rows,
                    resources,
                    lines,
                    days == null ? 30 : days,
                    granularity.equals("daily"),
                    rowIds,
                    tagCoverage,
                    tagCombinations,
                    extraColumns);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        long started = System.nanoTime();
        ShapedExportWriter.of(export).write(out);
        double seconds = (System.nanoTime() - started) / 1e9;
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "Wrote %,d rows (realistic shape) to %s in %.1f s (seed %d)%n",
                        rows,
                        out,
                        seconds,
                        seed);
        return 0;
    }
}
