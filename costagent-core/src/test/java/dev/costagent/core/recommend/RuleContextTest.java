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
        for (String id : List.of("i-a", "i-b", "i-c")) { // types from the descriptions read with the candidates
            assertThat(shuffled.instanceType(id)).isEqualTo(ordered.instanceType(id));
            assertThat(ordered.instanceType(id)).isPresent();
        }
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

    /** Fleets whose tags mark resources in the ways the candidates' queries must all find. */
    private static List<Fleet> taggedFleets() {
        // one tag key with marking values, and every resource's rows carry the same tags (the common case)
        Fleet oneKey = new Fleet()
                .compute("i-dev", "m5.large", 0.096, "dev", 60, null)
                .compute("i-dev-upper", "m5.large", 0.096, "DEV", 60, null, 0, 300)
                .compute("i-staging", "c5.large", 0.085, "Staging", 60, null)
                .compute("i-prod", "m5.xlarge", 0.192, "prod", 60, null)
                .compute("i-untagged", "m5.xlarge", 0.192, null, 60, null)
                .gp2Volume("vol-gp2", 200);
        // resources tagged dev (or qa) in some hours and prod in others: their other rows count too
        Fleet mixed = new Fleet()
                .compute("i-dev", "m5.large", 0.096, "dev", 60, null)
                .compute("i-mixed", "m5.large", 0.096, "dev", 60, null, 0, 200)
                .compute("i-mixed", "m5.large", 0.096, "prod", -1, null, 200, 720)
                .compute("i-late-dev", "c5.large", 0.085, "prod", 60, null, 0, 100)
                .compute("i-late-dev", "c5.large", 0.085, "qa", -1, null, 100, 720)
                .compute("i-prod", "m5.xlarge", 0.192, "prod", 60, null);
        // two keys with marking values (environment and workload)
        Fleet twoKeys = new Fleet()
                .compute("i-dev", "m5.large", 0.096, "dev", 60, null)
                .compute("i-batch", "c5.2xlarge", 0.34, "prod", 60, "Batch")
                .compute("i-ci", "c5.2xlarge", 0.34, null, 60, "ci")
                .compute("i-prod", "m5.xlarge", 0.192, "prod", 60, "web");
        return List.of(oneKey, mixed, twoKeys);
    }

    @Test
    void theCandidatesAreTheResourcesTheirTagsMarkWithTheFactsOfEveryResourceRead() {
        List<List<String>> expected = List.of(
                List.of("i-dev", "i-dev-upper", "i-staging"),
                List.of("i-dev", "i-mixed"), // i-late-dev's first environment in key order is prod
                List.of("i-batch", "i-ci", "i-dev"));
        List<Fleet> fleets = taggedFleets();
        for (int f = 0; f < fleets.size(); f++) {
            QueryEngine billing = fleets.get(f).input().billing();
            QueryingRuleContext candidatesOnly = context(billing);
            QueryingRuleContext everyResource = context(billing);
            everyResource.descriptions(); // every resource read before anything is asked

            assertThat(candidatesOnly.profiles().keySet()).containsExactlyElementsOf(expected.get(f));
            assertThat(candidatesOnly.profiles()).isEqualTo(everyResource.profiles());
            assertThat(candidatesOnly.descriptions(d -> d.contains("gp2")))
                    .isEqualTo(everyResource.descriptions(d -> d.contains("gp2")));
            for (String id : everyResource.descriptions().keySet()) {
                assertThat(candidatesOnly.environment(id)).as(id).isEqualTo(everyResource.environment(id));
                assertThat(candidatesOnly.nonProduction(id)).as(id).isEqualTo(everyResource.nonProduction(id));
                assertThat(candidatesOnly.spotTolerant(id)).as(id).isEqualTo(everyResource.spotTolerant(id));
                assertThat(candidatesOnly.serviceCategory(id)).as(id).isEqualTo(everyResource.serviceCategory(id));
                assertThat(candidatesOnly.currency(id)).as(id).isEqualTo(everyResource.currency(id));
                assertThat(candidatesOnly.instanceType(id)).as(id).isEqualTo(everyResource.instanceType(id));
            }
            // the currencies of resources outside the candidates, read together as the engine stamps them
            QueryingRuleContext stamping = context(billing);
            stamping.profiles();
            stamping.readCurrencies(everyResource.descriptions().keySet());
            for (String id : everyResource.descriptions().keySet()) {
                assertThat(stamping.currency(id)).as(id).isEqualTo(everyResource.currency(id));
            }
            assertThat(candidatesOnly.descriptions()).isEqualTo(everyResource.descriptions());
        }
    }

    @Test
    void aRunReadsTheResourcesItAsksAboutNotEveryResource() {
        Map<CostQuery, Integer> asked = new java.util.concurrent.ConcurrentHashMap<>();
        for (Fleet fleet : taggedFleets()) {
            RecommendationInput input = fleet.input();
            QueryEngine recording = new QueryEngine() {
                @Override
                public QueryResult execute(CostQuery query) {
                    asked.merge(query, 1, Integer::sum);
                    return input.billing().execute(query);
                }

                @Override
                public DataProfile profile() {
                    return input.billing().profile();
                }
            };
            RecommendationResult result = RecommendationEngine.defaults()
                    .recommend(new RecommendationInput(recording, input.utilization(), List.of(), input.inventory()));
            assertThat(result.recommendations())
                    .isEqualTo(RecommendationEngine.defaults().recommend(input).recommendations());
        }
        Dimension resource = Dimension.of(dev.costagent.core.focus.FocusColumn.RESOURCE_ID);
        assertThat(asked.keySet())
                .filteredOn(q -> q.groupBy().contains(resource))
                .isNotEmpty()
                .allSatisfy(q -> assertThat(q.filters())
                        .as("a query per resource restricted to some resources, tag values or descriptions: %s", q)
                        .anySatisfy(filter -> assertThat(filter.dimension()).isNotEqualTo(RuleContext_USAGE)));
    }

    @Test
    void aColumnThePerResourceQueryNeedsIsWarnedAboutOnceUnderTheFirstRuleThatAsks() {
        // the tag values are found without ServiceCategory; the resources' facts need it: one warning, as when every
        // resource was read at once (the same text as before this change), under the rule that first asked (no
        // verdict is idle or oversized here: the schedule rule, for the candidates' profiles)
        RecommendationInput input = taggedFleets().get(0).input();
        Dimension absent = Dimension.of(dev.costagent.core.focus.FocusColumn.SERVICE_CATEGORY);
        QueryEngine without = new QueryEngine() {
            @Override
            public QueryResult execute(CostQuery query) {
                if (query.groupBy().contains(absent)) {
                    throw new QueryException("column ServiceCategory is absent from the input");
                }
                return input.billing().execute(query);
            }

            @Override
            public DataProfile profile() {
                return input.billing().profile();
            }
        };

        RecommendationResult result = RecommendationEngine.defaults()
                .recommend(new RecommendationInput(without, input.utilization(), List.of(), input.inventory()));

        assertThat(result.warnings())
                .filteredOn(w -> w.contains("ServiceCategory"))
                .containsExactly(
                        "schedule.non-production skipped a check: column ServiceCategory is absent from the input");
    }

    private static final Dimension RuleContext_USAGE =
            dev.costagent.core.recommend.spi.RuleContext.usageOnly().dimension();

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
