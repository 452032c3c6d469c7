package dev.costagent.perf;

import dev.costagent.perf.result.LoadModel;
import dev.costagent.perf.result.Phase;
import dev.costagent.perf.result.SecondSample;
import dev.costagent.perf.spi.LoadProfile;
import dev.costagent.perf.spi.PerfListener;
import dev.costagent.perf.spi.Probe;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The open model: a bounded set of workers takes intended start times from a {@link StartQueue}, waits for each one,
 * runs the operation and records the response time from the intended start (so time spent waiting for a free worker
 * is counted, never omitted) and the service time from the actual start.
 */
final class OpenRun extends RunEngine {

    /** An open run's settings. */
    record Plan(
            String name,
            LoadProfile profile,
            int maxConcurrency,
            long maxLatenessNanos,
            int maxQueue,
            Duration warmup,
            ThreadMode threads,
            List<Probe> probes,
            List<PerfListener> listeners) {}

    private final Plan plan;
    private final StartQueue queue;

    OpenRun(Plan plan, Load.Operation operation) {
        super(
                new Common(plan.name(), plan.warmup(), plan.threads(), plan.probes(), plan.listeners()),
                LoadModel.OPEN,
                plan.maxConcurrency(),
                operation);
        this.plan = plan;
        this.queue = new StartQueue(plan.profile(), plan.warmup().toNanos(), plan.maxLatenessNanos(), plan.maxQueue());
    }

    @Override
    void work(int index, WorkerMeter meter) throws InterruptedException {
        Load.Operation op = operation;
        SingleWriterRecorder responses = meter.response;
        SingleWriterRecorder services = meter.service;
        long base = runStartNanos;
        long warm = warmupNanos;
        boolean started = false;
        try {
            while (!stop) {
                long offset = queue.claim(System.nanoTime() - base);
                if (offset == LoadProfile.Schedule.END) {
                    return;
                }
                long intended = base + offset;
                parkUntil(intended);
                boolean measured = offset >= warm;
                if (measured && !started) {
                    workerStarted();
                    started = true;
                }
                call(op, meter, responses, services, intended, measured);
            }
        } finally {
            if (started) {
                workerEnded();
            }
        }
    }

    /** One call: its service time from now, its response time from the intended start. */
    private void call(
            Load.Operation op,
            WorkerMeter meter,
            SingleWriterRecorder responses,
            SingleWriterRecorder services,
            long intended,
            boolean measured) {
        meter.inFlight(true);
        long start = System.nanoTime();
        try {
            op.call();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable failure) {
            if (measured) {
                meter.failed(failure, errors);
            }
        }
        long end = System.nanoTime();
        meter.inFlight(false);
        if (measured) {
            responses.recordValue(end - intended);
            services.recordValue(end - start);
            meter.lastEndNanos = end;
        }
    }

    @Override
    void addGauges(java.util.Map<String, Double> values) {
        values.put(SecondSample.OPEN_WAITING, (double) queue.waiting(System.nanoTime() - runStartNanos));
    }

    @Override
    long droppedSoFar() {
        return queue.dropped();
    }

    @Override
    String description() {
        return "open: " + plan.profile().description() + ", at most " + plan.maxConcurrency() + " in flight";
    }

    @Override
    List<Phase> phases() {
        return plan.profile().phases();
    }

    @Override
    public LoadModel model() {
        return LoadModel.OPEN;
    }

    @Override
    public Duration plannedDuration() {
        return plan.profile().duration();
    }

    @Override
    public int concurrency() {
        int busy = 0;
        for (WorkerMeter m : meters) {
            busy += m.inFlight();
        }
        return busy;
    }
}
