package dev.costagent.datagen.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.analysis.AnalysisReport;
import dev.costagent.core.analysis.Analyzer;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.CostTable;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryResult;
import dev.costagent.datagen.GeneratorSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (not a timed assertion): every default analysis over a generated table of 1M rows × {@code perf.scale}
 * (90 days, with two planted anomalies so the root-cause query runs too), reported as wall and CPU medians next to
 * the time it took to build the table from the records. Run at full size with
 * {@code mvn -pl costagent-core verify -Pperf -Dtest=AnalyzerPerfTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("perf")
class AnalyzerPerfTest {

    @Test
    void allDefaultAnalysesOverAGeneratedTable() {
        double scale = Double.parseDouble(System.getProperty("perf.scale", "0.1"));
        long rows = Math.max(100_000, Math.round(1_000_000 * scale));
        LocalDate start = LocalDate.of(2024, 7, 1);
        GeneratorSpec spec = GeneratorSpec.builder()
                .seed(42)
                .rows(rows)
                .days(90)
                .start(start)
                .randomAnomalies(2)
                .build();
        long t0 = System.nanoTime();
        CostTable table = CostTable.of(spec.toBuilder().generator());
        long buildNanos = System.nanoTime() - t0;

        AtomicInteger queries = new AtomicInteger();
        QueryEngine counting = new QueryEngine() {
            @Override
            public QueryResult execute(CostQuery query) {
                queries.incrementAndGet();
                return table.execute(query);
            }
        };
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Analyzer parallel = Analyzer.defaults();
        Analyzer sequential = Analyzer.builder().executor(Runnable::run).build();
        int runs = 15;
        long[] wall = new long[runs];
        long[] wallSeq = new long[runs];
        long[] cpuSeq = new long[runs];
        AnalysisReport report = null;
        for (int i = 0; i < runs; i++) {
            long a = System.nanoTime();
            report = parallel.analyze(table);
            wall[i] = System.nanoTime() - a;
            long c = mx.getCurrentThreadCpuTime();
            long b = System.nanoTime();
            sequential.analyze(counting);
            wallSeq[i] = System.nanoTime() - b;
            cpuSeq[i] = mx.getCurrentThreadCpuTime() - c;
        }
        System.out.printf(
                Locale.ROOT,
                "analysis perf: rows=%d days=%d anomalies=%d queries/run=%d; build table from "
                        + "records %d ms; analyze median wall %.1f ms (parallel executor), %.1f ms (sequential), sequential "
                        + "CPU %.1f ms; cores=%d%n",
                table.rowCount(),
                report.days(),
                report.anomalies().size(),
                queries.get() / runs,
                buildNanos / 1_000_000,
                median(wall),
                median(wallSeq),
                median(cpuSeq),
                Runtime.getRuntime().availableProcessors());
        assertThat(report.anomalies()).isNotEmpty();
        // the table's own plan (several small root-cause queries: QueryEngine#prefersFewerQueries) has a bound that
        // does not grow with the anomalies: one proxy-day query, a candidates' query per cause read apart (2), and a
        // whole read per such cause and anomalous dimension (2 x 4)
        AtomicInteger tableQueries = new AtomicInteger();
        sequential.analyze(new QueryEngine() {
            @Override
            public QueryResult execute(CostQuery query) {
                tableQueries.incrementAndGet();
                return table.execute(query);
            }

            @Override
            public boolean prefersFewerQueries() {
                return table.prefersFewerQueries();
            }
        });
        assertThat(tableQueries.get()).isLessThanOrEqualTo(6 + 1 + 2 + 2 * 4);
        // an engine preferring fewer queries (the counting wrapper's default): cube, invoice (BilledCost by day),
        // recurring-charge check, 2 commitment metrics, root causes, and the partial-last-day check (hour x
        // ProviderName over the last 8 days only)
        assertThat(queries.get() / runs).isLessThanOrEqualTo(7);
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }
}
