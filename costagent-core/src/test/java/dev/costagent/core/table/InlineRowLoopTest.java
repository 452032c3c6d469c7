package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.FocusColumn;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The row loop written in line (at most one hour or day key and one hour or day filter, into dense or hashed slots)
 * adds exactly what the general loop adds: the same groups, rows and sums to the last bit. A second filter that keeps
 * every row sends the same query down the general loop.
 */
class InlineRowLoopTest {

    private static final Dimension RESOURCE = Dimension.of(FocusColumn.RESOURCE_ID);
    private static final Dimension SERVICE = Dimension.of(FocusColumn.SERVICE_NAME);
    /** Keeps every row (no row starts in 1999, and rows without a start are kept): the general loop's trigger. */
    private static final Filter EVERY_ROW = Filter.notIn(Dimension.MONTH, "1999-01");

    /**
     * 2,500 resources over 500 days of hours, ten rows each, in resource order (so that ResourceId stays in the
     * attribute sets, as at 50,000 resources in a million rows): a day by resource query's key space is hashed, not
     * dense.
     */
    private static final CostTable TABLE = table();

    @Test
    void hashedSlotsWithADayFilterAddWhatTheGeneralLoopAdds() {
        QueryResult result = assertSameAsGeneral(CostQuery.builder()
                .groupBy(Dimension.DAY, SERVICE, RESOURCE)
                .filter(Filter.in(Dimension.DAY, "2024-03-01", "2024-02-23", "2024-02-16", "2025-01-01")));
        assertThat(result.groups()).isNotEmpty();
        assertThat(result.groups())
                .allSatisfy(g -> assertThat(g.key(0)).isIn("2024-03-01", "2024-02-23", "2024-02-16", "2025-01-01"));
        assertSameAsGeneral(CostQuery.builder().groupBy(Dimension.HOUR, RESOURCE));
        assertSameAsGeneral(CostQuery.builder()
                .groupBy(Dimension.HOUR, RESOURCE)
                .filter(Filter.notIn(Dimension.DAY, "2024-03-01", null)));
    }

    @Test
    void denseSlotsWithAFilterOnAnotherBucketAddWhatTheGeneralLoopAdds() {
        assertSameAsGeneral(
                CostQuery.builder().groupBy(Dimension.DAY, SERVICE).filter(Filter.in(Dimension.HOUR, "2024-03-01T05")));
        assertSameAsGeneral(CostQuery.builder().groupBy(SERVICE).filter(Filter.in(Dimension.DAY, "2024-03-01", null)));
        assertSameAsGeneral(
                CostQuery.builder().groupBy(Dimension.DAY).filter(Filter.notIn(Dimension.DAY, "2024-03-01")));
    }

    @Test
    void aRangeAndAFilterTogetherAddWhatTheGeneralLoopAdds() {
        TimeRange range = TimeRange.days(LocalDate.of(2024, 2, 20), LocalDate.of(2024, 3, 2));
        QueryResult result = assertSameAsGeneral(CostQuery.builder()
                .groupBy(Dimension.DAY, RESOURCE)
                .filter(Filter.in(Dimension.DAY, "2024-03-01", "2024-02-16", null))
                .range(range));
        assertThat(result.groups()).allSatisfy(g -> assertThat(g.key(0)).isEqualTo("2024-03-01"));
    }

    /** The query run in line and down the general loop: the same groups, keys, rows and sums, bit for bit. */
    private static QueryResult assertSameAsGeneral(CostQuery.Builder query) {
        CostQuery inline = query.build();
        CostQuery general = query.filter(EVERY_ROW).build();
        QueryResult got = TABLE.execute(inline);
        QueryResult expected = TABLE.execute(general);
        assertThat(got.groups()).hasSameSizeAs(expected.groups());
        for (int i = 0; i < got.groups().size(); i++) {
            QueryResult.Group g = got.groups().get(i);
            QueryResult.Group e = expected.groups().get(i);
            assertThat(g.key()).isEqualTo(e.key());
            assertThat(g.rows()).as("rows of %s", g.key()).isEqualTo(e.rows());
            assertThat(Double.doubleToLongBits(g.value()))
                    .as("sum of %s", g.key())
                    .isEqualTo(Double.doubleToLongBits(e.value()));
        }
        assertThat(got.rows()).isEqualTo(expected.rows());
        assertThat(Double.doubleToLongBits(got.total())).isEqualTo(Double.doubleToLongBits(expected.total()));
        return got;
    }

    private static CostTable table() {
        Random random = new Random(7);
        Instant first = Instant.parse("2023-11-01T00:00:00Z");
        List<CostRecord> rows = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            int resource = i / 10;
            // every 97th row has no ChargePeriodStart, every 89th no cost
            Instant start = i % 97 == 0 ? null : first.plusSeconds(3600L * random.nextInt(500 * 24));
            rows.add(CostRecord.builder()
                    .resourceId("arn:aws:ec2:us-east-1:123456789012:instance/i-" + resource)
                    .serviceName("svc-" + resource % 5)
                    .billingCurrency("USD")
                    .chargePeriodStart(start)
                    .chargePeriodEnd(start == null ? null : start.plusSeconds(3600))
                    .effectiveCost(i % 89 == 0 ? null : BigDecimal.valueOf(random.nextInt(1_000_000), 4))
                    .build());
        }
        return CostTable.of(rows);
    }
}
