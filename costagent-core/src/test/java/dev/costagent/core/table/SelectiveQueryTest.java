package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.FocusColumn;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A query keeping few attribute sets reads only their rows (through the rows-by-set index, on a table large enough
 * for it), and answers exactly as a scan would: same groups, same order, same sums.
 */
class SelectiveQueryTest {

    private static final int ROWS = 80_000; // above the size where selective queries use the index
    private static final int RESOURCES = 400;
    private static final Instant START = Instant.parse("2024-09-01T00:00:00Z");

    @Test
    void aFewResourcesByHourMatchAPlainSum() {
        Random random = new Random(3);
        List<CostRecord> records = new ArrayList<>(ROWS);
        for (int r = 0; r < ROWS; r++) {
            int resource = r % RESOURCES;
            int hour = r / RESOURCES;
            records.add(CostRecord.builder()
                    .serviceName(resource % 3 == 0 ? "Amazon EC2" : "Amazon S3")
                    .resourceId("i-" + resource)
                    .billingCurrency("USD")
                    .chargeCategory(resource % 5 == 0 ? "Tax" : "Usage")
                    .chargePeriodStart(START.plusSeconds(3600L * hour))
                    .chargePeriodEnd(START.plusSeconds(3600L * (hour + 1)))
                    .effectiveCost(BigDecimal.valueOf(random.nextInt(100_000), 4))
                    .billedCost(BigDecimal.ONE)
                    .build());
        }
        CostTable table = CostTable.of(records);
        Set<String> few = Set.of("i-1", "i-7", "i-30", "i-399", "i-nowhere");
        TimeRange range = new TimeRange(START.plusSeconds(3600L * 24), START.plusSeconds(3600L * 150));

        QueryResult result = table.execute(CostQuery.builder()
                .groupBy(Dimension.of(FocusColumn.RESOURCE_ID), Dimension.HOUR)
                .filter(Filter.in(Dimension.of(FocusColumn.CHARGE_CATEGORY), "Usage"))
                .filter(new Filter(Dimension.of(FocusColumn.RESOURCE_ID), few, false))
                .range(range)
                .build());

        assertThat(table.rowsIndexed()).as("the selective path was taken").isTrue();
        Map<List<String>, Double> expected = new TreeMap<>(QueryResult.KEY_ORDER);
        for (CostRecord r : records) {
            Instant start = r.chargePeriodStart();
            if (few.contains(r.resourceId())
                    && r.chargeCategory().equals("Usage")
                    && !start.isBefore(range.start())
                    && start.isBefore(range.end())) {
                String hour = start.toString().substring(0, 13);
                expected.merge(
                        Arrays.asList(r.resourceId(), hour), r.effectiveCost().doubleValue(), Double::sum);
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(result.groups()).extracting(QueryResult.Group::key).containsExactlyElementsOf(expected.keySet());
        for (QueryResult.Group g : result.groups()) {
            assertThat(g.value()).isCloseTo(expected.get(g.key()), within(1e-9));
            assertThat(g.rows()).isEqualTo(1);
        }
    }

    @Test
    void aFewShortLivedResourcesOverManyHoursMatchAPlainSum() {
        // 20,000 resources of four hourly rows each, spread over 2,000 hours: five of them read by set make 20 rows
        // in a key space of 5 resources x 2,000 hours, which the query keeps in a hash sized to its rows
        Random random = new Random(5);
        List<CostRecord> records = new ArrayList<>(ROWS);
        for (int r = 0; r < ROWS; r++) {
            int resource = r / 4;
            int hour = (resource % 500) * 4 + r % 4;
            records.add(CostRecord.builder()
                    .serviceName("Amazon EC2")
                    .resourceId("i-" + resource)
                    .billingCurrency("USD")
                    .chargeCategory("Usage")
                    .chargePeriodStart(START.plusSeconds(3600L * hour))
                    .chargePeriodEnd(START.plusSeconds(3600L * (hour + 1)))
                    .effectiveCost(BigDecimal.valueOf(random.nextInt(100_000), 4))
                    .billedCost(BigDecimal.ONE)
                    .build());
        }
        CostTable table = CostTable.of(records);
        Set<String> few = Set.of("i-3", "i-499", "i-500", "i-12345", "i-19999");

        QueryResult result = table.execute(CostQuery.builder()
                .groupBy(Dimension.HOUR, Dimension.of(FocusColumn.RESOURCE_ID))
                .filter(new Filter(Dimension.of(FocusColumn.RESOURCE_ID), few, false))
                .build());

        assertThat(table.rowsIndexed()).as("the selective path was taken").isTrue();
        Map<List<String>, Double> expected = new TreeMap<>(QueryResult.KEY_ORDER);
        for (CostRecord r : records) {
            if (few.contains(r.resourceId())) {
                String hour = r.chargePeriodStart().toString().substring(0, 13);
                expected.merge(
                        Arrays.asList(hour, r.resourceId()), r.effectiveCost().doubleValue(), Double::sum);
            }
        }
        assertThat(expected).hasSize(20);
        assertThat(result.groups()).extracting(QueryResult.Group::key).containsExactlyElementsOf(expected.keySet());
        for (QueryResult.Group g : result.groups()) {
            assertThat(g.value()).isCloseTo(expected.get(g.key()), within(1e-9));
            assertThat(g.rows()).isEqualTo(1);
        }
        assertThat(result.rows()).isEqualTo(20);
    }
}
