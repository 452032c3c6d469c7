package dev.costagent.examples.harness;

import dev.costagent.perf.Load;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.result.SecondSample;
import dev.costagent.perf.spi.LoadRun;
import dev.costagent.perf.spi.PerfListener;
import dev.costagent.perf.spi.Plugins;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link PerfListener}: prints one progress line per second while a load test runs, and at the end attaches what it
 * counted to the result, where requirements, reporters and {@code @AfterEach} methods can read it:
 * {@value #COMPLETED} (calls seen in the series, a {@code Long}), {@value #SECONDS} (seconds seen, an
 * {@code Integer}) and {@value #WORKERS} (worker threads that made a measured call, an {@code Integer}).
 *
 * <p>It shows both kinds of callback. Run-level calls ({@code runStarted}, {@code secondCompleted},
 * {@code runEnded}) come from the harness's single sampling thread, so plain fields suffice for them. Worker-level
 * calls ({@code workerStarted}) run on every worker thread at once, so that count is atomic. Counters are reset when
 * a run ends, because one instance registered through {@link java.util.ServiceLoader} serves every test in turn; an
 * instance follows one run at a time, so give concurrent runs an instance each.
 *
 * <pre>{@code
 * Load.closed(4).iterations(1_000).listener(new CallCountListener()).run(service::call);
 *
 * @WithPlugins(listeners = CallCountListener.class)
 * class SearchLoadTest { ... }
 * }</pre>
 *
 * <p>A file {@code META-INF/services/dev.costagent.perf.spi.PerfListener} naming this class makes it apply to
 * <em>every</em> JUnit load test on that class path; programmatic runs use it only with
 * {@code .plugins(Plugins.discovered())}. Run {@link #main} to see both registrations.
 */
public final class CallCountListener implements PerfListener {

    /** Attachment key: calls counted over the series, a {@code Long}. */
    public static final String COMPLETED = "calls.completed";
    /** Attachment key: seconds in the series, an {@code Integer}. */
    public static final String SECONDS = "calls.seconds";
    /** Attachment key: worker threads that made at least one measured call, an {@code Integer}. */
    public static final String WORKERS = "calls.workers";

    private final PrintStream out;
    private final AtomicInteger workers = new AtomicInteger();
    private long completed;
    private int seconds;

    /** Prints to standard output (the form {@code @WithPlugins} and ServiceLoader create). */
    public CallCountListener() {
        this(System.out);
    }

    /** Prints to {@code out}. */
    public CallCountListener(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void runStarted(LoadRun run) {
        out.printf(Locale.ROOT, "[%s] %s model, up to %d workers%n", run.name(), run.model(), run.workers());
    }

    @Override
    public void workerStarted(LoadRun run) {
        workers.incrementAndGet();
    }

    @Override
    public void secondCompleted(LoadRun run, SecondSample sample) {
        completed += sample.completed();
        seconds++;
        out.printf(
                Locale.ROOT,
                "[%s] second %d: %,d calls (%,d so far), %d errors, p99 %.3f ms, %d in flight%n",
                run.name(),
                sample.second(),
                sample.completed(),
                completed,
                sample.errors(),
                sample.p99Nanos() / 1e6,
                sample.concurrency());
    }

    @Override
    public void runEnded(LoadRun run) {
        run.attach(COMPLETED, completed);
        run.attach(SECONDS, seconds);
        run.attach(WORKERS, workers.get());
        out.printf(
                Locale.ROOT,
                "[%s] done: %,d calls in %d seconds on %d workers%n",
                run.name(),
                completed,
                seconds,
                workers.get());
        completed = 0;
        seconds = 0;
        workers.set(0);
    }

    /**
     * Runs two short loads on SHA-256 hashing: one with this listener added by hand, one with whatever
     * ServiceLoader finds (nothing, unless a services file on the class path names a listener).
     */
    public static void main(String[] args) {
        LoadResult byHand = Load.closed(2)
                .duration(Duration.ofSeconds(2))
                .name("by-hand")
                .listener(new CallCountListener())
                .run(() -> ExampleWork.hash(4));
        System.out.printf(
                Locale.ROOT, "attached: %s (the result counts %,d calls)%n%n", byHand.attachments(), byHand.count());

        Plugins discovered = Plugins.discovered();
        System.out.println("discovered listeners: " + discovered.listeners());
        LoadResult viaServiceLoader = Load.open(200)
                .duration(Duration.ofSeconds(1))
                .name("discovered")
                .plugins(discovered)
                .run(() -> ExampleWork.hash(4));
        System.out.println("attached: " + viaServiceLoader.attachments());
    }
}
