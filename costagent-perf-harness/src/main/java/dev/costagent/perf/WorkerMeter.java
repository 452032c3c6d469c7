package dev.costagent.perf;

import dev.costagent.perf.result.LoadModel;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * What one worker measures, written only by that worker and read by the sampler: latencies, its failure count and
 * whether a call is in flight. Keeping these per worker means counts stay exact {@code long}s and the hot path shares
 * nothing with another worker.
 *
 * <p>The closed model's tight loop records into a {@link HandoffRecorder} (no atomic instruction per call). The open
 * model records response and service times into HdrHistogram {@link SingleWriterRecorder}s, which the sampler can
 * drain at any moment even when the worker is idle between starts, so each second's sample is exactly that second.
 */
final class WorkerMeter {

    private static final VarHandle ERRORS;
    private static final VarHandle IN_FLIGHT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ERRORS = lookup.findVarHandle(WorkerMeter.class, "errors", long.class);
            IN_FLIGHT = lookup.findVarHandle(WorkerMeter.class, "inFlight", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Closed model: response times (equal to service times). Null in the open model. */
    final HandoffRecorder loop;
    /** Open model: response times from the intended start. Null in the closed model. */
    final SingleWriterRecorder response;
    /** Open model: service times from the actual start. Null in the closed model. */
    final SingleWriterRecorder service;
    /** When this worker's last measured call ended ({@link System#nanoTime()}); read after the worker finished. */
    long lastEndNanos;

    @SuppressWarnings("unused") // accessed through ERRORS
    private long errors;

    @SuppressWarnings("unused") // accessed through IN_FLIGHT
    private int inFlight;

    private Histogram responseRecycle;
    private Histogram serviceRecycle;

    WorkerMeter(LoadModel model) {
        boolean closed = model == LoadModel.CLOSED;
        this.loop = closed ? new HandoffRecorder() : null;
        this.response = closed ? null : new SingleWriterRecorder(3);
        this.service = closed ? null : new SingleWriterRecorder(3);
    }

    /** Counts one failure; only the owning worker calls this. */
    void failed(Throwable failure, ErrorCollector collector) {
        ERRORS.setRelease(this, (long) ERRORS.getOpaque(this) + 1);
        collector.record(failure);
    }

    long errors() {
        return (long) ERRORS.getAcquire(this);
    }

    void inFlight(boolean busy) {
        IN_FLIGHT.setRelease(this, busy ? 1 : 0);
    }

    int inFlight() {
        return (int) IN_FLIGHT.getAcquire(this);
    }

    /** Begins a sampling interval (sampler thread only). */
    void startInterval() {
        if (loop != null) {
            loop.swap();
        }
    }

    /**
     * Adds the interval's values to the given histograms if the worker has handed them over; true when it has
     * (sampler thread only).
     */
    boolean collectInterval(Histogram responses, Histogram services) {
        if (loop != null) {
            return loop.collect(responses);
        }
        responseRecycle = response.getIntervalHistogram(responseRecycle);
        responses.add(responseRecycle);
        serviceRecycle = service.getIntervalHistogram(serviceRecycle);
        services.add(serviceRecycle);
        return true;
    }

    /** Adds everything still held to the given histograms; only after the worker has finished. */
    void collectAll(Histogram responses, Histogram services) {
        if (loop != null) {
            loop.collectAll(responses);
        } else {
            collectInterval(responses, services);
        }
    }
}
