package dev.costagent.perf;

import dev.costagent.perf.result.LoadModel;
import dev.costagent.perf.result.Phase;
import dev.costagent.perf.spi.PerfListener;
import dev.costagent.perf.spi.Probe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The closed model: each worker is a user that calls the operation in a loop. The loop reads the clock once per call
 * (the end of one call is the start of the next), records into its own recorder and allocates nothing.
 */
final class ClosedRun extends RunEngine {

    /**
     * A closed run's settings: bounded by {@code iterations} per user when positive, else by {@code totalIterations}
     * shared out when positive, else by {@code duration}.
     */
    record Plan(
            String name,
            int users,
            long iterations,
            long totalIterations,
            Duration duration,
            Duration rampUp,
            Duration warmup,
            ThreadMode threads,
            List<Probe> probes,
            List<PerfListener> listeners) {

        /** The calls user {@code index} makes, or 0 when bounded by duration. */
        long iterationsOf(int index) {
            if (iterations > 0) {
                return iterations;
            }
            return totalIterations / users + (index < totalIterations % users ? 1 : 0);
        }

        boolean boundedByCount() {
            return iterations > 0 || totalIterations > 0;
        }
    }

    private final Plan plan;
    private final AtomicInteger activeUsers = new AtomicInteger();

    ClosedRun(Plan plan, Load.Operation operation) {
        super(
                new Common(plan.name(), plan.warmup(), plan.threads(), plan.probes(), plan.listeners()),
                LoadModel.CLOSED,
                plan.users(),
                operation);
        this.plan = plan;
    }

    @Override
    void work(int index, WorkerMeter meter) throws InterruptedException {
        long rampNanos = plan.rampUp().toNanos();
        parkUntil(runStartNanos + (plan.users() == 1 ? 0 : rampNanos * index / plan.users()));
        activeUsers.incrementAndGet();
        try {
            long measureStart = runStartNanos + warmupNanos;
            warmUp(measureStart);
            long iterations = plan.iterationsOf(index);
            if (plan.boundedByCount() && iterations == 0) {
                return; // more users than total iterations: this one has no share
            }
            workerStarted();
            if (plan.boundedByCount()) {
                loopIterations(meter, iterations);
            } else {
                loopUntil(meter, measureStart + plan.duration().toNanos());
            }
            workerEnded();
        } finally {
            activeUsers.decrementAndGet();
        }
    }

    private void warmUp(long until) {
        Load.Operation op = operation;
        while (!stop && System.nanoTime() < until) {
            try {
                op.call();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable ignored) {
                // warm-up failures are not part of the result
            }
        }
    }

    private void loopIterations(WorkerMeter meter, long iterations) {
        Load.Operation op = operation;
        HandoffRecorder recorder = meter.loop;
        long start = System.nanoTime();
        for (long i = 0; i < iterations && !stop; i++) {
            try {
                op.call();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable failure) {
                meter.failed(failure, errors);
            }
            long end = System.nanoTime();
            recorder.record(end - start);
            start = end;
        }
        meter.lastEndNanos = start;
    }

    private void loopUntil(WorkerMeter meter, long deadline) {
        Load.Operation op = operation;
        HandoffRecorder recorder = meter.loop;
        long start = System.nanoTime();
        while (start < deadline && !stop) {
            try {
                op.call();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable failure) {
                meter.failed(failure, errors);
            }
            long end = System.nanoTime();
            recorder.record(end - start);
            start = end;
        }
        meter.lastEndNanos = start;
    }

    @Override
    long droppedSoFar() {
        return 0;
    }

    @Override
    String description() {
        String bound = plan.iterations() > 0
                ? plan.iterations() + " iterations each"
                : plan.totalIterations() > 0 ? plan.totalIterations() + " iterations in all" : "for " + plan.duration();
        String ramp = plan.rampUp().isZero() ? "" : ", ramp-up " + plan.rampUp();
        return "closed: " + plan.users() + " users, " + bound + ramp;
    }

    @Override
    List<Phase> phases() {
        return List.of();
    }

    @Override
    public LoadModel model() {
        return LoadModel.CLOSED;
    }

    @Override
    public Duration plannedDuration() {
        return plan.boundedByCount() ? Duration.ZERO : plan.duration();
    }

    @Override
    public int concurrency() {
        return activeUsers.get();
    }
}
