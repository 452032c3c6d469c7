/**
 * AssertJ-style assertions on load results: {@code PerfAssertions.assertThat(result).responseTime(99).isLessThan(
 * ofMillis(200))}. Needs AssertJ on the test class path (an optional dependency of the harness).
 */
package dev.costagent.perf.assertions;
