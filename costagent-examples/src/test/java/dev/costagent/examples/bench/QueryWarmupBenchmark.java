package dev.costagent.examples.bench;

import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.CostTable;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import java.nio.file.Path;

/**
 * The two largest queries of {@code analyze} on the realistic shape, each run several times in a fresh JVM after the
 * ingest: the root-cause cube ({@code day × ServiceName × SubAccountId × RegionId × ResourceId × SkuId} over usage
 * rows) and the rules' per-resource query ({@code ResourceId × ServiceCategory × BillingCurrency × 5 tags ×
 * ChargeDescription}). The first runs meet the query code cold, as a one-shot process does; the later ones show what
 * the same work costs compiled, so the gap is what the JIT's warm-up costs the stages.
 *
 * <pre>
 * java -XX:+UseSerialGC -Xmn64m -XX:FreqInlineSize=100 -XX:InlineSmallCode=1000 \
 *   -cp costagent-examples/target/test-classes:costagent-examples/target/costagent.jar \
 *   dev.costagent.examples.bench.QueryWarmupBenchmark /tmp/ingest-bench/real-1m.csv 8
 * </pre>
 */
public final class QueryWarmupBenchmark {

    private QueryWarmupBenchmark() {}

    /** Arguments: the FOCUS file, the number of runs of each query. */
    public static void main(String[] args) throws Exception {
        CostTable table = CostTable.read(Path.of(args[0]), ReadOptions.DEFAULTS);
        int runs = Integer.parseInt(args[1]);
        Filter usage = Filter.in(Dimension.of(FocusColumn.CHARGE_CATEGORY), "Usage");
        CostQuery cube = CostQuery.builder()
                .groupBy(
                        Dimension.DAY,
                        Dimension.of(FocusColumn.SERVICE_NAME),
                        Dimension.of(FocusColumn.SUB_ACCOUNT_ID),
                        Dimension.of(FocusColumn.REGION_ID),
                        Dimension.of(FocusColumn.RESOURCE_ID),
                        Dimension.of(FocusColumn.SKU_ID))
                .filter(usage)
                .build();
        CostQuery perResource = CostQuery.builder()
                .groupBy(
                        Dimension.of(FocusColumn.RESOURCE_ID),
                        Dimension.of(FocusColumn.SERVICE_CATEGORY),
                        Dimension.of(FocusColumn.BILLING_CURRENCY),
                        Dimension.tag("env"),
                        Dimension.tag("environment"),
                        Dimension.tag("Environment"),
                        Dimension.tag("stage"),
                        Dimension.tag("workload"),
                        Dimension.of(FocusColumn.CHARGE_DESCRIPTION))
                .filter(usage)
                .build();
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            int cubeGroups = table.execute(cube).groups().size();
            double cubeMillis = (System.nanoTime() - s) / 1e6;
            s = System.nanoTime();
            int resourceGroups = table.execute(perResource).groups().size();
            double resourceMillis = (System.nanoTime() - s) / 1e6;
            System.out.printf(
                    "run %d: cube %.1f ms (%,d groups), per-resource %.1f ms (%,d groups)%n",
                    i, cubeMillis, cubeGroups, resourceMillis, resourceGroups);
        }
    }
}
