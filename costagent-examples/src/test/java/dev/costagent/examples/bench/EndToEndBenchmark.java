package dev.costagent.examples.bench;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.generate.BillingGenerator;
import dev.costagent.core.source.FocusFileSource;
import dev.costagent.core.table.CostTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * End-to-end benchmark of the agent (ingest + analyze + recommend + template narration, a fresh agent each time so
 * nothing is cached) against a plain ingest of the same generated FOCUS file, side by side in one process, after
 * warm-up rounds (default 3; a long-running service is warm, so small inputs deserve more). Prints medians and the ratio the recommendations issue asks for.
 *
 * <p>Run: {@code java -cp <examples test class path> dev.costagent.examples.bench.EndToEndBenchmark ROWS [ROUNDS]
 * [DIR] [WARMUP]} (see README, Performance).
 */
public final class EndToEndBenchmark {

    private EndToEndBenchmark() {}

    /** Runs the benchmark for one row count. */
    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        Path dir = Path.of(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir"));
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path file = dir.resolve("costagent-e2e-" + rows + ".csv");
        if (!Files.exists(file)) {
            BillingGenerator.builder().seed(42).rows(rows).generator().writeCsv(file);
        }
        double[] ingest = new double[rounds];
        double[] endToEnd = new double[rounds];
        Report last = null;
        for (int i = 0; i < rounds + warmup; i++) {
            long started = System.nanoTime();
            CostTable table = CostTable.read(file, ReadOptions.DEFAULTS);
            long ingested = System.nanoTime();
            if (table.rowCount() != rows) {
                throw new IllegalStateException("read " + table.rowCount() + " rows, expected " + rows);
            }
            try (CostAgent agent = CostAgent.builder().source(FocusFileSource.of(file)).build()) {
                long runStart = System.nanoTime();
                last = agent.run();
                long runEnd = System.nanoTime();
                if (i >= warmup) {
                    ingest[i - warmup] = (ingested - started) / 1e6;
                    endToEnd[i - warmup] = (runEnd - runStart) / 1e6;
                }
            }
        }
        Arrays.sort(ingest);
        Arrays.sort(endToEnd);
        System.out.println("stages of the last run: " + last.timings());
        System.out.printf(Locale.ROOT, "rows %,d: ingest median %.1f ms, end-to-end median %.1f ms, ratio %.2f%n",
                rows, ingest[rounds / 2], endToEnd[rounds / 2], endToEnd[rounds / 2] / ingest[rounds / 2]);
    }
}
