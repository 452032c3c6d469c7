package dev.costagent.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.core.recommend.inventory.InstanceInventory;
import dev.costagent.core.recommend.spi.ContextSettings;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.DataProfile;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryException;
import dev.costagent.core.table.QueryResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine's rule context: shared answers, and only an unanswerable query turned into a warning. */
class RuleContextTest {

    private final QueryEngine table = new Fleet()
            .compute("i-a", "m5.xlarge", 0.192, "dev", 60, null)
            .input()
            .billing();

    private static QueryingRuleContext context(QueryEngine engine) {
        return new QueryingRuleContext(engine, ContextSettings.DEFAULTS, Map.of(), List.of(), InstanceInventory.EMPTY);
    }

    @Test
    void aQueryAskedTwiceInARunRunsOnce() {
        AtomicInteger executed = new AtomicInteger();
        QueryingRuleContext context = context(counting(table, executed));
        CostQuery byDay = CostQuery.builder().groupBy(Dimension.DAY).build();

        QueryResult first = context.query(byDay);
        QueryResult second =
                context.query(CostQuery.builder().groupBy(Dimension.DAY).build());

        assertThat(second).isSameAs(first);
        assertThat(executed).hasValue(1);
    }

    @Test
    void anUnanswerableQueryIsAnEmptyResultAndAWarningNamingTheRule() {
        QueryingRuleContext context = context(failing(table, new QueryException("column x_Team is absent")));
        context.checking("my.rule");

        QueryResult result = context.query(CostQuery.builder().build());

        assertThat(result.groups()).isEmpty();
        assertThat(context.warnings()).containsExactly("my.rule skipped a check: column x_Team is absent");
    }

    @Test
    void aBugInTheEngineIsNotSwallowed() {
        QueryingRuleContext context = context(failing(table, new IllegalStateException("engine bug")));

        assertThatThrownBy(() -> context.query(CostQuery.builder().build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("engine bug");
        assertThat(context.warnings()).isEmpty();
    }

    @Test
    void sharedValuesAreComputedOncePerPlan() {
        QueryingRuleContext context = context(table);
        AtomicInteger computed = new AtomicInteger();

        context.shared("plan", c -> computed.incrementAndGet());
        context.shared("plan", c -> computed.incrementAndGet());
        assertThat(computed).hasValue(1);

        context.planActions(List.of());
        context.shared("plan", c -> computed.incrementAndGet());
        assertThat(computed).hasValue(2);
    }

    @Test
    void theCurrencyComesFromThePerResourceQueryWhenItFoundOne() {
        AtomicInteger executed = new AtomicInteger();
        QueryingRuleContext context = context(counting(table, executed));
        context.descriptions(); // the daily query (the window) and the per-resource query
        int before = executed.get();

        String currency = context.currency();

        assertThat(currency).isEqualTo(context(table).currency()); // what its own query answers
        assertThat(currency).isNotEmpty();
        assertThat(executed).hasValue(before);
    }

    @Test
    void resourceFactsAndProfilesDoNotDependOnTheEngineKeepingKeyOrder() {
        // the context reads each resource's groups as they come, in key order (the engine contract); an engine that
        // breaks the order gets the same answers through the order-free path
        QueryEngine fleet = new Fleet()
                .compute("i-b", "m5.large", 0.096, "dev", 60, null, 0, 240)
                .compute("i-a", "m5.xlarge", 0.192, "staging", 60, "batch", 100, 500)
                .pricingCategory("Committed")
                .compute("i-a", "m5.xlarge", 0.05, "staging", 60, "batch", 200, 400)
                .pricingCategory("Dynamic")
                .compute("i-c", "c5.large", 0.03, "test", 60, null, 24, 720)
                .input()
                .billing();
        QueryingRuleContext ordered = context(fleet);
        QueryingRuleContext shuffled = context(shuffled(fleet));

        assertThat(ordered.profiles()).hasSize(3);
        assertThat(shuffled.profiles()).hasSameSizeAs(ordered.profiles());
        ordered.profiles().forEach((id, p) -> {
            var q = shuffled.profiles().get(id); // the same sums added in another order: equal to rounding
            assertThat(q.windowCost()).isCloseTo(p.windowCost(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(q.committedCost()).isCloseTo(p.committedCost(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(q.dynamicCost()).isCloseTo(p.dynamicCost(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(List.of(q.activeDays(), q.firstDay(), q.lastDay(), q.spanHours()))
                    .isEqualTo(List.of(p.activeDays(), p.firstDay(), p.lastDay(), p.spanHours()));
        });
        assertThat(shuffled.descriptions()).isEqualTo(ordered.descriptions());
        assertThat(List.copyOf(shuffled.descriptions().keySet())).containsExactly("i-a", "i-b", "i-c");
        for (String id : List.of("i-a", "i-b", "i-c")) {
            assertThat(shuffled.environment(id)).isEqualTo(ordered.environment(id));
            assertThat(shuffled.serviceCategory(id)).isEqualTo(ordered.serviceCategory(id));
            assertThat(shuffled.tag(id, "workload")).isEqualTo(ordered.tag(id, "workload"));
        }
        assertThat(ordered.environment("i-a")).isEqualTo("staging");
        assertThat(ordered.tag("i-a", "workload")).isEqualTo("batch");
        assertThat(ordered.tag("i-a", "no-such-key")).isNull();
        assertThat(ordered.profile("i-a").orElseThrow().committedCost()).isPositive();
        assertThat(ordered.profile("i-c").orElseThrow().dynamicCost()).isPositive();
    }

    /** The engine's answers with their groups shuffled (not the contract; the context copes). */
    private static QueryEngine shuffled(QueryEngine engine) {
        return new QueryEngine() {
            @Override
            public QueryResult execute(CostQuery query) {
                QueryResult r = engine.execute(query);
                List<QueryResult.Group> groups = new java.util.ArrayList<>(r.groups());
                java.util.Collections.shuffle(groups, new java.util.Random(11));
                return new QueryResult(r.query(), groups, r.total(), r.rows());
            }

            @Override
            public DataProfile profile() {
                return engine.profile();
            }
        };
    }

    private static QueryEngine counting(QueryEngine engine, AtomicInteger executed) {
        return new QueryEngine() {
            @Override
            public QueryResult execute(CostQuery query) {
                executed.incrementAndGet();
                return engine.execute(query);
            }

            @Override
            public DataProfile profile() {
                return engine.profile();
            }
        };
    }

    private static QueryEngine failing(QueryEngine engine, RuntimeException error) {
        return new QueryEngine() {
            @Override
            public QueryResult execute(CostQuery query) {
                throw error;
            }

            @Override
            public DataProfile profile() {
                return engine.profile();
            }
        };
    }
}
