package dev.costagent.examples.bench;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.agent.StageTiming;
import dev.costagent.core.source.FocusFileSource;
import java.nio.file.Path;

/**
 * One agent, as a long-lived service holds it, running the same file again and again with its caches dropped before
 * each run: the stage timings of a run in a warm JVM (the first run is the one-shot process's), with the agent's own
 * executor beside the run's thread.
 *
 * <pre>
 * java -XX:+UseSerialGC -Xmn64m -XX:FreqInlineSize=100 -XX:InlineSmallCode=1000 \
 *   -cp costagent-examples/target/test-classes:costagent-examples/target/costagent.jar \
 *   dev.costagent.examples.bench.WarmAgentBenchmark /tmp/ingest-bench/real-1m.csv 6
 * </pre>
 */
public final class WarmAgentBenchmark {

    private WarmAgentBenchmark() {}

    /** Arguments: the FOCUS file, the number of runs. */
    public static void main(String[] args) {
        int runs = Integer.parseInt(args[1]);
        try (CostAgent agent =
                CostAgent.builder().source(FocusFileSource.of(Path.of(args[0]))).build()) {
            for (int i = 0; i < runs; i++) {
                agent.invalidateCaches();
                long start = System.nanoTime();
                Report report = agent.run();
                StringBuilder line = new StringBuilder("run " + i + ":");
                for (StageTiming t : report.timings()) {
                    line.append(String.format(" %s %.0f ms,", t.stage().label(), t.millis()));
                }
                System.out.println(line.append(String.format(" whole %.0f ms", (System.nanoTime() - start) / 1e6)));
            }
        }
    }
}
