package dev.costagent.core.analysis.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.analysis.ListQueryEngine;
import dev.costagent.core.analysis.Rows;
import dev.costagent.core.analysis.series.DailyCube;
import dev.costagent.core.analysis.series.DailySeries;
import dev.costagent.core.analysis.series.DailySeriesReader;
import dev.costagent.core.analysis.series.DayAxis;
import dev.costagent.core.analysis.series.SeriesScope;
import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.table.CostTable;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.TimeRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The root causes read from the scan's cube, the proxy days and the candidates' query are the ones a single cube of
 * every cause over the whole window gives (the method the finder replaced, written out below as the reference): the
 * same values in the same order, the same contributions up to the last bits of a sum. Hundreds of resources, so that
 * a slice past 200 values is preselected by the proxy; with and without noise, so that both the preselection and the
 * whole read (fewer than 50 values moving the impact's way) are taken; rises and drops; on the table and on the
 * reference engine.
 */
class RootCauseSourcesTest {
    private static final LocalDate FIRST = LocalDate.of(2024, 8, 1);
    private static final int DAYS = 45;
    private static final int RESOURCES = 260;
    private static final String[] SERVICES = {"EC2", "RDS"};
    private static final String[] SKUS = {"sku-a", "sku-b", "sku-c"};
    private static final List<Dimension> CAUSES = List.of(
            Dimension.of(FocusColumn.SERVICE_NAME),
            Dimension.of(FocusColumn.SUB_ACCOUNT_ID),
            Dimension.of(FocusColumn.REGION_ID),
            Dimension.of(FocusColumn.RESOURCE_ID),
            Dimension.of(FocusColumn.SKU_ID));
    private static final List<Dimension> SCANNED = CAUSES.subList(0, 3);
    private static final int LOOKBACK = 28;

    static Stream<Arguments> bills() {
        return Stream.of(
                Arguments.of("noisy rise", 0.05, 3.0, true),
                Arguments.of("noisy drop", 0.05, 0.0, true),
                Arguments.of("clean rise", 0.0, 3.0, true),
                Arguments.of("clean drop", 0.0, 0.0, true),
                Arguments.of("noisy rise, reference engine", 0.05, 3.0, false),
                Arguments.of("clean drop, reference engine", 0.0, 0.0, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bills")
    void causesEqualThoseOfOneCubeOfEveryCause(String name, double noise, double factor, boolean table) {
        List<CostRecord> rows = bill(noise, factor);
        QueryEngine engine = table ? CostTable.of(rows) : new ListQueryEngine(rows);
        SeriesScope scope = SeriesScope.usage();
        DailyCube scanned = new DailySeriesReader(engine, scope).cube(SCANNED, scope.range(), null);
        DayAxis axis = scanned.axis();
        LocalDate day = FIRST.plusDays(40);
        // detections on the planted day (the total and the planted service) and on another day (the planted account);
        // only the sign of an impact steers the ranking
        double impact = factor > 1 ? 100 : -100;
        List<Anomaly> anomalies = List.of(
                anomaly(DailySeries.TOTAL, DailySeries.TOTAL, day, impact),
                anomaly("ServiceName", "EC2", day, impact),
                anomaly("SubAccountId", "acct-1", day.minusDays(3), impact));

        RootCauseFinder finder = new RootCauseFinder(engine, scope, CAUSES, 3, LOOKBACK, Runnable::run);
        List<Anomaly> fromScanned = finder.explain(anomalies, axis, scanned);
        List<Anomaly> queried = finder.explain(anomalies, axis, null);
        // the reads after the proxy-day cube side by side on two threads: the same causes
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Anomaly> inParallel;
        try {
            inParallel = new RootCauseFinder(engine, scope, CAUSES, 3, LOOKBACK, two).explain(anomalies, axis, scanned);
        } finally {
            two.shutdownNow();
        }

        for (int i = 0; i < anomalies.size(); i++) {
            List<RootCause> expected = reference(engine, scope, anomalies, anomalies.get(i), axis);
            assertSameCauses(fromScanned.get(i).rootCauses(), expected);
            assertSameCauses(queried.get(i).rootCauses(), expected);
            assertThat(inParallel.get(i).rootCauses())
                    .isEqualTo(fromScanned.get(i).rootCauses());
        }
        // what was planted is found: the cheap resources that rose, or the short-lived ones that ended and the ones
        // that stopped
        assertThat(fromScanned.get(1).rootCauses())
                .filteredOn(c -> c.dimension().equals("ResourceId"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.value().startsWith("ec2-a-short-")
                                || Integer.parseInt(c.value().substring("ec2-res-".length())) % 13 < 2)
                        .isTrue());
    }

    /**
     * The SKUs (three values) asked within the total, a service and a region are read in one unfiltered cube of day,
     * service, region and SKU, not one pass over the rows per request; the account (a dimension the bound leaves out
     * here) keeps its own filtered query.
     */
    @org.junit.jupiter.api.Test
    void aFewValuedCauseIsReadInOneCubeForSeveralRequests() {
        CostTable table = CostTable.of(bill(0.05, 3.0));
        List<List<Dimension>> skuQueries = new ArrayList<>();
        QueryEngine counting = new QueryEngine() {
            @Override
            public dev.costagent.core.table.QueryResult execute(dev.costagent.core.table.CostQuery query) {
                if (query.groupBy().contains(Dimension.of(FocusColumn.SKU_ID))) {
                    skuQueries.add(query.groupBy());
                }
                return table.execute(query);
            }

            @Override
            public boolean prefersFewerQueries() {
                return table.prefersFewerQueries();
            }

            @Override
            public java.util.OptionalLong distinctValues(Dimension dimension) {
                // the account counted as many-valued: the shared cube's bound leaves it out
                return dimension.label().equals("SubAccountId")
                        ? java.util.OptionalLong.of(100_000)
                        : table.distinctValues(dimension);
            }
        };
        SeriesScope scope = SeriesScope.usage();
        DailyCube scanned = new DailySeriesReader(table, scope).cube(SCANNED, scope.range(), null);
        LocalDate day = FIRST.plusDays(40);
        List<Anomaly> anomalies = List.of(
                anomaly(DailySeries.TOTAL, DailySeries.TOTAL, day, 100),
                anomaly("ServiceName", "EC2", day, 100),
                anomaly("RegionId", "us-east-1", day, 100),
                anomaly("SubAccountId", "acct-1", day, 100));
        List<Anomaly> explained = new RootCauseFinder(counting, scope, CAUSES, 3, LOOKBACK, Runnable::run)
                .explain(anomalies, scanned.axis(), null);

        assertThat(skuQueries)
                .containsExactlyInAnyOrder(
                        List.of(
                                Dimension.DAY,
                                Dimension.of(FocusColumn.SERVICE_NAME),
                                Dimension.of(FocusColumn.REGION_ID),
                                Dimension.of(FocusColumn.SKU_ID)),
                        List.of(
                                Dimension.DAY,
                                Dimension.of(FocusColumn.SUB_ACCOUNT_ID),
                                Dimension.of(FocusColumn.SKU_ID)));
        for (int i = 0; i < anomalies.size(); i++) {
            assertSameCauses(
                    explained.get(i).rootCauses(),
                    reference(table, scope, anomalies, anomalies.get(i), scanned.axis()));
        }
    }

    /** The method the finder replaced: one cube of every dimension over the window, each request ranked from it. */
    private static List<RootCause> reference(
            QueryEngine engine, SeriesScope scope, List<Anomaly> all, Anomaly a, DayAxis axis) {
        LocalDate from =
                all.stream().map(Anomaly::date).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to =
                all.stream().map(Anomaly::date).max(Comparator.naturalOrder()).orElseThrow();
        from = from.minusDays(LOOKBACK).isBefore(axis.first()) ? axis.first() : from.minusDays(LOOKBACK);
        DailyCube cube = new DailySeriesReader(engine, scope).cube(CAUSES, TimeRange.days(from, to.plusDays(1)), axis);
        int t = axis.indexOf(a.date());
        double direction = Math.signum(a.impact());
        List<RootCause> causes = new ArrayList<>();
        for (Dimension cause : CAUSES) {
            if (cause.label().equals(a.dimension())) {
                continue;
            }
            String within = a.dimension().equals(DailySeries.TOTAL) ? null : a.dimension();
            DailyCube.Coded values = cube.coded(new DailyCube.RollUp(cause.label(), within, a.value()));
            int[] candidates;
            if (values.size() > 200) {
                int[] days = {t, t - 7, t - 14};
                double[] cells = cube.cells(values, days);
                double[] proxies = new double[values.size()];
                for (int i = 0; i < proxies.length; i++) {
                    proxies[i] = (cells[i * 3] - (cells[i * 3 + 1] + cells[i * 3 + 2]) / 2) * direction;
                }
                candidates = RootCauseFinder.largest(proxies, 50);
            } else {
                candidates = java.util.stream.IntStream.range(0, values.size()).toArray();
            }
            double[][] series = cube.series(values, candidates);
            SeasonalBaseline baseline = new SeasonalBaseline(LOOKBACK);
            List<RootCause> ofCause = new ArrayList<>();
            for (int i = 0; i < candidates.length; i++) {
                double expected = baseline.expected(series[i], t);
                expected = Double.isNaN(expected) ? 0 : expected;
                double contribution = series[i][t] - expected;
                if (contribution * direction > 0 && Math.round(Math.abs(contribution) * 1e6) > 0) {
                    ofCause.add(new RootCause(
                            cause.label(),
                            values.values().get(candidates[i]),
                            series[i][t],
                            expected,
                            contribution,
                            contribution / a.impact()));
                }
            }
            ofCause.sort(Comparator.comparingDouble((RootCause c) -> -Math.abs(c.contribution())));
            causes.addAll(ofCause.subList(0, Math.min(3, ofCause.size())));
        }
        return causes;
    }

    private static void assertSameCauses(List<RootCause> actual, List<RootCause> expected) {
        // the same causes; ties (equal to a millionth) may come in either order
        Comparator<RootCause> order = Comparator.comparing(RootCause::dimension).thenComparing(RootCause::value);
        List<RootCause> a = actual.stream().sorted(order).toList();
        List<RootCause> e = expected.stream().sorted(order).toList();
        assertThat(a)
                .extracting(c -> c.dimension() + "=" + c.value())
                .containsExactlyElementsOf(
                        e.stream().map(c -> c.dimension() + "=" + c.value()).toList());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).contribution())
                    .isCloseTo(e.get(i).contribution(), org.assertj.core.api.Assertions.within(1e-6));
            assertThat(a.get(i).expected())
                    .isCloseTo(e.get(i).expected(), org.assertj.core.api.Assertions.within(1e-6));
        }
    }

    private static Anomaly anomaly(String dimension, String value, LocalDate day, double impact) {
        return new Anomaly(dimension, value, day, 0, 0, impact, null, 5, Severity.HIGH, List.of());
    }

    /**
     * Two services × two accounts × two regions × 260 resources with one to three SKUs, one row per resource, SKU and
     * day. On day 40 the cheap single-SKU EC2 resources of acct-1 ({@code r % 13 < 2}) cost {@code factor} times their
     * usual (costs differ by resource, so no two contributions tie; 3: a rise that the 50 most expensive resources of that day do not show; 0: they stopped). Three
     * short-lived resources, on day 9 (the window's first) and days 34 to 39, ended the day before: no cost on day 40 nor a week or two
     * before, so the proxy's days never show them, yet against their last week they are the largest drops, and their
     * ids come first in key order.
     */
    private static List<CostRecord> bill(double noise, double factor) {
        Random random = new Random(11);
        List<CostRecord> out = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            double weekly = day.getDayOfWeek().getValue() >= 6 ? 0.7 : 1.0;
            for (int r = 0; r < RESOURCES; r++) {
                String service = SERVICES[r % 2];
                String account = r % 4 < 2 ? "acct-1" : "acct-2";
                String region = r % 8 < 4 ? "us-east-1" : "eu-west-1";
                String id = service.toLowerCase() + "-res-" + r;
                boolean planted = service.equals("EC2") && account.equals("acct-1") && r % 13 < 2;
                int skus = planted ? 1 : 1 + r % SKUS.length;
                for (int k = 0; k < skus; k++) {
                    double cost = (5 + r % 13 + r / 1000.0) * weekly * (1 + noise * random.nextGaussian());
                    if (d == 40 && planted) {
                        cost *= factor;
                    }
                    out.add(Rows.usage(day, service, account, region, id, SKUS[k], Math.round(cost * 1e6) / 1e6));
                }
            }
            for (int i = 0; (d == 9 || (d >= 34 && d < 40)) && i < 3; i++) {
                out.add(Rows.usage(day, "EC2", "acct-1", "eu-west-1", "ec2-a-short-" + i, "sku-a", 100 + i));
            }
        }
        return out;
    }
}
