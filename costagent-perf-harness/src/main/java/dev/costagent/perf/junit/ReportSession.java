package dev.costagent.perf.junit;

import dev.costagent.perf.spi.PerfReporter;
import dev.costagent.perf.spi.Plugins;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * State shared by every load test of one JUnit run, kept in the root extension context's store: the plugins found
 * through {@link java.util.ServiceLoader} (loaded once, so a reporter can aggregate across tests) and every reporter
 * used, told {@link PerfReporter#testRunFinished()} when JUnit closes the store at the end of the run.
 */
public final class ReportSession implements AutoCloseable {

    private static final org.junit.jupiter.api.extension.ExtensionContext.Namespace NAMESPACE =
            org.junit.jupiter.api.extension.ExtensionContext.Namespace.create(ReportSession.class);

    /** The session of the JUnit run {@code context} belongs to (created on first use, closed with the run). */
    public static ReportSession of(org.junit.jupiter.api.extension.ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(ReportSession.class, k -> new ReportSession(), ReportSession.class);
    }

    private final Plugins discovered = Plugins.discovered();
    private final ConsoleReporter console = new ConsoleReporter();
    private final Set<PerfReporter> used =
            Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    /** The plugins found through {@link java.util.ServiceLoader}, loaded once per run. */
    public Plugins discovered() {
        return discovered;
    }

    ConsoleReporter console() {
        return console;
    }

    /** Sends a report through this reporter and remembers it for the end of the run. */
    public void use(PerfReporter reporter) {
        used.add(reporter);
    }

    @Override
    public void close() {
        synchronized (used) {
            for (PerfReporter reporter : used) {
                try {
                    reporter.testRunFinished();
                } catch (RuntimeException e) {
                    System.err.println(
                            "[perf] reporter " + reporter.getClass().getName() + " failed at the end of the run: " + e);
                }
            }
        }
    }
}
