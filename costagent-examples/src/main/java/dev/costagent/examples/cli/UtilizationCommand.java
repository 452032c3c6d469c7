package dev.costagent.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.costagent.core.analysis.utilization.MetricSummary;
import dev.costagent.core.analysis.utilization.UtilizationClassifier;
import dev.costagent.core.analysis.utilization.UtilizationReader;
import dev.costagent.core.analysis.utilization.UtilizationSeries;
import dev.costagent.core.analysis.utilization.UtilizationVerdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code costagent utilization}: the rightsizing verdict of a resource from its CPU series (see
 * {@link dev.costagent.core.analysis.utilization} for the rules). A {@code timestamp,value} file is one resource (named
 * after the file); a long-format file ({@code ResourceId,Timestamp,Metric,Value}) may hold many, and then the output
 * is one verdict per resource (a JSON array).
 */
@Command(
        name = "utilization",
        mixinStandardHelpOptions = true,
        description = "Rightsizing verdict (IDLE, UNDER_PROVISIONED, OVER_PROVISIONED, OPTIMIZED, INSUFFICIENT_DATA) "
                + "from a CPU utilization series: nearest-rank p50/p95/p99 over the last 14 days.")
public final class UtilizationCommand implements Callable<Integer> {
    /** Made on first use: picocli makes every subcommand at start-up, and databind's classes cost start-up time. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Option(
            names = "--cpu",
            required = true,
            paramLabel = "FILE",
            description = "CPU %% samples: 'timestamp,value' CSV or 'ResourceId,Timestamp,Metric,Value'.")
    private Path cpu;

    @Option(
            names = "--memory",
            paramLabel = "FILE",
            description = "Memory %% samples in either shape (reported next to the verdict).")
    private Path memory;

    @Option(names = "--format", defaultValue = "table", description = "table (default) or json.")
    private String format;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String fmt = FormatOption.requireExact(format, "table", "json");
        List<UtilizationSeries> cpuSeries = UtilizationReader.read(cpu, "cpu").stream()
                .filter(s -> s.metric().equals("cpu"))
                .toList();
        if (cpuSeries.isEmpty()) {
            throw new IllegalArgumentException(cpu + ": no cpu samples");
        }
        Map<String, MetricSummary> memoryByResource = new LinkedHashMap<>();
        List<UtilizationSeries> memorySeries = memory == null
                ? List.of()
                : UtilizationReader.read(memory, "memory").stream()
                        .filter(s -> s.metric().equals("memory"))
                        .toList();
        for (UtilizationSeries m : memorySeries) {
            memoryByResource.put(m.resourceId(), MetricSummary.of(m));
        }
        UtilizationClassifier classifier = new UtilizationClassifier();
        List<Map<String, Object>> results = new ArrayList<>();
        for (UtilizationSeries s : cpuSeries) {
            UtilizationVerdict v = classifier.classify(s);
            // a memory file of one resource goes with a cpu file of one resource whatever their names
            MetricSummary mem = memorySeries.size() == 1 && cpuSeries.size() == 1
                    ? MetricSummary.of(memorySeries.get(0))
                    : memoryByResource.get(s.resourceId());
            results.add(json(v, mem));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.equals("json")) {
            out.println(Json.MAPPER.writeValueAsString(results.size() == 1 ? results.get(0) : results));
        } else {
            for (Map<String, Object> r : results) {
                out.println(table(r));
            }
        }
        out.flush();
        return 0;
    }

    /** The contract's JSON object, keys in order. */
    static Map<String, Object> json(UtilizationVerdict v, MetricSummary memory) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", v.verdict().name());
        m.put("p50", v.p50());
        m.put("p95", v.p95());
        m.put("p99", v.p99());
        m.put("max", v.max());
        m.put("samples", v.samples());
        m.put("bursty", v.bursty());
        m.put("reason", v.reason());
        m.put("resourceId", v.resourceId());
        m.put("span", v.span().toString());
        if (memory != null) {
            Map<String, Object> mem = new LinkedHashMap<>();
            mem.put("p50", memory.p50());
            mem.put("p95", memory.p95());
            mem.put("p99", memory.p99());
            mem.put("max", memory.max());
            mem.put("samples", memory.samples());
            m.put("memory", mem);
        }
        return m;
    }

    private static String table(Map<String, Object> r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-12s %s%n", "resource", r.get("resourceId")));
        b.append(String.format(
                Locale.ROOT,
                "%-12s %s%s%n",
                "verdict",
                r.get("verdict"),
                Boolean.TRUE.equals(r.get("bursty")) ? " (bursty)" : ""));
        b.append(String.format(
                Locale.ROOT,
                "%-12s p50 %.2f  p95 %.2f  p99 %.2f  max %.2f  (%s samples, %s)%n",
                "cpu %",
                r.get("p50"),
                r.get("p95"),
                r.get("p99"),
                r.get("max"),
                r.get("samples"),
                r.get("span")));
        if (r.get("memory") instanceof Map<?, ?> mem) {
            b.append(String.format(
                    Locale.ROOT,
                    "%-12s p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n",
                    "memory %",
                    mem.get("p50"),
                    mem.get("p95"),
                    mem.get("p99"),
                    mem.get("max")));
        }
        b.append(String.format(Locale.ROOT, "%-12s %s", "reason", r.get("reason")));
        return b.toString();
    }
}
