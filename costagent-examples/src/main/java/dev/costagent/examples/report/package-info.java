/**
 * From a FOCUS billing export to a self-contained HTML report (inline CSS and SVG charts, no external assets). The
 * entry type is {@link dev.costagent.examples.report.FocusReport}.
 */
package dev.costagent.examples.report;
