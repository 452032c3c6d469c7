package dev.costagent.perf.report;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A progress line printed every few seconds while a long measurement runs, for example
 * {@code [perf] scaling sum: 00:10 elapsed, ~00:20 remaining | 4 workers, 1.2M ops/s}.
 *
 * <p>Runs shorter than one interval print nothing. The interval is {@value #INTERVAL_PROPERTY} seconds
 * (default 5; 0 turns progress off). Lines come from one daemon thread; the status supplier must be thread-safe.
 *
 * <pre>{@code
 * try (ProgressLine progress = ProgressLine.start("bench sum", planned, () -> "iteration " + i.get())) {
 *     ... long work ...
 * }
 * }</pre>
 */
public final class ProgressLine implements AutoCloseable {

    /** System property: seconds between progress lines; 0 disables them. */
    public static final String INTERVAL_PROPERTY = "perf.progressSeconds";

    private final ScheduledExecutorService timer;

    private ProgressLine(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts printing to standard output at the configured interval. */
    public static ProgressLine start(String name, Duration planned, Supplier<String> status) {
        long seconds = Long.getLong(INTERVAL_PROPERTY, 5);
        return start(name, planned, status, Duration.ofSeconds(seconds), System.out::println);
    }

    /**
     * Starts printing to {@code sink} every {@code interval}.
     *
     * @param planned expected total duration, for the remaining-time estimate; zero when unknown
     */
    public static ProgressLine start(
            String name, Duration planned, Supplier<String> status, Duration interval, Consumer<String> sink) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(sink, "sink");
        if (interval.isZero() || interval.isNegative()) {
            return new ProgressLine(null);
        }
        long startNanos = System.nanoTime();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "perf-progress");
            thread.setDaemon(true);
            return thread;
        });
        long period = interval.toMillis();
        timer.scheduleAtFixedRate(
                () -> sink.accept(line(name, Duration.ofNanos(System.nanoTime() - startNanos), planned, status.get())),
                period,
                period,
                TimeUnit.MILLISECONDS);
        return new ProgressLine(timer);
    }

    /** Formats one line; public for listeners that print progress from their own callbacks. */
    public static String line(String name, Duration elapsed, Duration planned, String status) {
        StringBuilder line = new StringBuilder("[perf] ")
                .append(name)
                .append(": ")
                .append(clock(elapsed))
                .append(" elapsed");
        if (!planned.isZero()) {
            Duration remaining = planned.minus(elapsed);
            line.append(", ~")
                    .append(clock(remaining.isNegative() ? Duration.ZERO : remaining))
                    .append(" remaining");
        }
        if (status != null && !status.isBlank()) {
            line.append(" | ").append(status);
        }
        return line.toString();
    }

    private static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    /** Stops printing. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
