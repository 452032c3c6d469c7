package dev.costagent.core.analysis.series;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.analysis.ListQueryEngine;
import dev.costagent.core.analysis.Rows;
import dev.costagent.core.analysis.trend.TopMovers;
import dev.costagent.core.analysis.trend.TrendAnalyzer;
import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.table.Dimension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the roll-ups every analysis rests on, over random rows: the series rolled up from one combined
 * query equal the series of a per-dimension query, and top movers always add up exactly to the total change.
 */
class DailyCubePropertiesTest {
    private static final LocalDate FIRST = LocalDate.of(2024, 9, 1);

    @Provide
    Arbitrary<List<CostRecord>> rows() {
        Arbitrary<CostRecord> row = Combinators.combine(
                        Arbitraries.integers().between(0, 20),
                        Arbitraries.of("EC2", "S3", "RDS", null),
                        Arbitraries.of("a1", "a2", "a3"),
                        Arbitraries.of("us-east-1", "eu-west-1", null),
                        Arbitraries.doubles().between(-50, 500).ofScale(4))
                .as((day, service, account, region, cost) ->
                        Rows.usage(FIRST.plusDays(day), service, account, region, "r-" + account, "sku", cost));
        return row.list().ofMinSize(1).ofMaxSize(200);
    }

    @Property(tries = 200)
    void rollUpsInOnePassEqualEachRollUp(@ForAll("rows") List<CostRecord> rows) {
        ListQueryEngine engine = new ListQueryEngine(rows);
        List<Dimension> dims = List.of(
                Dimension.column("ServiceName"), Dimension.column("SubAccountId"), Dimension.column("RegionId"));
        DailySeries total = new DailySeriesReader(engine, SeriesScope.usage()).total();
        DailyCube cube = new DailySeriesReader(engine, SeriesScope.usage())
                .cube(dims, dev.costagent.core.table.TimeRange.ALL, total.axis());
        List<DailyCube.RollUp> requests = List.of(
                new DailyCube.RollUp("ServiceName", null, null),
                new DailyCube.RollUp("RegionId", "SubAccountId", "a1"),
                new DailyCube.RollUp("ServiceName", "RegionId", DailySeries.NONE),
                new DailyCube.RollUp("SubAccountId", "ServiceName", "EC2"),
                new DailyCube.RollUp("RegionId", "SubAccountId", "none of them"));

        List<java.util.Map<String, double[]>> together = cube.rollUps(requests);

        assertThat(together).hasSize(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            DailyCube.RollUp r = requests.get(i);
            java.util.Map<String, double[]> alone = cube.rollUp(r.dimension(), r.within(), r.withinValue());
            java.util.Map<String, double[]> inOnePass = together.get(i);
            assertThat(inOnePass.keySet()).containsExactlyElementsOf(alone.keySet()); // same order too
            alone.forEach((value, series) -> assertThat(inOnePass.get(value)).containsExactly(series));
        }
        // a dimension's series set holds the same sums, to the last bit
        for (Dimension d : dims) {
            java.util.Map<String, double[]> alone = cube.rollUp(d.label(), null, null);
            DailySeriesSet set = cube.rollUp(d.label());
            assertThat(set.series()).extracting(DailySeries::value).containsExactlyInAnyOrderElementsOf(alone.keySet());
            set.series().forEach(s -> assertThat(s.values()).containsExactly(alone.get(s.value())));
        }
    }

    @Property(tries = 200)
    void combinedRollUpEqualsPerDimensionQueries(@ForAll("rows") List<CostRecord> rows) {
        ListQueryEngine engine = new ListQueryEngine(rows);
        DailySeriesReader reader = new DailySeriesReader(engine, SeriesScope.usage());
        List<Dimension> dims = List.of(
                Dimension.column("ServiceName"), Dimension.column("SubAccountId"), Dimension.column("RegionId"));
        List<DailySeriesSet> combined = reader.byDimensions(dims);
        DailySeries total = reader.total();
        for (int i = 0; i < dims.size(); i++) {
            DailySeriesSet alone = reader.byDimensions(List.of(dims.get(i))).get(0);
            assertThat(combined.get(i).axis()).isEqualTo(total.axis());
            assertThat(combined.get(i).series())
                    .extracting(DailySeries::value)
                    .containsExactlyInAnyOrderElementsOf(
                            alone.series().stream().map(DailySeries::value).toList());
            for (DailySeries s : alone.series()) {
                double[] expected = s.values();
                double[] actual = combined.get(i).get(s.value()).orElseThrow().values();
                for (int d = 0; d < expected.length; d++) {
                    assertThat(actual[d]).isCloseTo(expected[d], org.assertj.core.data.Offset.offset(1e-6));
                }
            }
            double[] sum = combined.get(i).total().values();
            for (int d = 0; d < sum.length; d++) {
                assertThat(sum[d]).isCloseTo(total.at(d), org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    @Property(tries = 200)
    void topMoversAlwaysAddUpExactly(@ForAll("rows") List<CostRecord> rows) {
        DailySeriesReader reader = new DailySeriesReader(new ListQueryEngine(rows), SeriesScope.usage());
        DailySeriesSet set = reader.byDimension(Dimension.column("ServiceName"));
        int n = set.axis().days();
        int half = n / 2;
        for (int top = 0; top <= 4; top++) {
            TopMovers m = TrendAnalyzer.topMovers(set, 0, half, half, n, top);
            BigDecimal sum = m.others().change();
            for (TopMovers.Mover mover : m.movers()) {
                sum = sum.add(mover.change());
            }
            assertThat(sum).isEqualByComparingTo(m.totalChange());
            assertThat(m.movers()).hasSizeLessThanOrEqualTo(top);
        }
    }
}
