package dev.costagent.perf.result;

import java.time.Duration;

/**
 * How a run recovered from a spike: the time from the spike's end until the per-second p95 response time was back
 * within a tolerance of the pre-spike p95 (and stayed there for the next second, when there is one).
 *
 * @param recovered      whether the p95 came back within the tolerance before the run ended
 * @param time           time from the end of the spike to recovery; when not recovered, to the end of the run
 * @param baselineP95    the pre-spike p95 (the median of the per-second p95 values before the spike)
 * @param withinPercent  the tolerance used, in percent of the baseline
 */
public record Recovery(boolean recovered, Duration time, Duration baselineP95, double withinPercent) {}
