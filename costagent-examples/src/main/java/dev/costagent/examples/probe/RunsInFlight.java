package dev.costagent.examples.probe;

import dev.costagent.core.agent.Report;
import dev.costagent.core.agent.RunListener;
import dev.costagent.core.agent.Stage;
import dev.costagent.perf.spi.Probe;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many cost-agent runs are in progress: a {@link RunListener} on the agent (a run enters at its first stage and
 * leaves when it finishes or fails) read by the harness as a {@link Probe} once per second. The series shows whether
 * runs pile up inside the agent while the load generator keeps its users busy.
 *
 * <pre>{@code
 * RunsInFlight inFlight = new RunsInFlight();
 * CostAgent agent = CostAgent.builder().source(source).listener(inFlight).build();
 * Load.closed(8).duration(ofSeconds(10)).probe(inFlight).run(agent::run);
 * }</pre>
 */
public final class RunsInFlight implements RunListener, Probe {

    /** The series name in the per-second samples. */
    public static final String NAME = "agent.runs.inFlight";

    private final AtomicInteger inFlight = new AtomicInteger();

    /** A probe with no runs in progress. */
    public RunsInFlight() {}

    @Override
    public void stageStarted(String runId, Stage stage) {
        if (stage == Stage.INGEST) {
            inFlight.incrementAndGet();
        }
    }

    @Override
    public void runFinished(Report report) {
        inFlight.decrementAndGet();
    }

    @Override
    public void runFailed(String runId, Throwable cause) {
        inFlight.decrementAndGet();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double sample() {
        return inFlight.get();
    }
}
