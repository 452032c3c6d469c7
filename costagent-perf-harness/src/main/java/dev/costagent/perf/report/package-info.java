/**
 * Reports of a performance run: a console summary and a JSON file per test, one aggregated self-contained HTML
 * report with inline SVG charts ({@code target/perf-reports/index.html}, directory set by the system property
 * {@code perf.reportDir}), and progress lines during long runs ({@link dev.costagent.perf.report.ProgressLine}).
 *
 * <p>The entry type is {@link dev.costagent.perf.report.RunReport}, which collects one
 * {@link dev.costagent.perf.report.TestReport} per test and writes every output.
 */
package dev.costagent.perf.report;
