package dev.costagent.core.analysis.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.core.analysis.ListQueryEngine;
import dev.costagent.core.analysis.Rows;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.QueryEngine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DailySeriesReaderTest {
    private static final LocalDate D1 = LocalDate.of(2024, 9, 1);

    private final List<dev.costagent.core.focus.CostRecord> rows = List.of(
            Rows.usage(D1, "EC2", "a1", "us-east-1", "i-1", "sku", 10),
            Rows.usage(D1, "EC2", "a2", "us-east-1", "i-2", "sku", 5),
            Rows.usage(D1, "S3", "a1", null, "b-1", "sku", 1),
            Rows.usage(D1.plusDays(3), "EC2", "a1", "eu-west-1", "i-1", "sku", 20),
            Rows.row(D1.plusDays(2), "Purchase", "EC2", "a1", "us-east-1", "ri", "sku", 1000)
                    .build(),
            Rows.row(D1.plusDays(1), "Tax", "EC2", "a1", "us-east-1", null, null, 7)
                    .build());

    @Test
    void missingDaysAreZeroAndOnlyUsageCountsByDefault() {
        DailySeries total = new DailySeriesReader(new ListQueryEngine(rows), SeriesScope.usage()).total();
        assertThat(total.axis()).isEqualTo(new DayAxis(D1, 4));
        assertThat(total.values()).containsExactly(16, 0, 0, 20);
        DailySeries all = new DailySeriesReader(new ListQueryEngine(rows), SeriesScope.allCharges()).total();
        assertThat(all.values()).containsExactly(16, 7, 1000, 20);
    }

    @Test
    void everyDimensionSharesOneAxisAndSumsToTheTotal() {
        AtomicInteger queries = new AtomicInteger();
        ListQueryEngine list = new ListQueryEngine(rows);
        QueryEngine counting = q -> {
            queries.incrementAndGet();
            return list.execute(q);
        };
        List<DailySeriesSet> sets = new DailySeriesReader(counting, SeriesScope.usage())
                .byDimensions(List.of(Dimension.column("ServiceName"), Dimension.column("RegionId")));
        assertThat(queries).hasValue(1); // one GROUP BY day, ServiceName, RegionId, rolled up twice
        DailySeriesSet services = sets.get(0);
        assertThat(services.series()).extracting(DailySeries::value).containsExactly("EC2", "S3"); // by cost
        assertThat(services.get("EC2").orElseThrow().values()).containsExactly(15, 0, 0, 20);
        DailySeriesSet regions = sets.get(1);
        assertThat(regions.axis()).isEqualTo(services.axis());
        assertThat(regions.get(DailySeries.NONE).orElseThrow().values()).containsExactly(1, 0, 0, 0);
        assertThat(regions.total().values()).containsExactly(services.total().values());
    }

    @Test
    void emptyScopeGivesAnEmptyAxisAndTimeDimensionsAreRejected() {
        DailySeries none = new DailySeriesReader(new ListQueryEngine(new ArrayList<>()), SeriesScope.usage()).total();
        assertThat(none.axis().isEmpty()).isTrue();
        assertThatThrownBy(() -> new DailySeriesReader(new ListQueryEngine(rows), SeriesScope.usage())
                        .byDimension(Dimension.MONTH))
                .hasMessageContaining("time bucket");
    }
}
