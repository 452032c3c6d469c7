package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.core.analysis.ListQueryEngine;
import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.FocusColumn;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A query groups the attribute sets by their set dimensions' codes on one of two paths, chosen by the size of those
 * codes' key space: an array over a space no larger than the sets, else a hash of the codes. Each answers as the
 * reference engine does, whatever the key space (even one beyond a long).
 */
class SetGroupingTest {

    private static final int SETS = 1_600;
    private static final Dimension RESOURCE = Dimension.of(FocusColumn.RESOURCE_ID);
    private static final Dimension SERVICE = Dimension.of(FocusColumn.SERVICE_NAME);
    private static final Dimension REGION = Dimension.of(FocusColumn.REGION_ID);
    private static final Dimension SKU = Dimension.of(FocusColumn.SKU_ID);
    private static final Dimension ACCOUNT = Dimension.of(FocusColumn.SUB_ACCOUNT_ID);
    private static final Dimension CENTRE = Dimension.tag("cost-centre");

    /** 1,600 sets of ten rows each; a set's resource, account and four tags are its own. */
    private static final List<CostRecord> ROWS = rows();

    private static final CostTable TABLE = CostTable.of(ROWS);
    private static final ListQueryEngine REFERENCE = new ListQueryEngine(ROWS);

    @Test
    void aSmallKeySpaceGroupsThroughAnArray() {
        // 6 × 8 values (null included) at 1,600 sets
        assertSameAsReference(CostQuery.builder().groupBy(Dimension.DAY, SERVICE, REGION));
    }

    @Test
    void aKeySpaceLargerThanTheSetsGroupsThroughAHash() {
        // 6 × 8 × 61 = 2,928 keys at 1,600 sets, 420 of them used: sets share groups
        QueryResult result = assertSameAsReference(CostQuery.builder().groupBy(SERVICE, REGION, SKU));
        assertThat(result.groups()).hasSize(420);
        // a resource id among the dimensions, every set its own group
        assertSameAsReference(CostQuery.builder().groupBy(Dimension.DAY, SERVICE, ACCOUNT, REGION, RESOURCE));
    }

    @Test
    void aKeySpaceBeyondALongGroupsAsWell() {
        // six dimensions of 1,601 values each: 1,601^6 > 2^63 keys
        List<Dimension> ownValues = List.of(
                RESOURCE, ACCOUNT, CENTRE, Dimension.tag("owner"), Dimension.tag("ticket"), Dimension.tag("build"));
        QueryResult result = assertSameAsReference(CostQuery.builder().groupBy(ownValues));
        assertThat(result.groups()).hasSize(SETS);
        assertSameAsReference(CostQuery.builder()
                .filter(Filter.in(SERVICE, "svc-1", "svc-3"))
                .groupBy(SERVICE)
                .groupBy(ownValues));
    }

    /**
     * A day (or no time) first and set dimensions after it, values first seen out of key order and nulls among them,
     * and rows without a ChargePeriodStart (kept by a query with no time range): the groups come in key order, those
     * rows' groups first, as the reference sorts them.
     */
    @Test
    void aResultLedByItsDayComesInKeyOrderWithRowsWithoutAStartFirst() {
        List<CostRecord> rows = denseRows();
        CostTable table = CostTable.of(rows);
        ListQueryEngine reference = new ListQueryEngine(rows);
        for (CostQuery query : denseQueries()) {
            QueryResult got = assertSameAsReference(table, reference, query);
            if (query.groupBy().get(0).isTime() && query.filters().isEmpty()) {
                assertThat(got.groups().get(0).key(0)).as(query.toString()).isNull();
            }
        }
    }

    private static List<CostQuery> denseQueries() {
        return List.of(
                CostQuery.builder().groupBy(Dimension.DAY, SERVICE, REGION).build(),
                CostQuery.builder().groupBy(Dimension.HOUR, REGION).build(),
                CostQuery.builder().groupBy(REGION, SERVICE).build(),
                CostQuery.builder()
                        .groupBy(Dimension.DAY, REGION)
                        .filter(Filter.in(Dimension.DAY, "2024-09-03", "2024-09-05", null))
                        .build(),
                CostQuery.builder().groupBy(SERVICE, Dimension.DAY).build());
    }

    /**
     * 3,000 rows whose services and regions are first seen out of key order, nulls among them; every 11th without a
     * ChargePeriodStart.
     */
    private static List<CostRecord> denseRows() {
        List<CostRecord> rows = new ArrayList<>();
        Instant first = Instant.parse("2024-09-01T00:00:00Z");
        for (int i = 0; i < 3_000; i++) {
            Instant start = i % 11 == 0 ? null : first.plusSeconds(3600L * ((i * 7) % 400));
            rows.add(CostRecord.builder()
                    .serviceName(i % 13 == 0 ? null : "svc-" + (9 - i % 10))
                    .regionId(i % 5 == 0 ? null : "region-" + (i * 3) % 7)
                    .billingCurrency("USD")
                    .chargePeriodStart(start)
                    .chargePeriodEnd(start == null ? null : start.plusSeconds(3600))
                    .effectiveCost(BigDecimal.valueOf(i % 89, 2))
                    .build());
        }
        return rows;
    }

    private static QueryResult assertSameAsReference(CostQuery.Builder builder) {
        return assertSameAsReference(TABLE, REFERENCE, builder.build());
    }

    /** The table's answer has the reference's groups in the same order, with their rows and sums, and its rows. */
    private static QueryResult assertSameAsReference(CostTable table, ListQueryEngine reference, CostQuery query) {
        QueryResult got = table.execute(query);
        QueryResult expected = reference.execute(query);
        assertThat(got.groups())
                .as(query.toString())
                .extracting(QueryResult.Group::key)
                .containsExactlyElementsOf(
                        expected.groups().stream().map(QueryResult.Group::key).toList());
        for (int g = 0; g < got.groups().size(); g++) {
            assertThat(got.groups().get(g).rows())
                    .isEqualTo(expected.groups().get(g).rows());
            assertThat(got.groups().get(g).value())
                    .isCloseTo(expected.groups().get(g).value(), within(1e-9));
        }
        assertThat(got.rows()).isEqualTo(expected.rows());
        return got;
    }

    private static List<CostRecord> rows() {
        Instant first = Instant.parse("2024-09-01T00:00:00Z");
        List<CostRecord> rows = new ArrayList<>();
        for (int i = 0; i < SETS * 10; i++) {
            int set = i / 10; // in set order, so that every column stays in the attribute sets
            rows.add(CostRecord.builder()
                    .resourceId("arn:aws:ec2:us-east-1:123456789012:instance/i-" + set)
                    .serviceName("svc-" + set % 5)
                    .regionId(set % 7 == 0 ? null : "region-" + set % 7)
                    .skuId("sku-" + set % 60)
                    .subAccountId("account-" + set)
                    .tag("cost-centre", "cc-" + set)
                    .tag("owner", "owner-" + set)
                    .tag("ticket", "T-" + set)
                    .tag("build", "b" + set)
                    .billingCurrency("USD")
                    .chargePeriodStart(first.plusSeconds(3600L * (i % 240)))
                    .effectiveCost(BigDecimal.valueOf(i % 97, 2))
                    .build());
        }
        return rows;
    }
}
