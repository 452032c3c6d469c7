package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.core.analysis.ListQueryEngine;
import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.FocusColumn;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterTest {

    private static final Dimension RESOURCE = Dimension.of(FocusColumn.RESOURCE_ID);

    @Test
    void aFewValuesOfAManyValuedColumnKeepTheRowsTheReferenceKeeps() {
        List<CostRecord> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            rows.add(CostRecord.builder()
                    .resourceId(i % 7 == 0 ? null : "r-" + i % 300)
                    .serviceName("svc-" + i % 3)
                    .billingCurrency("USD")
                    .chargePeriodStart(Instant.parse("2024-09-01T00:00:00Z").plusSeconds(3600L * (i % 48)))
                    .effectiveCost(BigDecimal.valueOf(i % 97, 2))
                    .build());
        }
        CostTable table = CostTable.of(rows);
        ListQueryEngine reference = new ListQueryEngine(rows);
        for (Filter filter : List.of(
                Filter.in(RESOURCE, "r-5", "r-299", "absent"),
                Filter.in(RESOURCE, "r-8", null),
                Filter.notIn(RESOURCE, "r-5"))) {
            CostQuery query = CostQuery.builder()
                    .groupBy(Dimension.of(FocusColumn.SERVICE_NAME), Dimension.DAY)
                    .filter(filter)
                    .build();
            QueryResult got = table.execute(query);
            QueryResult expected = reference.execute(query);
            assertThat(got.groups())
                    .extracting(QueryResult.Group::key)
                    .as(filter.toString())
                    .containsExactlyElementsOf(expected.groups().stream()
                            .map(QueryResult.Group::key)
                            .toList());
            assertThat(got.rows()).isEqualTo(expected.rows());
            assertThat(got.total()).isCloseTo(expected.total(), org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void aFilterNoRowPassesGivesTheEmptyAnswerAndStillRefusesAnAbsentColumnOrABadTimeKey() {
        List<CostRecord> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(CostRecord.builder()
                    .resourceId("r-" + i % 7)
                    .serviceName("svc-" + i % 3)
                    .billingCurrency("USD")
                    .chargePeriodStart(Instant.parse("2024-09-01T00:00:00Z").plusSeconds(3600L * i))
                    .effectiveCost(BigDecimal.ONE)
                    .build());
        }
        CostTable table = CostTable.of(rows);
        ListQueryEngine reference = new ListQueryEngine(rows);
        Filter none = Filter.in(Dimension.of(FocusColumn.SERVICE_NAME), "no such service");
        for (List<Dimension> groupBy : List.of(List.<Dimension>of(), List.of(Dimension.DAY, RESOURCE))) {
            CostQuery query = CostQuery.builder().groupBy(groupBy).filter(none).build();
            QueryResult got = table.execute(query);
            QueryResult expected = reference.execute(query);
            assertThat(got.groups()).isEmpty();
            assertThat(got.groups()).hasSameSizeAs(expected.groups());
            assertThat(got.rows()).isZero().isEqualTo(expected.rows());
            assertThat(got.total()).isZero().isEqualTo(expected.total());
            assertThat(got.query()).isEqualTo(query);
        }
        assertThatThrownBy(() -> table.execute(CostQuery.builder()
                        .groupBy(Dimension.column("x_Absent"))
                        .filter(none)
                        .build()))
                .isInstanceOf(QueryException.class)
                .hasMessage("column x_Absent is absent from the input");
        assertThatThrownBy(() -> table.execute(CostQuery.builder()
                        .filter(none)
                        .filter(Filter.in(Dimension.DAY, "2024-09-31"))
                        .build()))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("filter value '2024-09-31' is not a day key");
    }

    @Test
    void valuesKeepTheirOrderAndNullAndCannotChange() {
        Filter filter = Filter.in(RESOURCE, "b", null, "a");

        assertThat(filter.values()).containsExactly("b", null, "a");
        assertThat(filter.accepts(null)).isTrue();
        assertThat(filter.accepts("c")).isFalse();
        assertThatThrownBy(() -> filter.values().add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> filter.values().iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void filtersOfEqualValuesAreEqualKeysWhateverTheSetGiven() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            ids.add("arn:aws:ec2:us-east-1:123456789012:instance/i-" + i);
        }
        Set<String> given = new LinkedHashSet<>(ids);
        Filter a = new Filter(RESOURCE, given, false);
        Filter b = new Filter(RESOURCE, new HashSet<>(ids), false);
        Filter again = new Filter(RESOURCE, a.values(), false);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.values()).isEqualTo(given).hasSameHashCodeAs(given);
        assertThat(again.values()).isSameAs(a.values()); // already a filter's values: not copied again
        assertThat(a).isNotEqualTo(new Filter(RESOURCE, given, true));
        given.add("one more"); // the filter holds a copy
        assertThat(a.values()).hasSize(5_000);
        assertThat(a).isNotEqualTo(new Filter(RESOURCE, given, false));
    }
}
