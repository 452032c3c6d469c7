/**
 * Data-volume scaling: how the cost per record changes as the input grows (default 100, 1,000, 10,000 records).
 * Each size gets its own setup outside the timing; the result gives time per record, the log-log slope of total
 * time against size (the empirical complexity exponent: 1 is linear, 2 quadratic) and the degradation of the
 * per-record time from the smallest to the largest size.
 *
 * <p>The programmatic entry type is {@link dev.costagent.perf.volume.DataVolumeRunner}; JUnit tests use
 * {@link dev.costagent.perf.volume.DataVolume @DataVolume}.
 */
package dev.costagent.perf.volume;
