package dev.costagent.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.recommend.model.AnomalySignal;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.core.recommend.model.RecommendationType;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.DataProfile;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryException;
import dev.costagent.core.table.QueryResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shared queries started ahead of the rules ({@link RecommendationEngine#prepare}): on the executor, with the same
 * answers, warnings and anomalies as a run that asks them itself.
 */
class PreparedRecommendationTest {

    private static final String EXECUTOR_THREAD = "prepared-queries";
    private static final Dimension RESOURCE = Dimension.of(FocusColumn.RESOURCE_ID);
    private static final Dimension PRICING = Dimension.of(FocusColumn.PRICING_CATEGORY);

    private static Fleet mixedFleet() {
        return new Fleet()
                .compute("i-idle", "m5.xlarge", 0.192, "prod", 2, null)
                .compute("i-over", "m5.2xlarge", 0.384, "prod", 15, null)
                .compute("i-dev", "c5.xlarge", 0.17, "dev", 60, null)
                .compute("i-batch", "c5.2xlarge", 0.34, "prod", 60, "batch")
                .compute("i-new", "m5.2xlarge", 0.5, "prod", -1, null, 600, Fleet.DAYS * 24)
                .gp2Volume("vol-gp2", 500)
                .unusedCommitment("sp-1", 0.5, 1.5);
    }

    /** Prepares on a thread of its own and waits until the preparation has run there. */
    private static RecommendationEngine.Prepared preparedOnItsThread(
            RecommendationEngine engine, RecommendationInput input) throws InterruptedException {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, EXECUTOR_THREAD));
        RecommendationEngine.Prepared prepared = engine.prepare(input, executor);
        executor.shutdown();
        assertThat(executor.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        return prepared;
    }

    @Test
    void aPreparedRunRecommendsWhatAnUnpreparedOneDoes() throws InterruptedException {
        RecommendationInput input = mixedFleet().input();
        RecommendationEngine engine = RecommendationEngine.defaults();

        RecommendationResult unprepared = engine.recommend(input);
        RecommendationResult prepared = engine.recommend(input, preparedOnItsThread(engine, input));

        assertThat(unprepared.recommendations()).hasSizeGreaterThan(4);
        assertThat(prepared).isEqualTo(unprepared);
    }

    @Test
    void theSharedQueriesRunOnTheExecutorAndAreNotAskedAgain() throws InterruptedException {
        Map<CostQuery, String> ranOn = new ConcurrentHashMap<>();
        Map<CostQuery, Integer> times = new ConcurrentHashMap<>();
        RecommendationInput fleet = mixedFleet().input();
        RecommendationInput input = new RecommendationInput(
                recording(fleet.billing(), ranOn, times), fleet.utilization(), List.of(), fleet.inventory());
        RecommendationEngine engine = RecommendationEngine.defaults();

        engine.recommend(input, preparedOnItsThread(engine, input));

        // the billing window, the per-resource facts, the profiles and the commitment baseline: on the executor
        assertThat(ranOn).anySatisfy((q, thread) -> {
            assertThat(q.groupBy()).containsExactly(Dimension.DAY);
            assertThat(thread).isEqualTo(EXECUTOR_THREAD);
        });
        assertThat(ranOn).anySatisfy((q, thread) -> {
            assertThat(q.groupBy()).startsWith(RESOURCE, Dimension.of(FocusColumn.SERVICE_CATEGORY));
            assertThat(thread).isEqualTo(EXECUTOR_THREAD);
        });
        assertThat(ranOn).anySatisfy((q, thread) -> {
            assertThat(q.groupBy()).containsExactly(RESOURCE, Dimension.DAY, PRICING);
            assertThat(thread).isEqualTo(EXECUTOR_THREAD);
        });
        assertThat(ranOn).anySatisfy((q, thread) -> {
            assertThat(q.groupBy()).startsWith(Dimension.HOUR, Dimension.of(FocusColumn.PROVIDER_NAME));
            assertThat(thread).isEqualTo(EXECUTOR_THREAD);
        });
        assertThat(times.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
    }

    @Test
    void anomaliesFoundAfterThePreparationReachTheRules() throws InterruptedException {
        Fleet fleet = mixedFleet();
        RecommendationEngine engine = RecommendationEngine.defaults();
        RecommendationEngine.Prepared prepared = preparedOnItsThread(engine, fleet.input()); // no anomalies yet
        RecommendationInput withAnomalies = fleet.input()
                .withAnomalies(List.of(new AnomalySignal(
                        "ServiceName",
                        "Amazon Elastic Compute Cloud",
                        LocalDate.parse("2024-09-26"),
                        1.5 * 24,
                        1.0 * 24,
                        "HIGH")));

        RecommendationResult result = engine.recommend(withAnomalies, prepared);

        assertThat(result.recommendations())
                .extracting(Recommendation::type)
                .contains(RecommendationType.INVESTIGATE_ANOMALY);
        assertThat(result).isEqualTo(engine.recommend(withAnomalies));
    }

    @Test
    void aQueryTheDataCannotAnswerIsWarnedUnderTheRuleThatAsksIt() throws InterruptedException {
        // no PricingCategory column: the profiles and the commitment baseline cannot be answered
        Fleet fleet = mixedFleet();
        QueryEngine withoutPricing = withoutColumn(fleet.input().billing(), PRICING);
        RecommendationInput input = new RecommendationInput(
                withoutPricing,
                fleet.input().utilization(),
                List.of(),
                fleet.input().inventory());
        RecommendationEngine engine = RecommendationEngine.defaults();

        RecommendationResult unprepared = engine.recommend(input);
        RecommendationResult prepared = engine.recommend(input, preparedOnItsThread(engine, input));

        assertThat(unprepared.warnings())
                .anySatisfy(w -> assertThat(w).matches("\\S+ skipped a check: column PricingCategory is absent.*"));
        assertThat(prepared).isEqualTo(unprepared);
    }

    @Test
    void aPreparationForOtherDataIsNotUsed() throws InterruptedException {
        RecommendationEngine engine = RecommendationEngine.defaults();
        RecommendationInput other = new Fleet()
                .compute("i-other", "m5.xlarge", 0.192, "prod", 2, null)
                .input();
        RecommendationInput input = mixedFleet().input();

        RecommendationResult result = engine.recommend(input, preparedOnItsThread(engine, other));

        assertThat(result).isEqualTo(engine.recommend(input));
    }

    @Test
    void withNoThreadToTakeItThePreparationRunsInTheRecommendCall() {
        RecommendationEngine engine = RecommendationEngine.defaults();
        RecommendationInput input = mixedFleet().input();

        RecommendationEngine.Prepared prepared = engine.prepare(input, task -> {
            throw new RejectedExecutionException("full");
        });

        assertThat(engine.recommend(input, prepared)).isEqualTo(engine.recommend(input));
    }

    /** Records, per query, the thread that ran it and how often it ran. */
    private static QueryEngine recording(
            QueryEngine engine, Map<CostQuery, String> ranOn, Map<CostQuery, Integer> times) {
        return new QueryEngine() {
            @Override
            public QueryResult execute(CostQuery query) {
                ranOn.put(query, Thread.currentThread().getName());
                times.merge(query, 1, Integer::sum);
                return engine.execute(query);
            }

            @Override
            public DataProfile profile() {
                return engine.profile();
            }
        };
    }

    /** The engine as if its data lacked a column: a query naming it fails as the contract says. */
    private static QueryEngine withoutColumn(QueryEngine engine, Dimension absent) {
        return new QueryEngine() {
            @Override
            public QueryResult execute(CostQuery query) {
                boolean names = query.groupBy().contains(absent)
                        || query.filters().stream().map(Filter::dimension).anyMatch(absent::equals);
                if (names) {
                    throw new QueryException("column " + absent.name() + " is absent from the input");
                }
                return engine.execute(query);
            }

            @Override
            public DataProfile profile() {
                return engine.profile();
            }
        };
    }
}
