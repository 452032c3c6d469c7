package dev.costagent.perf.requirement;

import dev.costagent.perf.spi.Verdict;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every requirement's verdict on one result.
 *
 * @param subject  what was evaluated (the run or test name), for messages
 * @param verdicts each requirement's verdict, in evaluation order
 */
public record Evaluation(String subject, List<Verdict> verdicts) {

    /** Copies the verdicts. */
    public Evaluation {
        verdicts = List.copyOf(verdicts);
    }

    /** True when every requirement is met (also when there are none). */
    public boolean passed() {
        return verdicts.stream().allMatch(Verdict::met);
    }

    /** The verdicts that are not met. */
    public List<Verdict> violations() {
        return verdicts.stream().filter(v -> !v.met()).toList();
    }

    /**
     * Lists every violation, measured against required, for example:
     * <pre>
     * 2 of 4 performance requirements not met by 'checkout':
     *   - p99 response time: measured 312.4 ms, required &lt;= 200.0 ms
     *   - error rate: measured 2.00 %, required &lt;= 1.00 %
     * </pre>
     */
    public String failureMessage() {
        List<Verdict> violations = violations();
        return violations.size() + " of " + verdicts.size() + " performance requirements not met by '" + subject + "':"
                + violations.stream().map(v -> "\n  - " + v.describe()).collect(Collectors.joining());
    }

    /**
     * Does nothing when every requirement is met.
     *
     * @throws AssertionError listing every violated requirement otherwise
     */
    public void assertMet() {
        if (!passed()) {
            throw new AssertionError(failureMessage());
        }
    }
}
