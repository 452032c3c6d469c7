package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.FocusColumn;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** {@link CostTable#prepare}: a hint that does ahead what queries would do, and changes no answer. */
class PrepareTest {

    private static final Instant START = Instant.parse("2024-09-01T00:00:00Z");
    private static final Dimension RESOURCE = Dimension.of(FocusColumn.RESOURCE_ID);
    private static final Dimension SKU = Dimension.of(FocusColumn.SKU_ID);

    private static List<CostRecord> rows() {
        Random random = new Random(11);
        List<CostRecord> records = new ArrayList<>();
        for (int r = 0; r < 70_000; r++) {
            int resource = (r / 20) % 3_000; // runs of rows per resource, as exports list them: kept in the sets
            records.add(CostRecord.builder()
                    .serviceName(resource % 3 == 0 ? "Amazon EC2" : "Amazon S3")
                    .resourceId("arn:aws:ec2:us-east-1:123456789012:instance/i-" + resource)
                    .skuId("SKU" + resource % 17)
                    .chargeCategory(resource % 7 == 0 ? "Tax" : "Usage")
                    .billingCurrency("USD")
                    .tags(Map.of("env", resource % 2 == 0 ? "prod" : "dev"))
                    .chargePeriodStart(START.plusSeconds(3600L * (r % 720)))
                    .chargePeriodEnd(START.plusSeconds(3600L * (r % 720 + 1)))
                    .effectiveCost(BigDecimal.valueOf(random.nextInt(100_000), 4))
                    .billedCost(BigDecimal.ONE)
                    .build());
        }
        return records;
    }

    private static List<CostQuery> queries() {
        Filter usage = Filter.in(Dimension.of(FocusColumn.CHARGE_CATEGORY), "Usage");
        return List.of(
                CostQuery.builder()
                        .groupBy(Dimension.DAY, RESOURCE, SKU)
                        .filter(usage)
                        .build(),
                CostQuery.builder()
                        .groupBy(RESOURCE)
                        .filter(Filter.in(RESOURCE, "arn:aws:ec2:us-east-1:123456789012:instance/i-42"))
                        .build(),
                CostQuery.builder().groupBy(SKU, Dimension.tag("env")).build());
    }

    @Test
    void ranksTheNamedColumnsAndIndexesTheRows() {
        CostTable table = CostTable.of(rows());
        assertThat(table.ranked(FocusColumn.RESOURCE_ID)).isFalse();
        assertThat(table.rowsIndexed()).isFalse();

        // a tag, a time bucket and an extra column the input lacks are passed over
        table.prepare(List.of(RESOURCE, SKU, Dimension.tag("env"), Dimension.DAY, Dimension.column("x_Absent")));

        assertThat(table.ranked(FocusColumn.RESOURCE_ID)).isTrue();
        assertThat(table.ranked(FocusColumn.SKU_ID)).isTrue();
        assertThat(table.ranked(FocusColumn.REGION_ID)).as("not named").isFalse();
        assertThat(table.rowsIndexed()).isTrue();
    }

    @Test
    void answersAreThoseOfAnUnpreparedTableEvenWhilePreparing() throws Exception {
        List<CostRecord> rows = rows();
        CostTable plain = CostTable.of(rows);
        List<QueryResult> expected = queries().stream().map(plain::execute).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                CostTable prepared = CostTable.of(rows);
                CompletableFuture<Void> preparing =
                        CompletableFuture.runAsync(() -> prepared.prepare(List.of(RESOURCE, SKU)), pool);
                List<CompletableFuture<QueryResult>> answers = new ArrayList<>();
                for (CostQuery query : queries()) {
                    answers.add(CompletableFuture.supplyAsync(() -> prepared.execute(query), pool));
                }
                preparing.get();
                for (int i = 0; i < answers.size(); i++) {
                    QueryResult got = answers.get(i).get();
                    assertThat(got.groups()).isEqualTo(expected.get(i).groups());
                    assertThat(got.total()).isEqualTo(expected.get(i).total());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
