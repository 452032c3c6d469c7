package dev.costagent.examples.cli;

import dev.costagent.core.source.CostSourceProvider;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The input flags of the commands that run the agent ({@code analyze}, {@code recommend}, {@code explain}):
 * billing data (generated demo data when absent), utilization, inventory, catalog overrides, and how to read.
 */
final class AgentInputFlags {

    @Option(
            names = "--input",
            paramLabel = "FILE|DIR",
            description = "FOCUS file (.csv, .csv.gz, .parquet) or a directory of them; generated demo data if absent.")
    Path input;

    @Mixin
    FleetFlags fleet;

    @Mixin
    FocusFlags focus;

    @Option(names = "--quiet", description = "No progress or warnings on stderr.")
    boolean quiet;

    @Option(
            names = "--engine",
            defaultValue = "memory",
            paramLabel = "memory|duckdb",
            description = "memory (default): read into the in-memory table; duckdb: query the files in DuckDB "
                    + "(CSV, CSV.gz or Parquet; data larger than the heap).")
    String engine;

    /** The agent inputs these flags name. */
    AnalyzeSupport.Inputs inputs() {
        return new AnalyzeSupport.Inputs(
                input,
                fleet.utilization(),
                fleet.inventory(),
                fleet.catalog(),
                focus.lenient(),
                ProgressPrinter.forTerminal(quiet),
                CostSourceProvider.forEngine(engine),
                focus.focusVersion());
    }
}
