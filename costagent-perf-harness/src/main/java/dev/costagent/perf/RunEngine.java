package dev.costagent.perf;

import dev.costagent.perf.result.LoadModel;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.result.Phase;
import dev.costagent.perf.result.SecondSample;
import dev.costagent.perf.result.SpikeRecovery;
import dev.costagent.perf.spi.LoadRun;
import dev.costagent.perf.spi.PerfListener;
import dev.costagent.perf.spi.Probe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The machinery both models share. Workers record into their own {@link WorkerMeter}; the calling thread acts as the
 * sampler: once per second it drains every meter into that second's histogram (so nothing is recorded twice and the
 * hot path never synchronises), adds it to the totals, samples the probes and tells the listeners. When the workers
 * are done it takes a last partial sample and builds the {@link LoadResult}.
 */
abstract sealed class RunEngine implements LoadRun permits ClosedRun, OpenRun {

    private static final long SECOND = 1_000_000_000L;
    /** How long to wait for workers to stop after the run was interrupted. */
    private static final long STOP_GRACE_NANOS = 5 * SECOND;
    /** How long the sampler waits for busy workers to hand over a second's values. */
    private static final long HANDOFF_WAIT_NANOS = 50_000_000L;

    /** Settings every run has. */
    record Common(String name, Duration warmup, ThreadMode threads, List<Probe> probes, List<PerfListener> listeners) {
        Common {
            probes = List.copyOf(probes);
            listeners = List.copyOf(listeners);
        }
    }

    final Load.Operation operation;
    final WorkerMeter[] meters;
    final ErrorCollector errors = new ErrorCollector();
    final long warmupNanos;
    /** Set when the run must end early (interrupted, or a worker hit a fatal error). */
    volatile boolean stop;
    /** {@link System#nanoTime()} when the run (including warm-up) began. */
    long runStartNanos;

    private final Common common;
    private final boolean virtual;
    private final Map<String, Object> attachments = new ConcurrentHashMap<>();
    /** The response times of the second sampled last (sampler thread only). */
    private Histogram lastSecond;

    private final CountDownLatch finished;
    private volatile Throwable fatal;
    private long measureStartNanos;

    RunEngine(Common common, LoadModel model, int workers, Load.Operation operation) {
        this.common = common;
        this.operation = operation;
        this.meters = new WorkerMeter[workers];
        for (int i = 0; i < workers; i++) {
            meters[i] = new WorkerMeter(model);
        }
        this.finished = new CountDownLatch(workers);
        this.warmupNanos = common.warmup().toNanos();
        this.virtual = WorkerThreads.usesVirtual(common.threads());
    }

    /** The body of worker {@code index}; returns when the worker has no more work. */
    abstract void work(int index, WorkerMeter meter) throws InterruptedException;

    /** Starts dropped so far (open model). */
    abstract long droppedSoFar();

    /** Tells the listeners, on the calling worker thread, that it is about to make its first measured call. */
    final void workerStarted() {
        for (PerfListener l : common.listeners()) {
            l.workerStarted(this);
        }
    }

    /** Tells the listeners, on the calling worker thread, that it made its last measured call. */
    final void workerEnded() {
        for (PerfListener l : common.listeners()) {
            l.workerEnded(this);
        }
    }

    /** Adds the model's own gauges to a second's probe values (sampler thread). */
    void addGauges(Map<String, Double> values) {}

    /** A one-line description for the result. */
    abstract String description();

    /** The profile's phases, if any. */
    abstract List<Phase> phases();

    @Override
    public String name() {
        return common.name();
    }

    @Override
    public int workers() {
        return meters.length;
    }

    @Override
    public long startNanos() {
        return measureStartNanos;
    }

    @Override
    public void attach(String key, Object value) {
        attachments.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    /** Runs the load and returns its result; the calling thread samples until every worker is done. */
    final LoadResult execute() {
        runStartNanos = System.nanoTime();
        measureStartNanos = runStartNanos + warmupNanos;
        List<Thread> threads = new ArrayList<>(meters.length);
        for (int i = 0; i < meters.length; i++) {
            int index = i;
            threads.add(WorkerThreads.start(virtual, common.name() + "-worker-" + i, () -> runWorker(index)));
        }
        try {
            return sampleUntilDone(threads);
        } catch (InterruptedException e) {
            stopAndWait(threads);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("load run '" + common.name() + "' was interrupted", e);
        } catch (RuntimeException e) {
            // A probe or listener failed on the sampler thread: stop the load rather than leave it running unseen.
            stopAndWait(threads);
            throw e;
        }
    }

    private void runWorker(int index) {
        try {
            work(index, meters[index]);
        } catch (InterruptedException e) {
            stop = true;
        } catch (Throwable t) {
            fatal = t;
            stop = true;
        } finally {
            finished.countDown();
        }
    }

    private LoadResult sampleUntilDone(List<Thread> threads) throws InterruptedException {
        Instant startedAt = Instant.now().plusNanos(Math.max(0, measureStartNanos - System.nanoTime()));
        Histogram second = new Histogram(3);
        Histogram secondService = new Histogram(3);
        Histogram responses = new Histogram(3);
        Histogram services = new Histogram(3);
        List<SecondSample> series = new ArrayList<>();
        // Spike recovery judges windows pooled from whole seconds; keep each second's histogram (2 digits) for it.
        boolean keepSeconds = phases().stream().anyMatch(p -> p.kind() == Phase.Kind.SPIKE);
        List<Histogram> secondHistograms = new ArrayList<>();

        // Warm-up calls are never recorded, so there is nothing to discard at the boundary.
        boolean done = awaitWorkers(measureStartNanos);
        long lastDropped = 0; // warm-up starts are never counted as dropped
        long lastErrors = 0;
        common.listeners().forEach(l -> l.runStarted(this));

        long tick = measureStartNanos;
        while (true) {
            long next = tick + SECOND;
            if (!done) {
                done = awaitWorkers(next);
            }
            // Read the counters before draining: anything counted is then surely in this or a later histogram.
            long dropped = droppedSoFar();
            long errorsNow = totalErrors();
            long end = done ? Math.min(next, Math.max(tick, lastEnd())) : next;
            SecondSample sample = sample(
                    series.size(),
                    end - tick,
                    done,
                    second,
                    secondService,
                    responses,
                    services,
                    errorsNow - lastErrors,
                    dropped - lastDropped);
            lastDropped = dropped;
            lastErrors = errorsNow;
            if (!done
                    || sample.intervalNanos() > 0
                    || sample.completed() > 0
                    || sample.errors() > 0
                    || sample.dropped() > 0) {
                series.add(sample);
                if (keepSeconds) {
                    secondHistograms.add(lastSecond);
                }
                common.listeners().forEach(l -> l.secondCompleted(this, sample));
            }
            if (done) {
                break;
            }
            tick = next;
        }
        if (fatal != null) {
            throw new IllegalStateException("load run '" + common.name() + "' failed: " + fatal, fatal);
        }
        long endNanos = Math.max(measureStartNanos, lastEnd());
        if (keepSeconds) {
            attachments.put(SpikeRecovery.SECOND_HISTOGRAMS, List.copyOf(secondHistograms));
        }
        common.listeners().forEach(l -> l.runEnded(this));
        LoadResult result = new LoadResult(
                common.name(),
                model(),
                description(),
                virtual,
                meters.length,
                startedAt,
                Duration.ofNanos(endNanos - measureStartNanos),
                responses,
                model() == LoadModel.OPEN ? services : responses,
                errors.snapshot(),
                droppedSoFar(),
                series,
                phases(),
                attachments,
                Duration.ofNanos(Math.max(0, System.nanoTime() - endNanos)));
        for (Thread t : threads) {
            t.join(); // already past their last statement: the latch counted down in it
        }
        return result;
    }

    private SecondSample sample(
            int index,
            long intervalNanos,
            boolean done,
            Histogram second,
            Histogram secondService,
            Histogram responses,
            Histogram services,
            long errorsInInterval,
            long droppedInInterval) {
        if (done) {
            for (WorkerMeter m : meters) {
                m.collectAll(second, secondService);
            }
        } else {
            collectInterval(second, secondService);
        }
        SecondSample sample = toSample(index, intervalNanos, second, errorsInInterval, droppedInInterval);
        lastSecond = new Histogram(2);
        lastSecond.add(second);
        responses.add(second);
        services.add(secondService);
        second.reset();
        secondService.reset();
        return sample;
    }

    private SecondSample toSample(
            int index, long intervalNanos, Histogram h, long errorsInInterval, long droppedInInterval) {
        Map<String, Double> probeValues = new LinkedHashMap<>();
        addGauges(probeValues);
        for (Probe p : common.probes()) {
            try {
                probeValues.put(p.name(), p.sample());
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        "load run '" + common.name() + "' stopped: probe '" + p.name() + "' failed: " + e, e);
            }
        }
        boolean empty = h.getTotalCount() == 0;
        return new SecondSample(
                index,
                intervalNanos,
                h.getTotalCount(),
                errorsInInterval,
                droppedInInterval,
                concurrency(),
                empty ? 0 : h.getValueAtPercentile(50),
                empty ? 0 : h.getValueAtPercentile(95),
                empty ? 0 : h.getValueAtPercentile(99),
                empty ? 0 : h.getMaxValue(),
                empty ? 0 : h.getMean(),
                probeValues);
    }

    /**
     * Collects every worker's interval. A worker in a tight loop hands its values over within nanoseconds; one inside
     * a call hands them over when the call returns, so wait a little for those and leave the stragglers' values for a
     * later second rather than stall the series.
     */
    private void collectInterval(Histogram second, Histogram secondService) {
        for (WorkerMeter m : meters) {
            m.startInterval();
        }
        long giveUp = System.nanoTime() + HANDOFF_WAIT_NANOS;
        for (int attempt = 0; ; attempt++) {
            boolean all = true;
            for (WorkerMeter m : meters) {
                all &= m.collectInterval(second, secondService);
            }
            if (all || System.nanoTime() - giveUp > 0) {
                return;
            }
            if (attempt < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(200_000);
            }
        }
    }

    /** Waits until the deadline or until every worker finished; true when they all finished. */
    private boolean awaitWorkers(long deadlineNanos) throws InterruptedException {
        long wait = deadlineNanos - System.nanoTime();
        return wait <= 0 ? finished.getCount() == 0 : finished.await(wait, TimeUnit.NANOSECONDS);
    }

    private long totalErrors() {
        long sum = 0;
        for (WorkerMeter m : meters) {
            sum += m.errors();
        }
        return sum;
    }

    private long lastEnd() {
        long last = measureStartNanos;
        for (WorkerMeter m : meters) {
            last = Math.max(last, m.lastEndNanos);
        }
        return last;
    }

    private void stopAndWait(List<Thread> threads) {
        stop = true;
        threads.forEach(Thread::interrupt);
        try {
            finished.await(STOP_GRACE_NANOS, TimeUnit.NANOSECONDS);
        } catch (InterruptedException ignored) {
            // already reporting an interruption
        }
    }

    /** Parks until {@code deadline} ({@link System#nanoTime()}), spinning the last few microseconds for precision. */
    final void parkUntil(long deadline) throws InterruptedException {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            if (stop || Thread.interrupted()) {
                throw new InterruptedException("load run stopped");
            }
            if (remaining > 20_000) {
                LockSupport.parkNanos(remaining - 10_000);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
