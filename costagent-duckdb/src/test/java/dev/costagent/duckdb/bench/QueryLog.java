package dev.costagent.duckdb.bench;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.source.CostSource;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.DataProfile;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryResult;
import dev.costagent.duckdb.DuckDbSource;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where an {@code analyze} on the DuckDB engine spends its time (docs/performance.md, Engines): {@code QueryLog PATH}
 * runs the agent over the file or directory and prints, on stderr, each query the engine answers (its dimensions,
 * filters and range), its wall time and its number of groups, then the stage timings. Test scope only.
 */
public final class QueryLog {

    private QueryLog() {}

    /** Runs the agent once over {@code args[0]}. */
    public static void main(String[] args) {
        DuckDbSource duck = DuckDbSource.of(Path.of(args[0]));
        CostSource logged = new CostSource() {
            @Override
            public String id() {
                return duck.id();
            }

            @Override
            public String version() {
                return duck.version();
            }

            @Override
            public QueryEngine load(ReadOptions options) {
                long start = System.nanoTime();
                QueryEngine engine = duck.load(options);
                log("open", start, 0);
                return new Timed(engine);
            }
        };
        long start = System.nanoTime();
        try (CostAgent agent = CostAgent.builder().source(logged).build()) {
            Report report = agent.run();
            log("agent run, " + report.recommendations().size() + " recommendations", start, 0);
            System.err.println(report.timings());
        }
    }

    private static void log(String what, long start, int groups) {
        System.err.printf(Locale.ROOT, "%9.1f ms %7d groups  %s%n", (System.nanoTime() - start) / 1e6, groups, what);
    }

    /** An engine that logs each call. */
    private record Timed(QueryEngine engine) implements QueryEngine {
        @Override
        public QueryResult execute(CostQuery query) {
            long start = System.nanoTime();
            QueryResult result = engine.execute(query);
            log(describe(query), start, result.groups().size());
            return result;
        }

        @Override
        public DataProfile profile() {
            long start = System.nanoTime();
            DataProfile profile = engine.profile();
            log("profile", start, 0);
            return profile;
        }

        @Override
        public void close() {
            engine.close();
        }

        private static String describe(CostQuery q) {
            StringBuilder s = new StringBuilder(q.metric().columnName()).append(" by ");
            q.groupBy().forEach(d -> s.append(d.label()).append(' '));
            q.filters()
                    .forEach(f -> s.append("| ")
                            .append(f.dimension().label())
                            .append(f.exclude() ? " not in " : " in ")
                            .append(
                                    f.values().size() > 3
                                            ? f.values().size() + " values"
                                            : f.values().toString())
                            .append(' '));
            if (!q.range().isAll()) {
                s.append("| range");
            }
            return s.toString();
        }
    }
}
