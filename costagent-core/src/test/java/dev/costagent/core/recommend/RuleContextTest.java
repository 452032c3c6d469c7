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
