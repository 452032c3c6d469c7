package dev.costagent.examples.cli;

import dev.costagent.core.generate.BillingGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code costagent generate}: deterministic demo or benchmark FOCUS data. */
@Command(name = "generate", mixinStandardHelpOptions = true,
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

    @Override
    public Integer call() throws Exception {
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
}
