package dev.costagent.perf.spi;

import dev.costagent.perf.result.LoadResult;

/**
 * A pass/fail rule on a load result. Built-in rules (percentiles, error rate, throughput, spike recovery) are made by
 * {@code dev.costagent.perf.requirement.Requirements}; implement this for anything else, for example a bound on a
 * probe's series or on an {@link LoadResult#attachments() attachment}.
 *
 * <p>A custom requirement used from an annotation needs a public no-argument constructor; one registered through
 * {@link java.util.ServiceLoader} applies to every load test.
 */
@FunctionalInterface
public interface Requirement {

    /** Checks the result; must not throw for a result that merely fails the rule. */
    Verdict evaluate(LoadResult result);
}
