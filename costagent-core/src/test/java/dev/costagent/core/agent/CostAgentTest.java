package dev.costagent.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.narrate.NarrativeSource;
import dev.costagent.core.recommend.Fleet;
import dev.costagent.core.recommend.RecommendationResult;
import dev.costagent.core.recommend.model.RecommendationType;
import dev.costagent.core.source.CostSource;
import dev.costagent.core.source.RecordsSource;
import dev.costagent.core.table.CostTable;
import dev.costagent.core.table.QueryEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CostAgentTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-10-01T00:00:00Z"), ZoneOffset.UTC);
    private static Fleet fleet;
    private static CostTable table;

    @BeforeAll
    static void buildFleet() {
        fleet = new Fleet()
                .compute("i-idle", "m5.xlarge", 0.192, "prod", 2, null)
                .compute("i-over", "m5.2xlarge", 0.384, "prod", 15, null)
                .compute("i-dev", "c5.xlarge", 0.17, "dev", 60, null)
                .compute("i-healthy", "m5.xlarge", 0.192, "prod", 60, null)
                .unusedCommitment("sp-1", 0.5, 1.5);
        table = CostTable.of(fleet.records());
    }

    /** A source handing out a prebuilt table, counting loads, optionally waiting for a latch first. */
    static final class TableSource implements CostSource {
        final AtomicInteger loads = new AtomicInteger();
        final CostTable table;
        final CountDownLatch gate;
        volatile String version = "v1";

        TableSource(CostTable table, CountDownLatch gate) {
            this.table = table;
            this.gate = gate;
        }

        @Override
        public String id() {
            return "test:fleet";
        }

        @Override
        public String version() {
            return version;
        }

        @Override
        public CostTable load(ReadOptions options) {
            loads.incrementAndGet();
            if (gate != null) {
                try {
                    gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return table;
        }
    }

    private static CostAgent.Builder agent(CostSource source) {
        return CostAgent.builder().source(source).utilization(fleet.series()).clock(CLOCK);
    }

    /** What must be identical between runs: everything except run id and timings. */
    private static List<Object> content(Report r) {
        return List.of(
                r.summary(),
                r.overview(),
                r.utilization(),
                r.recommendations(),
                r.narratives(),
                r.warnings(),
                r.generatedAt());
    }

    @Test
    void theRulesSharedQueriesAreStartedDuringTheAnalysesAndNotAskedAgain() {
        // an executor that runs each task at once on the submitting thread makes the order deterministic: the
        // per-resource query runs when the analyses hand the shared queries to the executor, before they end
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        QueryEngine recording = new QueryEngine() {
            @Override
            public dev.costagent.core.table.QueryResult execute(dev.costagent.core.table.CostQuery query) {
                events.add("query " + query.groupBy());
                return table.execute(query);
            }

            @Override
            public dev.costagent.core.table.DataProfile profile() {
                return table.profile();
            }
        };
        CostSource source = new CostSource() {
            @Override
            public String id() {
                return "test:recorded";
            }

            @Override
            public String version() {
                return "v1";
            }

            @Override
            public QueryEngine load(ReadOptions options) {
                return recording;
            }
        };
        RunListener listener = new RunListener() {
            @Override
            public void stageFinished(String runId, StageTiming timing) {
                events.add("end " + timing.stage().label());
            }
        };
        java.util.concurrent.ExecutorService direct =
                com.google.common.util.concurrent.MoreExecutors.newDirectExecutorService();
        try (CostAgent agent = agent(source)
                .executor(direct)
                .recommendationQueriesAhead(true)
                .listener(listener)
                .build()) {
            Report report = agent.run();
            assertThat(content(report))
                    .isEqualTo(
                            content(agent(new TableSource(table, null)).build().run()));
        }
        int perResource = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).startsWith("query [ResourceId, ServiceCategory")) {
                assertThat(perResource).as("asked once").isEqualTo(-1);
                perResource = i;
            }
        }
        assertThat(perResource).isNotNegative().isLessThan(events.indexOf("end " + Stage.ANALYZE.label()));

        // turned off, the recommend stage asks them itself
        events.clear();
        try (CostAgent agent = agent(source)
                .executor(direct)
                .recommendationQueriesAhead(false)
                .listener(listener)
                .build()) {
            agent.run();
        }
        assertThat(events.stream().filter(e -> e.startsWith("query [ResourceId, ServiceCategory")))
                .hasSize(1);
        assertThat(events.indexOf("end " + Stage.ANALYZE.label()))
                .isLessThan(events.indexOf(events.stream()
                        .filter(e -> e.startsWith("query [ResourceId, ServiceCategory"))
                        .findFirst()
                        .orElseThrow()));
    }

    @Test
    void aRunCollectsAnalyzesRecommendsAndExplains() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        RunListener listener = new RunListener() {
            @Override
            public void stageStarted(String runId, Stage stage) {
                events.add("start " + stage.label());
            }

            @Override
            public void stageFinished(String runId, StageTiming timing) {
                events.add("end " + timing.stage().label());
            }

            @Override
            public void runFinished(Report report) {
                events.add("finished");
            }
        };
        try (CostAgent agent =
                agent(new TableSource(table, null)).listener(listener).build()) {
            Report report = agent.run();
            assertThat(report.summary().rows()).isEqualTo(table.rowCount());
            assertThat(report.summary().currency()).isEqualTo("USD");
            assertThat(report.generatedAt()).isEqualTo("2024-10-01T00:00:00Z");
            assertThat(report.recommendations())
                    .extracting(r -> r.type() + ":" + r.resourceId())
                    .contains("TERMINATE_IDLE:i-idle", "RIGHTSIZE:i-over", "SCHEDULE:i-dev", "UNUSED_COMMITMENT:sp-1")
                    .noneMatch(s -> s.endsWith(":i-healthy"));
            assertThat(report.utilization()).hasSize(4);
            assertThat(report.overview().daily()).hasSize(Fleet.DAYS);
            assertThat(report.overview().forecast()).isNotEmpty();
            assertThat(report.analyses().forecast()).isNotNull();
            assertThat(report.analyses().trends()).isNotNull();
            assertThat(report.analyses().commitments()).isNotNull();
            assertThat(report.analyses().utilization()).hasSize(4);
            assertThat(report.narratives())
                    .isNotEmpty()
                    .allSatisfy(n -> assertThat(n.source()).isEqualTo(NarrativeSource.TEMPLATE));
            assertThat(report.narratives()).extracting(n -> n.subject()).contains("summary");
            assertThat(report.timings()).extracting(StageTiming::stage).containsExactly(Stage.values());
            assertThat(events)
                    .containsExactly(
                            "start ingest",
                            "end ingest",
                            "start analyze",
                            "end analyze",
                            "start recommend",
                            "end recommend",
                            "start narrate",
                            "end narrate",
                            "finished");
        }
    }

    @Test
    void tablesAndAnalysesAreCachedBySourceIdAndVersion() {
        TableSource source = new TableSource(table, null);
        try (CostAgent agent = agent(source).build()) {
            Report first = agent.run();
            Report second = agent.run();
            assertThat(source.loads).hasValue(1);
            assertThat(second.timings().get(0).cached()).isTrue();
            assertThat(second.timings().get(1).cached()).isTrue();
            assertThat(content(second)).isEqualTo(content(first));
            AgentCacheStats stats = agent.cacheStats();
            assertThat(stats.tables().loads()).isEqualTo(1);
            assertThat(stats.tables().misses()).isEqualTo(1);
            assertThat(stats.tables().hits()).isEqualTo(1);
            assertThat(stats.analyses().loads()).isEqualTo(1);
            assertThat(stats.analyses().hits()).isEqualTo(1);
            assertThat(stats.tables().entries()).isEqualTo(1);

            source.version = "v2"; // the data changed
            Report third = agent.run();
            assertThat(source.loads).hasValue(2);
            assertThat(third.timings().get(0).cached()).isFalse();
            assertThat(agent.cacheStats().tables().loads()).isEqualTo(2);
        }
    }

    @Test
    void fiftyConcurrentRunsEqualTheSequentialRun() throws Exception {
        try (CostAgent agent = agent(new TableSource(table, null)).build()) {
            List<Object> sequential = content(agent.run());
            List<CompletableFuture<Report>> async = new ArrayList<>();
            ExecutorService callers = Executors.newFixedThreadPool(8);
            List<Future<Report>> sync = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                async.add(agent.runAsync());
                sync.add(callers.submit(() -> agent.run()));
            }
            for (CompletableFuture<Report> f : async) {
                assertThat(content(f.get(60, TimeUnit.SECONDS))).isEqualTo(sequential);
            }
            for (Future<Report> f : sync) {
                assertThat(content(f.get(60, TimeUnit.SECONDS))).isEqualTo(sequential);
            }
            callers.shutdown();
        }
    }

    @Test
    void thirtyConcurrentRecommendationGenerationsEqualTheSequentialOne() throws Exception {
        try (CostAgent agent = agent(new TableSource(table, null)).build()) {
            RecommendationResult sequential = agent.recommend();
            assertThat(sequential.recommendations()).isNotEmpty();
            ExecutorService callers = Executors.newFixedThreadPool(30);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RecommendationResult>> results = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                results.add(callers.submit(() -> {
                    start.await();
                    return agent.recommend();
                }));
            }
            start.countDown();
            for (Future<RecommendationResult> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(sequential);
            }
            callers.shutdown();
        }
    }

    @Test
    void severalSourcesAnswerAsOne() {
        List<CostRecord> records = fleet.records();
        List<CostRecord> firstHalf = records.subList(0, records.size() / 2);
        List<CostRecord> secondHalf = records.subList(records.size() / 2, records.size());
        try (CostAgent one = agent(new TableSource(table, null)).build();
                CostAgent two = CostAgent.builder()
                        .utilization(fleet.series())
                        .clock(CLOCK)
                        .source(RecordsSource.of("a", firstHalf))
                        .source(RecordsSource.of("b", secondHalf))
                        .build()) {
            Report single = one.run();
            Report split = two.run();
            assertThat(split.summary().rows()).isEqualTo(single.summary().rows());
            assertThat(split.recommendations())
                    .extracting(r -> r.id() + "=" + r.monthlySavings())
                    .isEqualTo(single.recommendations().stream()
                            .map(r -> r.id() + "=" + r.monthlySavings())
                            .toList());
        }
    }

    @Test
    void aRunPastItsDeadlineFailsAtTheDeadlineWithoutWaitingForTheStage() {
        CountDownLatch gate = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void runFailed(String runId, Throwable cause) {
                failures.add(cause);
            }
        };
        try (CostAgent agent =
                agent(new TableSource(table, gate)).listener(listener).build()) {
            CompletableFuture<Report> run = agent.runAsync(Duration.ofMillis(200));
            await().atMost(Duration.ofSeconds(10)).until(run::isDone);
            assertThatThrownBy(run::join)
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(RunDeadlineExceededException.class)
                    .hasMessageContaining("deadline of 200 ms");
            gate.countDown(); // the blocked ingest finishes; the run notices it is over and stops
            await().atMost(Duration.ofSeconds(10)).until(() -> !failures.isEmpty());
        }
    }

    @Test
    void manyRunsWithTinyDeadlinesOnABusyAgentAllEndAndLeaveItUsable() {
        CountDownLatch gate = new CountDownLatch(1);
        TableSource slow = new TableSource(table, gate);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try (CostAgent agent = agent(slow).executor(two).build()) {
            List<CompletableFuture<Report>> runs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                runs.add(agent.runAsync(Duration.ofMillis(50)));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.stream().allMatch(CompletableFuture::isDone));
            assertThat(runs).allSatisfy(f -> assertThat(f).isCompletedExceptionally());
            gate.countDown();
            // Once the data is loaded, runs succeed again on the same agent and executor.
            Report report = agent.runAsync(Duration.ofSeconds(60)).join();
            assertThat(report.recommendations()).isNotEmpty();
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void aCancelledRunStopsAtItsNextCheck() {
        CountDownLatch gate = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Stage> started = new CopyOnWriteArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void stageStarted(String runId, Stage stage) {
                started.add(stage);
            }

            @Override
            public void runFailed(String runId, Throwable cause) {
                failures.add(cause);
            }
        };
        try (CostAgent agent =
                agent(new TableSource(table, gate)).listener(listener).build()) {
            CompletableFuture<Report> run = agent.runAsync(null);
            await().atMost(Duration.ofSeconds(10)).until(() -> started.contains(Stage.INGEST));
            assertThat(run.cancel(true)).isTrue();
            gate.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> !failures.isEmpty());
            assertThat(failures.get(0))
                    .isInstanceOf(CancellationException.class)
                    .hasMessageContaining("cancelled");
            assertThat(started).containsExactly(Stage.INGEST);
        }
    }

    @Test
    void mixedCurrenciesAcrossSourcesAreAClearError() {
        CostRecord eur =
                fleet.records().get(0).toBuilder().billingCurrency("EUR").build();
        try (CostAgent agent = CostAgent.builder()
                .source(new TableSource(table, null))
                .source(RecordsSource.of("eur", List.of(eur)))
                .build()) {
            assertThatThrownBy(agent::run)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("mix billing currencies");
        }
    }

    @Test
    void aFailingListenerNeverFailsARun() {
        RunListener broken = new RunListener() {
            @Override
            public void stageStarted(String runId, Stage stage) {
                throw new IllegalStateException("metrics backend down");
            }
        };
        try (CostAgent agent =
                agent(new TableSource(table, null)).listener(broken).build()) {
            assertThat(agent.run().recommendations()).anyMatch(r -> r.type() == RecommendationType.RIGHTSIZE);
        }
    }

    @AfterAll
    static void release() {
        table = null;
    }
}
