package dev.costagent.core.agent;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Throwables;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.RemovalListener;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import com.google.common.util.concurrent.UncheckedExecutionException;
import dev.costagent.core.analysis.Analyzer;
import dev.costagent.core.analysis.utilization.UtilizationSeries;
import dev.costagent.core.analysis.utilization.UtilizationVerdict;
import dev.costagent.core.focus.DataQualityIssue;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.narrate.Narrative;
import dev.costagent.core.narrate.Narrator;
import dev.costagent.core.narrate.TemplateNarrator;
import dev.costagent.core.recommend.RecommendationEngine;
import dev.costagent.core.recommend.RecommendationInput;
import dev.costagent.core.recommend.RecommendationResult;
import dev.costagent.core.recommend.inventory.InstanceInventory;
import dev.costagent.core.recommend.model.Horizon;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.core.source.CostSource;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.DataProfile;
import dev.costagent.core.table.QueryEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cost agent: collect → analyze → recommend → explain, as one thread-safe object that serves many concurrent runs.
 *
 * <pre>{@code
 * try (CostAgent agent = CostAgent.builder().source(FocusFileSource.of(path)).build()) {
 *     Report report = agent.run();
 * }
 * }</pre>
 *
 * <p><b>Concurrency.</b> {@link #run()} works on the caller's thread; {@link #runAsync()} on the agent's bounded
 * executor (by default one thread per core and a queue of 1024 runs; a full queue fails the run's future with
 * {@link RejectedExecutionException} rather than blocking). Every run has its own deadline and can be cancelled:
 * both are checked between stages and between units of work; an async run's future also fails at the deadline even
 * while a stage is still busy, so no caller waits past it.
 *
 * <p><b>Caching.</b> Ingested tables are cached by source {@code id} and {@code version} (a changed file has a new
 * version, so it is read again); the analysis of those tables by the same keys. Both caches are bounded Guava caches
 * whose statistics {@link #cacheStats()} exposes. Concurrent runs needing the same table share one load. An engine
 * that holds resources ({@link AutoCloseable}: DuckDB, Spark) is closed when it leaves the cache (evicted,
 * {@link #invalidateCaches()}, {@link #close()}), or when the runs in progress at that moment have ended.
 */
public final class CostAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CostAgent.class);

    private final List<CostSource> sources;
    private final ReadOptions readOptions;
    private final List<UtilizationSeries> utilization;
    private final InstanceInventory inventory;
    private final AnalysisStage analysis;
    private final RecommendationEngine recommender;
    private final Narrator narrator;
    private final int narratedRecommendations;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final Clock clock;
    private final Duration deadline;
    private final boolean recommendationQueriesAhead;
    private final List<RunListener> listeners;
    private final Cache<String, QueryEngine> tables;
    private final Cache<String, AnalysisStage.Result> analyses;
    /** Runs in progress, and engines dropped from the cache while one was (closed when none is): guarded by itself. */
    private final List<QueryEngine> retired = new ArrayList<>();

    private int activeRuns;

    private CostAgent(Builder b) {
        if (b.sources.isEmpty()) {
            throw new IllegalStateException("a CostAgent needs at least one source");
        }
        this.sources = List.copyOf(b.sources);
        this.readOptions = b.readOptions;
        this.utilization = List.copyOf(b.utilization);
        this.inventory = b.inventory;
        this.recommender = b.recommender;
        this.narrator = b.narrator;
        this.narratedRecommendations = b.narratedRecommendations;
        this.ownsExecutor = b.executor == null;
        this.executor = b.executor != null ? b.executor : defaultExecutor();
        this.analysis = new AnalysisStage(
                b.analyzer != null
                        ? b.analyzer
                        : Analyzer.builder().executor(executor).build());
        this.clock = b.clock;
        this.deadline = b.deadline;
        this.recommendationQueriesAhead = b.recommendationQueriesAhead;
        this.listeners = List.copyOf(b.listeners);
        this.tables = CacheBuilder.newBuilder()
                .maximumSize(b.cacheSize)
                .recordStats()
                .removalListener((RemovalListener<String, QueryEngine>) removal -> retire(removal.getValue()))
                .build();
        this.analyses =
                CacheBuilder.newBuilder().maximumSize(b.cacheSize).recordStats().build();
    }

    /** A builder; at least one source is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Runs on the caller's thread with the agent's default deadline. */
    public Report run() {
        return run(deadline);
    }

    /**
     * Runs on the caller's thread.
     *
     * @param runDeadline how long the run may take ({@code null} for no limit)
     * @throws RunDeadlineExceededException when the deadline passes
     */
    public Report run(Duration runDeadline) {
        String runId = newRunId();
        return execute(
                new RunControl(runId, runDeadline, () -> Thread.currentThread().isInterrupted()));
    }

    /** Runs on the agent's executor with the agent's default deadline. */
    public CompletableFuture<Report> runAsync() {
        return runAsync(deadline);
    }

    /**
     * Runs on the agent's executor. Cancelling the future cancels the run at its next check; at the deadline the
     * future fails with {@link RunDeadlineExceededException} at once, and the run stops at its next check.
     *
     * @param runDeadline how long the run may take ({@code null} for no limit)
     */
    public CompletableFuture<Report> runAsync(Duration runDeadline) {
        CompletableFuture<Report> future = new CompletableFuture<>();
        String runId = newRunId();
        RunControl control = new RunControl(runId, runDeadline, future::isDone);
        try {
            executor.execute(() -> {
                if (future.isDone()) {
                    return;
                }
                try {
                    future.complete(execute(control));
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new RejectedExecutionException(
                    "costagent is saturated: run " + runId + " was not queued (" + e.getMessage() + ")", e));
            return future;
        }
        if (runDeadline != null) {
            CompletableFuture.delayedExecutor(runDeadline.toNanos(), TimeUnit.NANOSECONDS)
                    .execute(() -> future.completeExceptionally(new RunDeadlineExceededException(
                            "run " + runId + " passed its deadline of " + runDeadline.toMillis() + " ms")));
        }
        return future;
    }

    /**
     * Ingests (cached), analyzes (cached) and recommends, without narration: the recommendation list alone.
     * Thread-safe; runs on the caller's thread.
     */
    public RecommendationResult recommend() {
        RunControl control = new RunControl(
                newRunId(), deadline, () -> Thread.currentThread().isInterrupted());
        runStarted();
        try {
            Ingested data = ingest(control);
            AnalysisStage.Result analyzed = analyze(data);
            return recommender.recommend(input(data, analyzed));
        } finally {
            runEnded();
        }
    }

    /** Hit, miss, load and eviction counts of the table and analysis caches. */
    public AgentCacheStats cacheStats() {
        return new AgentCacheStats(AgentCacheStats.Counts.of(tables), AgentCacheStats.Counts.of(analyses));
    }

    /** Drops every cached table and analysis. */
    public void invalidateCaches() {
        tables.invalidateAll();
        analyses.invalidateAll();
    }

    /**
     * Shuts down the executor if the agent created it; waits briefly for queued runs; closes the cached engines that
     * are {@link AutoCloseable} (DuckDB, Spark), at once or, for runs still going, when the last one ends.
     */
    @Override
    public void close() {
        if (ownsExecutor) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tables.invalidateAll();
        tables.cleanUp();
    }

    /**
     * An engine has left the table cache (evicted, invalidated, agent closed): closed now if no run is in progress,
     * else when the last run ends, since a run may still be querying it.
     */
    private void retire(QueryEngine engine) {
        synchronized (retired) {
            if (activeRuns == 0) {
                closeEngine(engine);
            } else {
                retired.add(engine);
            }
        }
    }

    private void runStarted() {
        synchronized (retired) {
            activeRuns++;
        }
    }

    private void runEnded() {
        synchronized (retired) {
            if (--activeRuns == 0) {
                retired.forEach(CostAgent::closeEngine);
                retired.clear();
            }
        }
    }

    private static void closeEngine(QueryEngine engine) {
        try {
            engine.close();
        } catch (RuntimeException e) {
            LOG.warn("closing {} failed: {}", engine, e.toString());
        }
    }

    private Report execute(RunControl control) {
        runStarted();
        try {
            return executeRun(control);
        } finally {
            runEnded();
        }
    }

    private Report executeRun(RunControl control) {
        String runId = control.runId();
        List<StageTiming> timings = new ArrayList<>();
        try {
            long t0 = stageStart(control, Stage.INGEST);
            Ingested data = ingest(control);
            timings.add(stageEnd(runId, Stage.INGEST, t0, data.cached()));

            t0 = stageStart(control, Stage.ANALYZE);
            boolean analysisCached = analyses.asMap().containsKey(data.key());
            AnalysisStage.Result analyzed;
            RecommendationResult recommended;
            // The rules' shared queries that need no finding of the analyses (window, per-resource facts, commitment
            // baseline, profiles) start on the executor once the analyses have read their main series, so that they
            // run on another core beside the rest of the analyses (which run on this thread), in warmed code; the
            // recommend stage then finds them done, or waits for them, inside its own timing. Not when the analysis
            // comes from the cache: nothing would run beside it.
            AtomicReference<RecommendationEngine.Prepared> prepared = new AtomicReference<>();
            try {
                analyzed = analyze(data, verdicts -> {
                    if (recommendationQueriesAhead) {
                        prepared.set(recommender.prepare(
                                RecommendationInput.of(data.engine(), verdicts).withInventory(inventory), executor));
                    }
                });
                timings.add(stageEnd(runId, Stage.ANALYZE, t0, analysisCached));

                t0 = stageStart(control, Stage.RECOMMEND);
                recommended = recommender.recommend(input(data, analyzed), prepared.get());
                timings.add(stageEnd(runId, Stage.RECOMMEND, t0, false));
            } finally {
                if (prepared.get() != null) {
                    prepared.get().cancel(); // unused when the run failed before recommending; a no-op once used
                }
            }

            t0 = stageStart(control, Stage.NARRATE);
            ReportSummary summary = summary(data, recommended);
            List<Narrative> narratives = narrate(control, summary, analyzed, recommended);
            timings.add(stageEnd(runId, Stage.NARRATE, t0, false));

            List<String> warnings = new ArrayList<>(analyzed.report().warnings());
            warnings.addAll(recommended.warnings());
            Report report = new Report(
                    Report.SCHEMA_VERSION,
                    runId,
                    clock.instant().toString(),
                    summary,
                    analyzed.overview(),
                    analyzed.report(),
                    analyzed.verdicts(),
                    recommended.recommendations(),
                    narratives,
                    timings,
                    warnings,
                    data.dataQuality(),
                    data.input());
            for (RunListener l : listeners) {
                notify(() -> l.runFinished(report));
            }
            return report;
        } catch (RuntimeException | Error e) {
            for (RunListener l : listeners) {
                notify(() -> l.runFailed(runId, e));
            }
            throw e;
        }
    }

    /** The ingested data of all sources, and whether every table came from the cache. */
    private record Ingested(
            String key,
            QueryEngine engine,
            DataProfile profile,
            boolean cached,
            List<DataQualityIssue> dataQuality,
            dev.costagent.core.focus.InputProfile input) {}

    private Ingested ingest(RunControl control) {
        List<QueryEngine> loaded = new ArrayList<>(sources.size());
        StringBuilder key = new StringBuilder();
        boolean allCached = true;
        for (CostSource source : sources) {
            control.check(Stage.INGEST);
            String sourceKey = source.id() + "@" + source.version();
            key.append(sourceKey).append('\n');
            allCached &= tables.asMap().containsKey(sourceKey); // asMap() does not count in the statistics
            loaded.add(load(tables, sourceKey, () -> source.load(readOptions)));
        }
        control.check(Stage.INGEST);
        QueryEngine engine = loaded.size() == 1 ? loaded.get(0) : new CombinedTables(loaded);
        DataProfile profile = engine.profile();
        if (profile.currencies().size() > 1) {
            throw new IllegalArgumentException(
                    "sources mix billing currencies " + profile.currencies() + "; analyse one currency at a time");
        }
        return new Ingested(key.toString(), engine, profile, allCached, profile.dataQuality(), profile.input());
    }

    private AnalysisStage.Result analyze(Ingested data) {
        return analyze(data, verdicts -> {});
    }

    /**
     * The cached analysis, or a new one; a new one calls {@code mainSeriesRead} with its verdicts once it has read
     * its main series.
     */
    private AnalysisStage.Result analyze(Ingested data, Consumer<List<UtilizationVerdict>> mainSeriesRead) {
        return load(analyses, data.key(), () -> {
            List<UtilizationVerdict> verdicts = analysis.verdicts(utilization);
            return analysis.analyze(data.engine(), verdicts, () -> mainSeriesRead.accept(verdicts));
        });
    }

    private RecommendationInput input(Ingested data, AnalysisStage.Result analyzed) {
        return RecommendationInput.of(data.engine(), analyzed.verdicts())
                .withAnomalies(analyzed.anomalySignals())
                .withInventory(inventory);
    }

    private ReportSummary summary(Ingested data, RecommendationResult recommended) {
        DataProfile profile = data.profile();
        long rows = profile.rows();
        Instant first = profile.firstChargePeriodStart();
        Instant last = profile.lastChargePeriodStart();
        String currency = profile.currency().orElse(null);
        double total = data.engine().execute(CostQuery.builder().build()).total();
        List<Recommendation> recs = recommended.recommendations();
        int quickWins = (int)
                recs.stream().filter(r -> r.horizon() == Horizon.QUICK_WIN).count();
        double monthly = recommended.totalMonthlySavings();
        return new ReportSummary(
                rows,
                currency,
                total,
                day(first),
                day(last),
                recs.size(),
                monthly,
                Math.round(monthly * 12 * 100) / 100.0,
                quickWins);
    }

    private List<Narrative> narrate(
            RunControl control,
            ReportSummary summary,
            AnalysisStage.Result analyzed,
            RecommendationResult recommended) {
        List<dev.costagent.core.narrate.Facts> facts =
                NarrationFacts.of(summary, analyzed.report(), recommended.recommendations(), narratedRecommendations);
        List<Narrative> out = new ArrayList<>(facts.size());
        if (!narrator.waitsOnIo() || facts.size() < 2) {
            for (dev.costagent.core.narrate.Facts f : facts) {
                control.check(Stage.NARRATE);
                out.add(narrator.narrate(f));
            }
            return out;
        }
        // A model narrator waits on the network: narrate the subjects at once (narrators are thread-safe and bound
        // their own concurrency), keeping the subjects' order.
        java.util.concurrent.ExecutorService pool = NarrationThreads.forTasks(facts.size());
        try {
            List<java.util.concurrent.Future<Narrative>> pending = new ArrayList<>(facts.size());
            for (dev.costagent.core.narrate.Facts f : facts) {
                control.check(Stage.NARRATE);
                pending.add(pool.submit(() -> narrator.narrate(f)));
            }
            for (java.util.concurrent.Future<Narrative> narrative : pending) {
                control.check(Stage.NARRATE);
                out.add(narrative.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while narrating");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private long stageStart(RunControl control, Stage stage) {
        control.check(stage);
        for (RunListener l : listeners) {
            notify(() -> l.stageStarted(control.runId(), stage));
        }
        return System.nanoTime();
    }

    private StageTiming stageEnd(String runId, Stage stage, long startNanos, boolean cached) {
        StageTiming timing = new StageTiming(stage, (System.nanoTime() - startNanos) / 1e6, cached);
        for (RunListener l : listeners) {
            notify(() -> l.stageFinished(runId, timing));
        }
        return timing;
    }

    private static void notify(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            LOG.warn("a run listener failed; ignoring it: {}", e.toString());
        }
    }

    private static <V> V load(Cache<String, V> cache, String key, java.util.concurrent.Callable<V> loader) {
        try {
            return cache.get(key, loader);
        } catch (UncheckedExecutionException
                | ExecutionException
                | com.google.common.util.concurrent.ExecutionError e) {
            Throwables.throwIfUnchecked(e.getCause());
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String day(Instant instant) {
        return instant == null
                ? null
                : instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String newRunId() {
        return "run-" + UUID.randomUUID();
    }

    private static ExecutorService defaultExecutor() {
        int threads = Runtime.getRuntime().availableProcessors();
        return new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(1024),
                new ThreadFactoryBuilder()
                        .setNameFormat("costagent-run-%d")
                        .setDaemon(true)
                        .build());
    }

    /** Builds a {@link CostAgent}. */
    public static final class Builder {
        private final List<CostSource> sources = new ArrayList<>();
        private ReadOptions readOptions = ReadOptions.DEFAULTS;
        private List<UtilizationSeries> utilization = List.of();
        private InstanceInventory inventory = InstanceInventory.EMPTY;
        /** Null: the defaults, with the independent analyses spread over the agent's executor. */
        private Analyzer analyzer;

        private RecommendationEngine recommender = RecommendationEngine.defaults();
        private Narrator narrator = new TemplateNarrator();
        private int narratedRecommendations = 5;
        private ExecutorService executor;
        private Clock clock = Clock.systemUTC();
        private Duration deadline;
        /**
         * Ahead by default where a core is left beside the run's thread and the JIT's (more than two): on two cores,
         * quiet, the stages' sum was 10 % larger ahead than not (docs/performance.md, "fifth pass").
         */
        private boolean recommendationQueriesAhead = Runtime.getRuntime().availableProcessors() > 2;

        private final List<RunListener> listeners = new ArrayList<>();
        private long cacheSize = 16;

        private Builder() {}

        /** Adds a billing source. */
        public Builder source(CostSource source) {
            sources.add(requireNonNull(source));
            return this;
        }

        /** Adds billing sources. */
        public Builder sources(List<? extends CostSource> value) {
            value.forEach(this::source);
            return this;
        }

        /** How sources are read (strict by default). */
        public Builder readOptions(ReadOptions value) {
            this.readOptions = requireNonNull(value);
            return this;
        }

        /** CPU utilization series for rightsizing and idle detection. */
        public Builder utilization(List<UtilizationSeries> value) {
            this.utilization = List.copyOf(value);
            return this;
        }

        /** Stated instance types. */
        public Builder inventory(InstanceInventory value) {
            this.inventory = requireNonNull(value);
            return this;
        }

        /**
         * The analysis options, as a configured {@link Analyzer} (scope, anomaly sensitivity and dimensions, forecast
         * horizon, trends, commitments). The default runs a run's independent queries (commitments, the invoice series)
         * beside its main series on the agent's executor, so the agent's executor still bounds all work; a piece no
         * thread has taken runs on the run's own thread when the run needs it.
         */
        public Builder analyzer(Analyzer value) {
            this.analyzer = requireNonNull(value);
            return this;
        }

        /** The recommendation engine: its rules and options. */
        public Builder recommendations(RecommendationEngine value) {
            this.recommender = requireNonNull(value);
            return this;
        }

        /** The narrator (the template narrator by default). */
        public Builder narrator(Narrator value) {
            this.narrator = requireNonNull(value);
            return this;
        }

        /** How many top recommendations are narrated (5). */
        public Builder narratedRecommendations(int value) {
            this.narratedRecommendations = value;
            return this;
        }

        /** The executor for {@link #runAsync()}; the caller keeps ownership. Default: bounded, one thread per core. */
        public Builder executor(ExecutorService value) {
            this.executor = requireNonNull(value);
            return this;
        }

        /** The clock for report timestamps. */
        public Builder clock(Clock value) {
            this.clock = requireNonNull(value);
            return this;
        }

        /**
         * Whether a run starts the recommendation rules' shared queries on the executor while its analyses run, or
         * leaves them to the recommend stage; by default ahead on machines with more than two cores. Ahead, they use a
         * core the analyses leave idle: the recommend stage shrinks and the analyze stage grows by what the two cost
         * each other (memory, the collector, the JIT's threads in a young JVM); on a machine with no core to spare
         * they only take turns. The report is the same either way.
         */
        public Builder recommendationQueriesAhead(boolean value) {
            this.recommendationQueriesAhead = value;
            return this;
        }

        /** The default per-run deadline (none by default). */
        public Builder deadline(Duration value) {
            this.deadline = value;
            return this;
        }

        /** Adds a listener for stage events. */
        public Builder listener(RunListener value) {
            listeners.add(requireNonNull(value));
            return this;
        }

        /** The most tables (and analyses) kept in the cache (16). */
        public Builder cacheSize(long value) {
            this.cacheSize = value;
            return this;
        }

        /** The agent. */
        public CostAgent build() {
            return new CostAgent(this);
        }
    }
}
