package dev.costagent.perf.report;

import dev.costagent.perf.result.SecondSample;
import dev.costagent.perf.spi.LoadRun;
import dev.costagent.perf.spi.PerfListener;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Prints a {@link ProgressLine progress line} every few seconds of a load run: elapsed and remaining time,
 * throughput and p99 of the last second, operations in flight. Silent for runs shorter than the interval
 * ({@value ProgressLine#INTERVAL_PROPERTY}, default 5 s). Registered through {@link java.util.ServiceLoader}.
 */
public final class ProgressListener implements PerfListener {

    private final long intervalSeconds;
    private final Consumer<String> sink;

    /** Prints to standard output at the configured interval. */
    public ProgressListener() {
        this(Long.getLong(ProgressLine.INTERVAL_PROPERTY, 5), System.out::println);
    }

    /** Prints to {@code sink} every {@code intervalSeconds} (0 disables). */
    public ProgressListener(long intervalSeconds, Consumer<String> sink) {
        this.intervalSeconds = intervalSeconds;
        this.sink = sink;
    }

    @Override
    public void secondCompleted(LoadRun run, SecondSample sample) {
        long elapsed = sample.second() + 1L;
        if (intervalSeconds <= 0 || elapsed % intervalSeconds != 0) {
            return;
        }
        String status = String.format(
                Locale.ROOT,
                "%,.0f ops/s, p99 %.2f ms, %d in flight",
                sample.throughput(),
                sample.p99Nanos() / 1e6,
                run.concurrency());
        sink.accept(ProgressLine.line(run.name(), Duration.ofSeconds(elapsed), run.plannedDuration(), status));
    }
}
