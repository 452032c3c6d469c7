package dev.costagent.llm.narrate;

import dev.costagent.core.narrate.Facts;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * The cost of the fact check alone, per narrative: building the {@link FactSheet} from the facts as sent and checking
 * one answer (a literal anomaly answer, a slot answer that is rendered, and a mislabelled answer that is refused, in
 * turn). Used by {@code NarrationBenchmark}; not a test.
 */
public final class FactCheckBenchmark {

    private FactCheckBenchmark() {}

    /** Mean wall and calling-thread CPU microseconds per check, over {@code iterations} checks after a warm-up. */
    public static double[] microsPerCheck(int iterations) {
        List<Object[]> cases = List.of(
                prepared(
                        FactCheckerTest.anomaly(),
                        "On 2024-09-18 spend fell to $120.00 against an expected $554.56,"
                                + " a $434.56 drop led by ResourceId=i-0abc123def4567890 (z-score 4.2)."),
                prepared(
                        FactCheckerTest.recommendation(),
                        "{action} would save {monthlySavings} a month and"
                                + " {annualSavings} a year, with {confidence} confidence and {risk} risk."),
                prepared(FactCheckerTest.recommendation(), "This would save $16,993.08 per month."));
        int sink = 0;
        for (int i = 0; i < iterations; i++) {
            sink += check(cases.get(i % cases.size()));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            sink += check(cases.get(i % cases.size()));
        }
        double wall = (System.nanoTime() - start) / 1e3 / iterations;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / iterations;
        if (sink == 42) {
            System.out.print("");
        }
        return new double[] {wall, cpu};
    }

    private static Object[] prepared(Facts facts, String answer) {
        return new Object[] {FactsPrompt.of(facts, 200, null), answer};
    }

    private static int check(Object[] prepared) {
        FactsPrompt prompt = (FactsPrompt) prepared[0];
        FactChecker.Verdict verdict =
                new FactChecker(new FactSheet(prompt.facts(), "USD"), prompt.fenceTag()).check((String) prepared[1]);
        return verdict.accepted() ? verdict.text().length() : verdict.problem().length();
    }
}
