package dev.costagent.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.recommend.Fleet;
import dev.costagent.core.source.CostSource;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.CostTable;
import dev.costagent.core.table.DataProfile;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Engines holding resources (DuckDB connections, Spark caches) are closed when they leave the agent's table cache and
 * when the agent closes, but never while a run may still be querying them.
 */
class CostAgentClosesEnginesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-10-01T00:00:00Z"), ZoneOffset.UTC);
    private static final CostTable TABLE = CostTable.of(new Fleet()
            .compute("i-idle", "m5.xlarge", 0.192, "prod", 2, null)
            .compute("i-busy", "m5.xlarge", 0.192, "prod", 60, null)
            .records());

    /** A closeable engine over a table that fails every query once closed. */
    static final class ClosingEngine implements QueryEngine, AutoCloseable {
        volatile boolean closed;

        @Override
        public QueryResult execute(CostQuery query) {
            if (closed) {
                throw new IllegalStateException("queried after close");
            }
            return TABLE.execute(query);
        }

        @Override
        public DataProfile profile() {
            return TABLE.profile();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A source whose version the test changes, recording every engine it hands out. */
    static final class Source implements CostSource {
        final String id;
        final List<ClosingEngine> engines = new CopyOnWriteArrayList<>();
        volatile String version = "v1";

        Source(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String version() {
            return version;
        }

        @Override
        public QueryEngine load(ReadOptions options) {
            ClosingEngine engine = new ClosingEngine();
            engines.add(engine);
            return engine;
        }
    }

    @Test
    void anEngineReplacedByNewerDataIsClosedAndTheRestWhenTheAgentCloses() {
        Source source = new Source("test:a");
        CostAgent agent = CostAgent.builder().source(source).clock(CLOCK).build();
        try {
            agent.run();
            source.version = "v2";
            agent.invalidateCaches();
            assertThat(source.engines.get(0).closed)
                    .as("dropped from the cache")
                    .isTrue();
            agent.run();
            assertThat(source.engines).hasSize(2);
            assertThat(source.engines.get(1).closed).as("still cached").isFalse();
        } finally {
            agent.close();
        }
        assertThat(source.engines).allSatisfy(e -> assertThat(e.closed).isTrue());
    }

    @Test
    void anEngineEvictedDuringARunIsClosedOnlyAfterTheRun() {
        Source a = new Source("test:a");
        Source b = new Source("test:b");
        // A cache of one table for two sources: loading b evicts a while the run still queries both.
        try (CostAgent agent = CostAgent.builder()
                .source(a)
                .source(b)
                .cacheSize(1)
                .clock(CLOCK)
                .build()) {
            Report report = agent.run();
            assertThat(report.summary().rows()).isEqualTo(2L * TABLE.profile().rows());
            assertThat(a.engines.get(0).closed)
                    .as("evicted, closed after the run")
                    .isTrue();
            assertThat(b.engines.get(0).closed).as("still cached").isFalse();
        }
        assertThat(b.engines.get(0).closed).isTrue();
    }
}
