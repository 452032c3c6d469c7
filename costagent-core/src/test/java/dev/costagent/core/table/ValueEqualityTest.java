package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The query values' equals and hashCode, written out (a record's generated ones are linked on first use, slowly in a
 * one-shot process): equal components make equal values with equal hashes, and every component counts.
 */
class ValueEqualityTest {

    private static final TimeRange SEPTEMBER = TimeRange.days(LocalDate.of(2024, 9, 1), LocalDate.of(2024, 10, 1));

    @Test
    void dimensionsAreEqualByKindAndName() {
        assertEqual(Dimension.parse("ServiceName"), Dimension.column("ServiceName"));
        assertEqual(Dimension.parse("tag:env"), Dimension.tag("env"));
        assertThat(Dimension.column("env")).isNotEqualTo(Dimension.tag("env"));
        assertThat(Dimension.column("RegionId")).isNotEqualTo(Dimension.column("ServiceName"));
        assertThat(Dimension.DAY)
                .isNotEqualTo(Dimension.HOUR)
                .isNotEqualTo(null)
                .isNotEqualTo("day");
    }

    @Test
    void filtersAreEqualByDimensionValuesAndExclusion() {
        Dimension service = Dimension.column("ServiceName");
        assertEqual(Filter.in(service, "EC2", "S3"), Filter.in(service, "EC2", "S3"));
        assertThat(Filter.in(service, "EC2")).isNotEqualTo(Filter.notIn(service, "EC2"));
        assertThat(Filter.in(service, "EC2")).isNotEqualTo(Filter.in(service, "S3"));
        assertThat(Filter.in(service, "EC2")).isNotEqualTo(Filter.in(Dimension.column("RegionId"), "EC2"));
    }

    @Test
    void rangesAreEqualByTheirEnds() {
        assertEqual(SEPTEMBER, new TimeRange(SEPTEMBER.start(), SEPTEMBER.end()));
        assertThat(SEPTEMBER)
                .isNotEqualTo(new TimeRange(SEPTEMBER.start(), SEPTEMBER.end().plusSeconds(1)));
        assertThat(SEPTEMBER).isNotEqualTo(new TimeRange(Instant.EPOCH, SEPTEMBER.end()));
    }

    @Test
    void queriesAreEqualByEveryPart() {
        CostQuery query = query().build();
        assertEqual(query, query().build());
        assertThat(query).isNotEqualTo(query().metric(Metric.BILLED_COST).build());
        assertThat(query).isNotEqualTo(query().groupBy(Dimension.HOUR).build());
        assertThat(query)
                .isNotEqualTo(query().filter(Filter.in(Dimension.column("RegionId"), "eu-west-1"))
                        .build());
        assertThat(query).isNotEqualTo(query().range(TimeRange.ALL).build());
    }

    private static CostQuery.Builder query() {
        return CostQuery.builder()
                .metric(Metric.EFFECTIVE_COST)
                .groupBy(List.of(Dimension.DAY, Dimension.column("ServiceName")))
                .filter(Filter.in(Dimension.column("ChargeCategory"), "Usage"))
                .range(SEPTEMBER);
    }

    private static void assertEqual(Object a, Object b) {
        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
    }
}
