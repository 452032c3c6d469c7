package dev.costagent.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code costagent generate}: deterministic demo or benchmark FOCUS data. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write deterministic, realistic FOCUS billing data (CSV, or .csv.gz).")
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--rows", required = true, description = "Number of rows (100 to 10,000,000).")
    private long rows;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file (.csv or .csv.gz).")
    private Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default 42): same seed, same bytes.")
    private long seed;

    @Override
    public Integer call() {
        throw new IllegalStateException("generate waits for the generator (dev.costagent.core.generate)");
    }
}
