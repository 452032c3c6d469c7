package dev.costagent.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costagent.core.analysis.anomaly.AnomalyScan;
import dev.costagent.core.analysis.utilization.UtilizationVerdict;
import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.table.CostTable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AnalyzerTest {
    private static final LocalDate FIRST = LocalDate.of(2024, 8, 1);

    private static List<CostRecord> bill() {
        List<CostRecord> rows = new ArrayList<>(SyntheticBill.rows(
                FIRST, 48, 0.03, 5, List.of(new SyntheticBill.Plant(44, "RDS", "acct-1", "us-east-1", 2, 10))));
        rows.add(Rows.row(FIRST.plusDays(10), "Purchase", "EC2", "acct-1", "us-east-1", null, "sp", 5000)
                .build());
        return rows;
    }

    @Test
    void theMainSeriesHookRunsOnceAfterTheMainSeriesAndBeforeTheRootCauses() {
        // the agent starts the rules' shared queries from this hook: it must come once the main series are read and
        // before the single-threaded rest (partial day, scan, root-cause cube)
        List<String> asked = java.util.Collections.synchronizedList(new ArrayList<>());
        ListQueryEngine rows = new ListQueryEngine(bill());
        dev.costagent.core.table.QueryEngine recording = new dev.costagent.core.table.QueryEngine() {
            @Override
            public dev.costagent.core.table.QueryResult execute(dev.costagent.core.table.CostQuery query) {
                asked.add(query.groupBy().toString());
                return rows.execute(query);
            }

            @Override
            public dev.costagent.core.table.DataProfile profile() {
                return rows.profile();
            }
        };
        List<List<String>> askedBeforeHook = new ArrayList<>();

        AnalysisReport report = Analyzer.builder()
                .executor(Runnable::run)
                .build()
                .analyze(recording, () -> askedBeforeHook.add(List.copyOf(asked)));

        assertThat(report.anomalies()).isNotEmpty(); // so the root-cause cube was asked
        assertThat(askedBeforeHook).hasSize(1);
        assertThat(askedBeforeHook.get(0)).contains("[day, ServiceName, SubAccountId, RegionId]");
        assertThat(askedBeforeHook.get(0)).noneMatch(q -> q.startsWith("[day, ServiceName, SubAccountId, RegionId, "));
        assertThat(asked).anyMatch(q -> q.startsWith("[day, ServiceName, SubAccountId, RegionId, "));
    }

    @Test
    void reportCarriesEveryAnalysisAndSerializesToTheCliContract() throws Exception {
        ListQueryEngine engine = new ListQueryEngine(bill());
        AnalysisReport report = Analyzer.defaults().analyze(engine);

        assertThat(report.days()).isEqualTo(48);
        assertThat(report.lastDay()).isEqualTo(FIRST.plusDays(47));
        assertThat(report.scope()).isEqualTo("ChargeCategory in [Usage]");
        assertThat(report.warnings()).isEmpty();
        assertThat(report.anomalyStatus()).isEqualTo(AnomalyScan.Status.OK);
        // the purchase of 5000 is not usage: no anomaly on day 10
        assertThat(report.anomalies()).noneMatch(a -> a.date().equals(FIRST.plusDays(10)));
        // one event, reported on the broadest series that saw it (the total), RDS among the series that saw it
        assertThat(report.anomalies())
                .anyMatch(a -> a.covers("ServiceName", "RDS") && a.date().equals(FIRST.plusDays(44)));
        assertThat(report.total())
                .isCloseTo(
                        engine.execute(dev.costagent.core.analysis.series.SeriesScope.usage()
                                        .query()
                                        .build())
                                .total(),
                        within(1e-6));
        assertThat(report.breakdowns())
                .extracting(b -> b.dimension())
                .containsExactly("ServiceName", "SubAccountId", "RegionId");

        ObjectMapper json = new ObjectMapper();
        JsonNode tree = json.readTree(json.writeValueAsString(report.withUtilization(List.of(new UtilizationVerdict(
                "i-1",
                UtilizationVerdict.Verdict.IDLE,
                1,
                2,
                3,
                4,
                100,
                Duration.ofHours(40),
                false,
                "CPU p95 2.00% ≤ 5%")))));
        JsonNode anomaly = tree.get("anomalies").get(0);
        for (String key :
                List.of("dimension", "value", "date", "actual", "expected", "impact", "severity", "rootCauses")) {
            assertThat(anomaly.has(key)).as(key).isTrue();
        }
        assertThat(anomaly.get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        JsonNode forecast = tree.get("forecast");
        for (String key : List.of("monthToDate", "endOfMonth", "lower80", "upper80", "lower95", "upper95")) {
            assertThat(forecast.get(key).isNumber()).as(key).isTrue();
        }
        assertThat(tree.get("trends").has("weekOverWeek")).isTrue();
        assertThat(tree.get("commitments").has("coverage")).isTrue();
        assertThat(tree.get("utilization").get(0).get("span").asText()).isEqualTo("PT40H");
        JsonNode daily = tree.get("dailyTotal");
        assertThat(daily.get("axis").get("first").asText()).isEqualTo("2024-08-01");
        assertThat(daily.get("values")).hasSize(48);
        assertThat(daily.has("total")).isFalse();
    }

    @Test
    void costTableAndTheReferenceEngineGiveTheSameReport() {
        List<CostRecord> rows = bill();
        AnalysisReport reference = Analyzer.defaults().analyze(new ListQueryEngine(rows));
        AnalysisReport table = Analyzer.defaults().analyze(CostTable.of(rows));
        assertThat(table.days()).isEqualTo(reference.days());
        assertThat(table.total()).isCloseTo(reference.total(), within(1e-6));
        assertThat(table.forecast().endOfMonth()).isCloseTo(reference.forecast().endOfMonth(), within(1e-6));
        assertThat(table.anomalies())
                .extracting(a -> a.dimension() + "=" + a.value() + "@" + a.date())
                .containsExactlyElementsOf(reference.anomalies().stream()
                        .map(a -> a.dimension() + "=" + a.value() + "@" + a.date())
                        .toList());
        assertThat(table.anomalies().get(0).rootCauses())
                .extracting(c -> c.value())
                .containsExactlyElementsOf(reference.anomalies().get(0).rootCauses().stream()
                        .map(c -> c.value())
                        .toList());
    }

    @Test
    void concurrentRunsOnOneEngineGiveTheSameReport() throws Exception {
        ListQueryEngine engine = new ListQueryEngine(bill());
        Analyzer analyzer = Analyzer.defaults();
        ObjectMapper json = new ObjectMapper();
        String expected = json.writeValueAsString(analyzer.analyze(engine));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                runs.add(pool.submit(() -> json.writeValueAsString(analyzer.analyze(engine))));
            }
            for (Future<String> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shortAndEmptyDataGiveWarningsNotExceptions() {
        AnalysisReport short10 =
                Analyzer.defaults().analyze(new ListQueryEngine(SyntheticBill.rows(FIRST, 10, 0.03, 1, List.of())));
        assertThat(short10.anomalyStatus()).isEqualTo(AnomalyScan.Status.INSUFFICIENT_HISTORY);
        assertThat(short10.forecast().method()).contains("daily-mean");
        assertThat(short10.warnings()).anyMatch(w -> w.startsWith("anomaly scan skipped"));

        AnalysisReport empty = Analyzer.defaults().analyze(new ListQueryEngine(List.of()));
        assertThat(empty.days()).isZero();
        assertThat(empty.forecast()).isNull();
        assertThat(empty.warnings()).singleElement().asString().startsWith("no rows in scope");
    }
}
