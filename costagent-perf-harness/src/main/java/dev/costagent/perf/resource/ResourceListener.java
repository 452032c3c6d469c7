package dev.costagent.perf.resource;

import dev.costagent.perf.spi.LoadRun;
import dev.costagent.perf.spi.PerfListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples resources during every load run it is registered for and attaches the {@link ResourceUsage} to the
 * result under {@value #ATTACHMENT}. Registered through {@link java.util.ServiceLoader}, so the JUnit load tests
 * of harness I sample resources without any setup; for programmatic runs add it with
 * {@code Load.closed(n).listener(new ResourceListener())}.
 */
public final class ResourceListener implements PerfListener {

    /** The attachment key of the {@link ResourceUsage}. */
    public static final String ATTACHMENT = "resources";

    private final Map<LoadRun, ResourceSampler> running = new ConcurrentHashMap<>();
    private final Duration interval;

    /** A listener sampling at the default interval ({@code perf.resourceIntervalMillis}, else 100 ms). */
    public ResourceListener() {
        this(Duration.ofMillis(Long.getLong("perf.resourceIntervalMillis", 100)));
    }

    /** A listener sampling every {@code interval}. */
    public ResourceListener(Duration interval) {
        this.interval = interval;
    }

    @Override
    public void runStarted(LoadRun run) {
        running.put(run, ResourceSampler.start(interval));
    }

    @Override
    public void runEnded(LoadRun run) {
        ResourceSampler sampler = running.remove(run);
        if (sampler != null) {
            run.attach(ATTACHMENT, sampler.stop());
        }
    }
}
