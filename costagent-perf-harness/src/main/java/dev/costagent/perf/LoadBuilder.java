package dev.costagent.perf;

import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.spi.PerfListener;
import dev.costagent.perf.spi.Plugins;
import dev.costagent.perf.spi.Probe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings shared by both workload models: a name, a warm-up, the kind of threads, probes and listeners.
 *
 * @param <B> the concrete builder, so chained calls keep their type
 */
public abstract sealed class LoadBuilder<B extends LoadBuilder<B>> permits ClosedLoadBuilder, OpenLoadBuilder {

    String name = "load";
    Duration warmup = Duration.ZERO;
    ThreadMode threads = ThreadMode.AUTO;
    final List<Probe> probes = new ArrayList<>();
    final List<PerfListener> listeners = new ArrayList<>();

    LoadBuilder() {}

    /** A name for reports and thread names; defaults to {@code "load"}. */
    public B name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return self();
    }

    /** Time to run before measuring; operations started in it are not in the result. Default none. */
    public B warmup(Duration warmup) {
        this.warmup = nonNegative(warmup, "warmup");
        return self();
    }

    /** Virtual or platform threads; default {@link ThreadMode#AUTO}. */
    public B threads(ThreadMode threads) {
        this.threads = Objects.requireNonNull(threads, "threads");
        return self();
    }

    /** Samples this gauge every second into the series. */
    public B probe(Probe probe) {
        probes.add(Objects.requireNonNull(probe, "probe"));
        return self();
    }

    /** Notifies this listener during the run. */
    public B listener(PerfListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return self();
    }

    /** Adds the probes and listeners of a plugin set, for example {@link Plugins#discovered()}. */
    public B plugins(Plugins plugins) {
        probes.addAll(plugins.probes());
        listeners.addAll(plugins.listeners());
        return self();
    }

    /**
     * Runs the operation under this load on the calling thread's behalf, blocking until every started operation has
     * finished, and returns the measured result.
     */
    public abstract LoadResult run(Load.Operation operation);

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    static Duration nonNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + d);
        }
        return d;
    }

    static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }
}
