package dev.costagent.examples.cli;

import dev.costagent.core.table.CostTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code costagent ingest}: reads FOCUS data into the in-memory columnar table and reports rows, rejects, time and
 * memory — a check that an export loads, and the ingest benchmark's unit of work.
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Load FOCUS data into the in-memory table; report rows, rejects, time and heap per row.")
public final class IngestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE|DIR",
            description = "FOCUS file (.csv, .csv.gz or .parquet) or directory.")
    private Path input;

    @Mixin
    private ReadFlags read;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
    private String format;

    @Option(
            names = "--measure-heap",
            description = "Also measure the table's retained heap (full GCs before and " + "after the load; slower).")
    private boolean measureHeap;

    @Override
    public Integer call() throws Exception {
        String fmt = FormatOption.require(format, "text", "json");
        long before = measureHeap ? usedHeapAfterGc() : 0;
        long started = System.nanoTime();
        CostTable table = CostTable.read(input, read.options());
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.equals("json")) {
            out.println(new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(json(table, seconds)));
            return 0;
        }
        if (measureHeap) {
            long retained = usedHeapAfterGc() - before;
            out.printf(
                    Locale.ROOT,
                    "measured retained heap: %,d bytes, %.1f bytes per row%n",
                    retained,
                    table.rowCount() == 0 ? 0.0 : (double) retained / table.rowCount());
        }
        out.printf(
                Locale.ROOT,
                "%,d rows, %,d rejected, %.3f s, %.1f heap bytes per row (%,d attribute sets)%n",
                table.rowCount(),
                table.rejectedCount(),
                seconds,
                table.rowCount() == 0 ? 0.0 : (double) table.heapBytes() / table.rowCount(),
                table.attributeSets());
        table.rejects().stream().limit(10).forEach(r -> out.println("Rejected: " + r.describe()));
        out.printf(
                Locale.ROOT,
                "FOCUS %s, granularity %s%n",
                table.inputProfile().focusVersion(),
                AnalyzeSupport.granularityJson(table.inputProfile()));
        table.dataQuality()
                .forEach(q -> out.printf(
                        Locale.ROOT,
                        "Data quality: %s in %s: %,d rows%s%n",
                        q.rule(),
                        q.column(),
                        q.rowsAffected(),
                        q.example() == null ? "" : " (e.g. '" + q.example() + "')"));
        return 0;
    }

    /** The ingest JSON: rows, rejected, seconds, focusVersion, granularity, dataQuality, rejects. */
    static java.util.Map<String, Object> json(CostTable table, double seconds) {
        java.util.Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("rows", table.rowCount());
        root.put("rejected", table.rejectedCount());
        root.put("seconds", seconds);
        root.put("focusVersion", table.inputProfile().focusVersion().label());
        root.put("granularity", AnalyzeSupport.granularityJson(table.inputProfile()));
        root.put("dataQuality", table.dataQuality());
        java.util.List<java.util.Map<String, Object>> rejects = new java.util.ArrayList<>();
        for (var reject : table.rejects()) {
            java.util.Map<String, Object> entry = new java.util.LinkedHashMap<>();
            entry.put("file", reject.file());
            entry.put("line", reject.line());
            entry.put("column", reject.column());
            entry.put("reason", reject.reason());
            rejects.add(entry);
        }
        root.put("rejects", rejects);
        return root;
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
