package dev.costagent.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.core.analysis.ListQueryEngine;
import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.FocusCsvWriter;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.Metric;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryException;
import dev.costagent.core.table.QueryResult;
import dev.costagent.core.table.TimeRange;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link QueryEngine} must do, as tests any engine inherits: extend this class, say how to build the engine
 * from records (or from a FOCUS CSV file, which is the default route for records), and the engine is checked against
 * the deliberately naive {@link ListQueryEngine} and against hand-computed answers: every metric, every kind of
 * {@link Dimension}, filters, time-range bounds, null keys, missing columns, the currency check and concurrent use.
 *
 * <pre>{@code
 * class MyEngineContractTest extends QueryEngineContract {
 *     protected QueryEngine engine(Path focusCsv) { return MyEngine.open(focusCsv); }
 * }
 * }</pre>
 *
 * <p>Shipped in core's test-jar ({@code <type>test-jar</type>}, scope test).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class QueryEngineContract {

    /** Money must match the reference to this relative error. */
    protected static final double RELATIVE = 1e-9;

    private static final Instant T0 = Instant.parse("2024-08-30T21:00:00Z");
    private static final String[] SERVICES = {"Amazon EC2", "Amazon S3", "AWS Lambda", "Ångström DB"};
    private static final String[] REGIONS = {"us-east-1", "eu-west-1", null};
    private static final String[] TEAMS = {"core", "data", null};
    private static final String[] ENVS = {"prod", "dev", null};

    /** Files the engines read live here until every test of the class has run (an engine may read lazily). */
    protected Path tempDir;

    private final List<AutoCloseable> opened = new ArrayList<>();
    /** The engine over {@link #records()}, built once per test class and shared by the tests that only read it. */
    private QueryEngine standard;

    /**
     * An engine over a FOCUS CSV file (every FOCUS column, or fewer for the missing-column tests; extra columns
     * after them). Engines that read files implement this one.
     */
    protected abstract QueryEngine engine(Path focusCsv) throws Exception;

    /**
     * An engine over records. By default the records are written as a FOCUS CSV file (with FocusCsvWriter, extra
     * columns in first-seen order) and handed to {@link #engine(Path)}; engines built from records override it.
     */
    protected QueryEngine engine(List<CostRecord> records) throws Exception {
        Set<String> extras = new LinkedHashSet<>();
        records.forEach(r -> extras.addAll(r.extra().keySet()));
        Path file = Files.createTempFile(tempDir, "records", ".csv");
        try (FocusCsvWriter writer = FocusCsvWriter.open(file, new ArrayList<>(extras))) {
            records.forEach(writer::write);
        }
        return engine(file);
    }

    @AfterEach
    void closeEngines() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        opened.clear();
    }

    @BeforeAll
    void createTempDir() throws Exception {
        tempDir = Files.createTempDirectory("engine-contract");
    }

    @AfterAll
    void closeStandard() throws Exception {
        if (standard != null) {
            standard.close();
        }
        try (Stream<Path> walk = Files.walk(tempDir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private synchronized QueryEngine standard() throws Exception {
        if (standard == null) {
            standard = engine(records());
        }
        return standard;
    }

    private QueryEngine open(List<CostRecord> records) throws Exception {
        QueryEngine engine = engine(records);
        opened.add(engine);
        return engine;
    }

    private QueryEngine openFile(Path file) throws Exception {
        QueryEngine engine = engine(file);
        opened.add(engine);
        return engine;
    }

    /**
     * The contract's data: 600 hourly rows over three calendar months (Aug 30 to Oct 2, 2024, UTC), four services
     * (one non-ASCII), regions and an {@code x_Team} column with nulls, tags on some rows, every metric with awkward
     * decimals, ContractedCost null on every seventh row, and one currency.
     */
    protected static List<CostRecord> records() {
        Random random = new Random(20241);
        List<CostRecord> out = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Instant start = T0.plus(Duration.ofHours(i * 131L % 800));
            Map<String, String> tags = new LinkedHashMap<>();
            String env = ENVS[i % 3];
            if (env != null) {
                tags.put("env", env);
            }
            if (i % 5 == 0) {
                tags.put("cost center", "cc-" + (i % 4));
            }
            Map<String, String> extra = new LinkedHashMap<>();
            if (TEAMS[i % 3 == 0 ? 2 : i % 2] != null) {
                extra.put("x_Team", TEAMS[i % 3 == 0 ? 2 : i % 2]);
            }
            BigDecimal cost = BigDecimal.valueOf(random.nextInt(10_000_000), 7);
            out.add(CostRecord.builder()
                    .chargePeriodStart(start)
                    .chargePeriodEnd(start.plusSeconds(3600))
                    .billingPeriodStart(Instant.parse("2024-09-01T00:00:00Z"))
                    .billingPeriodEnd(Instant.parse("2024-10-01T00:00:00Z"))
                    .billingAccountId("acct-1")
                    .billingAccountName("Main")
                    .billingCurrency("USD")
                    .chargeCategory(i % 11 == 0 ? "Purchase" : "Usage")
                    .serviceName(SERVICES[i % SERVICES.length])
                    .serviceCategory("Compute")
                    .providerName("AWS")
                    .publisherName("AWS")
                    .invoiceIssuerName("AWS")
                    .subAccountId("sub-" + (i % 4))
                    .regionId(REGIONS[i % REGIONS.length])
                    .resourceId("r-" + (i % 23))
                    .skuId("sku-" + (i % 3))
                    .effectiveCost(cost)
                    .billedCost(cost.multiply(BigDecimal.valueOf(11, 1)))
                    .listCost(cost.add(BigDecimal.valueOf(1, 9)))
                    .contractedCost(i % 7 == 0 ? null : cost.add(BigDecimal.ONE))
                    .pricingQuantity(BigDecimal.valueOf(i % 9, 1))
                    .consumedQuantity(BigDecimal.valueOf(i % 13, 2))
                    .pricingUnit("Hours")
                    .tags(tags)
                    .extra(extra)
                    .build());
        }
        return out;
    }

    static Stream<Arguments> groupings() {
        return Stream.<List<Dimension>>of(
                        List.of(),
                        List.of(Dimension.HOUR),
                        List.of(Dimension.DAY),
                        List.of(Dimension.MONTH),
                        List.of(Dimension.of(FocusColumn.SERVICE_NAME)),
                        List.of(Dimension.of(FocusColumn.REGION_ID)),
                        List.of(Dimension.column("x_Team")),
                        List.of(Dimension.tag("env")),
                        List.of(Dimension.tag("cost center")),
                        List.of(Dimension.tag("absent-key")),
                        List.of(Dimension.MONTH, Dimension.of(FocusColumn.SERVICE_NAME), Dimension.tag("env")),
                        List.of(Dimension.of(FocusColumn.REGION_ID), Dimension.DAY, Dimension.column("x_Team")))
                .flatMap(g -> Stream.of(Metric.values()).map(m -> Arguments.of(m, g)));
    }

    /** Every metric by every kind of dimension: the same groups, keys, order, row counts and sums as the reference. */
    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("groupings")
    void groupsMatchTheReference(Metric metric, List<Dimension> groupBy) throws Exception {
        List<CostRecord> records = records();
        CostQuery query = CostQuery.builder().metric(metric).groupBy(groupBy).build();
        assertSame(standard().execute(query), new ListQueryEngine(records).execute(query));
    }

    static Stream<List<Filter>> filters() {
        Dimension service = Dimension.of(FocusColumn.SERVICE_NAME);
        Dimension region = Dimension.of(FocusColumn.REGION_ID);
        return Stream.<List<Filter>>of(
                List.of(Filter.in(service, "Amazon EC2")),
                List.of(Filter.in(service, "Amazon EC2", "Ångström DB", "no such service")),
                List.of(Filter.notIn(service, "Amazon EC2")),
                List.of(Filter.in(region, (String) null)),
                List.of(Filter.notIn(region, (String) null)),
                List.of(Filter.in(region, "us-east-1", null)),
                List.of(Filter.notIn(region, "us-east-1", null)),
                List.of(Filter.in(Dimension.tag("env"), "prod")),
                List.of(Filter.notIn(Dimension.tag("env"), "prod")),
                List.of(Filter.in(Dimension.tag("env"), (String) null)),
                List.of(Filter.in(Dimension.column("x_Team"), "data")),
                List.of(Filter.in(Dimension.DAY, "2024-09-01", "2024-09-15")),
                List.of(Filter.notIn(Dimension.MONTH, "2024-09")),
                List.of(Filter.in(Dimension.HOUR, "2024-08-30T21")),
                List.of(new Filter(service, Set.of(), false)),
                List.of(new Filter(service, Set.of(), true)),
                List.of(
                        Filter.in(service, "Amazon S3", "AWS Lambda"),
                        Filter.notIn(Dimension.tag("env"), "dev"),
                        Filter.in(Dimension.MONTH, "2024-09", "2024-10")));
    }

    /** Filters on columns, tags and time buckets, with nulls, inclusion and exclusion, alone and together. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void filtersMatchTheReference(List<Filter> filters) throws Exception {
        List<CostRecord> records = records();
        QueryEngine engine = standard();
        ListQueryEngine reference = new ListQueryEngine(records);
        for (List<Dimension> groupBy : List.of(List.<Dimension>of(), List.of(Dimension.DAY, Dimension.tag("env")))) {
            CostQuery.Builder query = CostQuery.builder().groupBy(groupBy);
            filters.forEach(query::filter);
            assertSame(engine.execute(query.build()), reference.execute(query.build()));
        }
    }

    /**
     * {@link QueryEngine#prepare} is a hint: on a fresh engine, after preparing any kind of dimension (one the input
     * lacks too), every answer is the reference's.
     */
    @Test
    void preparingChangesNoAnswer() throws Exception {
        List<CostRecord> records = records();
        QueryEngine engine = open(records);
        engine.prepare(List.of(
                Dimension.of(FocusColumn.RESOURCE_ID),
                Dimension.of(FocusColumn.SERVICE_NAME),
                Dimension.tag("env"),
                Dimension.DAY,
                Dimension.column("x_Team"),
                Dimension.column("x_NoSuchColumn")));
        ListQueryEngine reference = new ListQueryEngine(records);
        for (CostQuery query : List.of(
                CostQuery.builder()
                        .groupBy(Dimension.of(FocusColumn.RESOURCE_ID), Dimension.DAY)
                        .build(),
                CostQuery.builder()
                        .groupBy(Dimension.of(FocusColumn.SERVICE_NAME), Dimension.tag("env"))
                        .filter(Filter.in(Dimension.of(FocusColumn.RESOURCE_ID), "r-1", "r-2"))
                        .build())) {
            assertSame(engine.execute(query), reference.execute(query));
        }
    }

    /** The range is half-open on ChargePeriodStart: the start is in, the end is out. */
    @Test
    void rangeIncludesItsStartAndExcludesItsEnd() throws Exception {
        List<CostRecord> records = records();
        QueryEngine engine = standard();
        Instant start = Instant.parse("2024-09-10T05:00:00Z");
        Instant end = Instant.parse("2024-09-12T05:00:00Z");
        long atStart = records.stream()
                .filter(r -> r.chargePeriodStart().equals(start))
                .count();
        long atEnd =
                records.stream().filter(r -> r.chargePeriodStart().equals(end)).count();
        assertThat(atStart).as("the data has rows exactly at the bounds").isPositive();
        assertThat(atEnd).isPositive();

        CostQuery query = CostQuery.builder()
                .groupBy(Dimension.HOUR)
                .range(new TimeRange(start, end))
                .build();
        QueryResult result = engine.execute(query);
        assertSame(result, new ListQueryEngine(records).execute(query));
        assertThat(result.groups().get(0).key(0)).isEqualTo("2024-09-10T05");
        assertThat(result.groups()).extracting(g -> g.key(0)).doesNotContain("2024-09-12T05");
    }

    /** Fractional bounds: rows start on whole seconds, so a start half a second late skips a row at the whole second
     *  and an end half a second late keeps it. */
    @Test
    void fractionalBoundsKeepExactlyTheRowsTheRangeContains() throws Exception {
        List<CostRecord> records = records();
        QueryEngine engine = standard();
        ListQueryEngine reference = new ListQueryEngine(records);
        Instant at = Instant.parse("2024-09-10T05:00:00Z");
        Instant later = Instant.parse("2024-09-20T05:00:00Z");
        for (TimeRange range : List.of(
                new TimeRange(at.plusMillis(500), later),
                new TimeRange(at.minusNanos(1), later.plusNanos(1)),
                new TimeRange(at, later.plusMillis(500)),
                new TimeRange(at.plusNanos(999_999_999), later.minusNanos(1)),
                new TimeRange(at, at),
                TimeRange.days(LocalDate.of(2024, 9, 1), LocalDate.of(2024, 10, 1)),
                new TimeRange(Instant.MIN, at),
                new TimeRange(at, Instant.MAX),
                new TimeRange(Instant.parse("2030-01-01T00:00:00Z"), Instant.MAX))) {
            CostQuery query =
                    CostQuery.builder().groupBy(Dimension.DAY).range(range).build();
            assertSame(engine.execute(query), reference.execute(query));
        }
    }

    /** A row without a value for a dimension groups under a {@code null} key, which sorts first. */
    @Test
    void nullKeysGroupTogetherAndSortFirst() throws Exception {
        QueryEngine engine = standard();
        for (Dimension dimension :
                List.of(Dimension.of(FocusColumn.REGION_ID), Dimension.column("x_Team"), Dimension.tag("env"))) {
            QueryResult result =
                    engine.execute(CostQuery.builder().groupBy(dimension).build());
            assertThat(result.groups().get(0).key(0)).as("%s", dimension).isNull();
            assertThat(result.groups().stream().filter(g -> g.key(0) == null)).hasSize(1);
            assertThat(result.groups().get(0).rows()).isPositive();
        }
        QueryResult absent = engine.execute(
                CostQuery.builder().groupBy(Dimension.tag("absent-key")).build());
        assertThat(absent.groups()).singleElement().satisfies(g -> {
            assertThat(g.key(0)).isNull();
            assertThat(g.rows()).isEqualTo(600);
        });
    }

    /** A metric that is null on a row adds nothing but the row still counts. */
    @Test
    void aNullMetricCountsTheRowAndAddsNothing() throws Exception {
        List<CostRecord> records = records();
        QueryResult contracted = standard()
                .execute(CostQuery.builder().metric(Metric.CONTRACTED_COST).build());
        BigDecimal exact = records.stream()
                .map(CostRecord::contractedCost)
                .filter(v -> v != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(contracted.rows()).isEqualTo(600);
        assertClose(contracted.total(), exact.doubleValue(), "ContractedCost total");
    }

    /** Totals equal the exact decimal sums to 1e-9 relative, grouped or not. */
    @Test
    void totalsEqualExactDecimalSums() throws Exception {
        List<CostRecord> records = records();
        QueryEngine engine = standard();
        BigDecimal exact = records.stream().map(CostRecord::effectiveCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertClose(engine.execute(CostQuery.builder().build()).total(), exact.doubleValue(), "total");
        QueryResult byHour =
                engine.execute(CostQuery.builder().groupBy(Dimension.HOUR).build());
        assertClose(byHour.total(), exact.doubleValue(), "total by hour");
        assertClose(
                byHour.groups().stream().mapToDouble(QueryResult.Group::value).sum(),
                exact.doubleValue(),
                "sum of groups");
        assertThat(byHour.rows()).isEqualTo(600);
    }

    /** A column the input lacks is an error naming it, for a group, a filter or the metric; an absent tag key is
     *  not (tags are open-ended), it is null on every row. */
    @Test
    void aMissingColumnIsAnErrorNamingIt() throws Exception {
        // The mandatory columns only: no RegionId, ResourceId, ConsumedQuantity, Tags or x_ column.
        Path file = FocusCsv.standard()
                .row("ServiceName", "Amazon EC2")
                .row("ServiceName", "Amazon S3", "EffectiveCost", "2")
                .write(tempDir.resolve("narrow.csv"));
        QueryEngine engine = openFile(file);

        assertThat(engine.execute(CostQuery.builder()
                                .groupBy(Dimension.of(FocusColumn.SERVICE_NAME))
                                .build())
                        .total())
                .isEqualTo(3.25);
        for (CostQuery query : List.of(
                CostQuery.builder().groupBy(Dimension.of(FocusColumn.REGION_ID)).build(),
                CostQuery.builder().groupBy(Dimension.column("x_Team")).build(),
                CostQuery.builder()
                        .filter(Filter.in(Dimension.of(FocusColumn.RESOURCE_ID), "r-1"))
                        .build(),
                CostQuery.builder()
                        .filter(Filter.notIn(Dimension.column("x_Team"), "core"))
                        .build())) {
            String name = query.groupBy().isEmpty()
                    ? query.filters().get(0).dimension().name()
                    : query.groupBy().get(0).name();
            assertThatThrownBy(() -> engine.execute(query))
                    .isInstanceOf(QueryException.class)
                    .hasMessageContaining("column " + name + " is absent from the input");
        }
        assertThatThrownBy(() -> engine.execute(
                        CostQuery.builder().metric(Metric.CONSUMED_QUANTITY).build()))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("column ConsumedQuantity is absent from the input");
        assertThat(engine.execute(CostQuery.builder()
                                .groupBy(Dimension.tag("env"))
                                .build())
                        .groups())
                .singleElement()
                .satisfies(g -> assertThat(g.key(0)).isNull());
    }

    /** Money in several currencies is never added up: group by BillingCurrency or filter to exactly one. */
    @Test
    void mixedCurrenciesAreRefusedUnlessGroupedOrFilteredToOne() throws Exception {
        List<CostRecord> records = new ArrayList<>(records());
        for (int i = 0; i < records.size(); i += 10) {
            records.set(i, records.get(i).toBuilder().billingCurrency("EUR").build());
        }
        QueryEngine engine = open(records);
        ListQueryEngine reference = new ListQueryEngine(records);
        Dimension currency = Dimension.of(FocusColumn.BILLING_CURRENCY);

        for (CostQuery refused : List.of(
                CostQuery.builder().build(),
                CostQuery.builder().groupBy(Dimension.DAY).build(),
                CostQuery.builder()
                        .metric(Metric.LIST_COST)
                        .filter(Filter.in(currency, "USD", "EUR"))
                        .build(),
                CostQuery.builder().filter(Filter.notIn(currency, "EUR")).build(),
                CostQuery.builder()
                        .filter(Filter.in(Dimension.of(FocusColumn.SERVICE_NAME), "Amazon S3"))
                        .build())) {
            assertThatThrownBy(() -> engine.execute(refused))
                    .as("%s", refused)
                    .isInstanceOf(QueryException.class)
                    .hasMessageContaining("mixed BillingCurrency")
                    .hasMessageContaining("EUR")
                    .hasMessageContaining("USD");
        }
        for (CostQuery allowed : List.of(
                CostQuery.builder().groupBy(currency).build(),
                CostQuery.builder().groupBy(Dimension.DAY, currency).build(),
                CostQuery.builder().filter(Filter.in(currency, "EUR")).build(),
                CostQuery.builder().metric(Metric.PRICING_QUANTITY).build(),
                CostQuery.builder()
                        .metric(Metric.CONSUMED_QUANTITY)
                        .groupBy(Dimension.MONTH)
                        .build())) {
            assertSame(engine.execute(allowed), reference.execute(allowed));
        }
    }

    /** The result carries the query it answers. */
    @Test
    void theResultCarriesItsQuery() throws Exception {
        CostQuery query = CostQuery.builder().groupBy(Dimension.MONTH).build();
        assertThat(open(records()).execute(query).query()).isEqualTo(query);
    }

    /** Many threads at once get the answers one thread gets. */
    @Test
    void concurrentQueriesGiveTheSameAnswers() throws Exception {
        List<CostRecord> records = records();
        QueryEngine engine = open(records);
        ListQueryEngine reference = new ListQueryEngine(records);
        List<CostQuery> queries = groupings()
                .map(a -> CostQuery.builder()
                        .metric((Metric) a.get()[0])
                        .groupBy(castDimensions(a.get()[1]))
                        .build())
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<QueryResult>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (CostQuery q : queries) {
                    futures.add(pool.submit(() -> engine.execute(q)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                CostQuery q = queries.get(i % queries.size());
                assertSame(futures.get(i).get(), reference.execute(q));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Dimension> castDimensions(Object list) {
        return (List<Dimension>) list;
    }

    /** Same query, same keys in the same order, same row counts, sums within {@link #RELATIVE}. */
    protected static void assertSame(QueryResult actual, QueryResult expected) {
        assertThat(actual.query()).isEqualTo(expected.query());
        assertThat(actual.groups())
                .extracting(QueryResult.Group::key)
                .as("group keys of %s", expected.query())
                .containsExactlyElementsOf(
                        expected.groups().stream().map(QueryResult.Group::key).toList());
        assertThat(actual.groups())
                .extracting(QueryResult.Group::rows)
                .containsExactlyElementsOf(
                        expected.groups().stream().map(QueryResult.Group::rows).toList());
        for (int i = 0; i < expected.groups().size(); i++) {
            assertClose(
                    actual.groups().get(i).value(),
                    expected.groups().get(i).value(),
                    "group " + expected.groups().get(i).key());
        }
        assertClose(actual.total(), expected.total(), "total of " + expected.query());
        assertThat(actual.rows()).isEqualTo(expected.rows());
    }

    /** Equal to {@link #RELATIVE} relative (absolute near zero). */
    protected static void assertClose(double actual, double expected, String what) {
        double scale = Math.max(Math.abs(expected), 1e-9);
        assertThat(Math.abs(actual - expected) / scale)
                .as("%s: %s vs %s", what, actual, expected)
                .isLessThanOrEqualTo(RELATIVE);
    }
}
