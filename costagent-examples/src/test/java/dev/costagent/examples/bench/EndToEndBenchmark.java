package dev.costagent.examples.bench;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.agent.Stage;
import dev.costagent.core.agent.StageTiming;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.source.FocusFileSource;
import dev.costagent.core.table.CostTable;
import dev.costagent.datagen.BillingGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * End-to-end benchmark of the agent (ingest + analyze + recommend + template narration, a fresh agent each time so
 * nothing is cached) against a plain ingest of the same generated FOCUS file, side by side in one process. Each
 * round runs both, one after the other, so machine noise hits both alike.
 *
 * <p>Warm-up comes first, as a number of rounds ({@code 30}) or, as JMH does it, a duration ({@code 10s}): a
 * long-running service is warm, and on two cores the JIT's compiler threads compete with the work for the first
 * seconds, so a count of rounds that is right for a million rows is far too little for ten thousand. The report gives
 * the 10th, 50th and 90th percentiles of both timings, so a reader sees the spread and not just one number, and the
 * median of every stage.
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
        Warmup warmup = Warmup.parse(args.length > 3 ? args[3] : "3");
        Path file = dir.resolve("costagent-e2e-" + rows + ".csv");
        if (!Files.exists(file)) {
            BillingGenerator.builder().seed(42).rows(rows).generator().writeCsv(file);
        }

        long warmupEnd = System.nanoTime() + warmup.nanos();
        int warmupRounds = 0;
        while (warmupRounds < warmup.rounds() || System.nanoTime() < warmupEnd) {
            round(file, rows);
            warmupRounds++;
        }

        double[] ingest = new double[rounds];
        double[] endToEnd = new double[rounds];
        Map<Stage, double[]> stages = new EnumMap<>(Stage.class);
        for (int i = 0; i < rounds; i++) {
            Round r = round(file, rows);
            ingest[i] = r.ingestMillis();
            endToEnd[i] = r.endToEndMillis();
            for (StageTiming t : r.report().timings()) {
                stages.computeIfAbsent(t.stage(), s -> new double[rounds])[i] = t.millis();
            }
        }

        System.out.printf(
                Locale.ROOT,
                "rows %,d, %d rounds after %d warm-up rounds, JDK %s%n",
                rows,
                rounds,
                warmupRounds,
                Runtime.version());
        System.out.printf(Locale.ROOT, "plain ingest  %s%n", percentiles(ingest));
        System.out.printf(Locale.ROOT, "end to end    %s%n", percentiles(endToEnd));
        StringBuilder perStage = new StringBuilder("stage medians");
        stages.forEach((stage, millis) -> perStage.append(String.format(
                Locale.ROOT, "  %s %.1f ms", stage.name().toLowerCase(Locale.ROOT), percentile(millis, 50))));
        System.out.println(perStage);
        System.out.printf(
                Locale.ROOT,
                "ratio of medians (end to end / plain ingest) %.2f%n",
                percentile(endToEnd, 50) / percentile(ingest, 50));
    }

    private static Round round(Path file, long rows) throws Exception {
        long started = System.nanoTime();
        CostTable table = CostTable.read(file, ReadOptions.DEFAULTS);
        long ingested = System.nanoTime();
        if (table.rowCount() != rows) {
            throw new IllegalStateException("read " + table.rowCount() + " rows, expected " + rows);
        }
        try (CostAgent agent =
                CostAgent.builder().source(FocusFileSource.of(file)).build()) {
            long runStart = System.nanoTime();
            Report report = agent.run();
            long runEnd = System.nanoTime();
            return new Round((ingested - started) / 1e6, (runEnd - runStart) / 1e6, report);
        }
    }

    private static String percentiles(double[] millis) {
        return String.format(
                Locale.ROOT,
                "p10 %.1f ms  median %.1f ms  p90 %.1f ms",
                percentile(millis, 10),
                percentile(millis, 50),
                percentile(millis, 90));
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private record Round(double ingestMillis, double endToEndMillis, Report report) {}

    /** At least this many rounds and at least this long. */
    private record Warmup(int rounds, long nanos) {

        /** {@code 30} is thirty rounds; {@code 10s} is ten seconds. */
        static Warmup parse(String text) {
            if (text.endsWith("s")) {
                long seconds = Long.parseLong(text.substring(0, text.length() - 1));
                return new Warmup(1, seconds * 1_000_000_000L);
            }
            return new Warmup(Integer.parseInt(text), 0);
        }
    }
}
