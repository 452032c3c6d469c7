package dev.costagent.perf;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What one worker measures, written only by that worker and read by the sampler: latency recorders (wait-free,
 * allocation-free {@link SingleWriterRecorder}s), its failure count and whether a call is in flight. Keeping these
 * per worker means the hot path shares no cache line with another worker and counts stay exact {@code long}s.
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

    /** Response times: from the intended start (open) or the call's start (closed). */
    final SingleWriterRecorder response = new SingleWriterRecorder(3);
    /** Service times: from the actual start; only recorded by the open model. */
    final SingleWriterRecorder service = new SingleWriterRecorder(3);
    /** When this worker's last measured call ended ({@link System#nanoTime()}); read after the worker finished. */
    long lastEndNanos;

    @SuppressWarnings("unused") // accessed through ERRORS
    private long errors;
    @SuppressWarnings("unused") // accessed through IN_FLIGHT
    private int inFlight;

    private Histogram responseRecycle;
    private Histogram serviceRecycle;

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

    /** Moves what was recorded since the last call into the given histograms (sampler thread only). */
    void drainInto(Histogram responses, Histogram services) {
        responseRecycle = response.getIntervalHistogram(responseRecycle);
        responses.add(responseRecycle);
        serviceRecycle = service.getIntervalHistogram(serviceRecycle);
        services.add(serviceRecycle);
    }
}
