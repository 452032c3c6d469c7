package dev.costagent.perf.junit;

import dev.costagent.perf.spi.PerfReport;
import dev.costagent.perf.spi.PerfReporter;
import dev.costagent.perf.spi.Verdict;
import java.io.PrintStream;

/**
 * Prints each load test's summary and requirement verdicts to the console. On by default in the JUnit extension;
 * {@code perf.console=false} turns it off.
 */
public final class ConsoleReporter implements PerfReporter {

    private final PrintStream out;

    /** Prints to {@link System#out}. */
    public ConsoleReporter() {
        this(System.out);
    }

    /** Prints to the given stream. */
    public ConsoleReporter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void report(PerfReport report) {
        if (report.result() == null) {
            return; // other kinds print their own console summary
        }
        StringBuilder text = new StringBuilder("[perf] ").append(report.result().summary());
        for (Verdict v : report.verdicts()) {
            text.append("  ")
                    .append(v.met() ? "ok   " : "FAIL ")
                    .append(v.describe())
                    .append('\n');
        }
        out.print(text);
        out.flush();
    }
}
