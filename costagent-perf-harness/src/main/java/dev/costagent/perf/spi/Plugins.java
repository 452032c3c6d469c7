package dev.costagent.perf.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The extension points found on the class path through {@link ServiceLoader}
 * ({@code META-INF/services/dev.costagent.perf.spi.PerfListener} and so on). The JUnit extension applies these to
 * every load test; programmatic runs use them only when asked ({@code .plugins(Plugins.discovered())}).
 *
 * @param listeners    discovered listeners
 * @param probes       discovered probes
 * @param reporters    discovered reporters
 * @param requirements discovered requirements (applied to every load test)
 * @param profiles     discovered profiles, selectable by {@link LoadProfile#name()}
 * @param meters       discovered meters (applied around every perf test)
 */
public record Plugins(
        List<PerfListener> listeners,
        List<Probe> probes,
        List<PerfReporter> reporters,
        List<Requirement> requirements,
        List<LoadProfile> profiles,
        List<Meter> meters) {

    /** Copies the lists. */
    public Plugins {
        listeners = List.copyOf(listeners);
        probes = List.copyOf(probes);
        reporters = List.copyOf(reporters);
        requirements = List.copyOf(requirements);
        profiles = List.copyOf(profiles);
        meters = List.copyOf(meters);
    }

    /** Plugins without meters. */
    public Plugins(
            List<PerfListener> listeners,
            List<Probe> probes,
            List<PerfReporter> reporters,
            List<Requirement> requirements,
            List<LoadProfile> profiles) {
        this(listeners, probes, reporters, requirements, profiles, List.of());
    }

    /** No plugins. */
    public static Plugins none() {
        return new Plugins(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Loads every plugin registered with {@link ServiceLoader}, using the thread's context class loader. */
    public static Plugins discovered() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new Plugins(
                load(PerfListener.class, loader),
                load(Probe.class, loader),
                load(PerfReporter.class, loader),
                load(Requirement.class, loader),
                load(LoadProfile.class, loader),
                load(Meter.class, loader));
    }

    /** The discovered profile with this {@link LoadProfile#name() name}. */
    public Optional<LoadProfile> profile(String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static <T> List<T> load(Class<T> type, ClassLoader loader) {
        List<T> found = new ArrayList<>();
        ServiceLoader.load(type, loader).forEach(found::add);
        return found;
    }
}
