package dev.costagent.perf.spi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Harmless plugins registered through META-INF/services in the test class path, to prove discovery. */
public final class RecordingPlugins {

    /** Every report the discovered reporter received. */
    public static final List<PerfReport> REPORTS = new CopyOnWriteArrayList<>();

    private RecordingPlugins() {}

    /** A discovered reporter that remembers reports. */
    public static final class Reporter implements PerfReporter {
        @Override
        public void report(PerfReport report) {
            REPORTS.add(report);
        }
    }

    /** A discovered probe with a constant value. */
    public static final class ConstantProbe implements Probe {
        @Override
        public String name() {
            return "discovered.constant";
        }

        @Override
        public double sample() {
            return 1.5;
        }
    }
}
