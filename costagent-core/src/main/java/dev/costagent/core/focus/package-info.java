/**
 * The FinOps FOCUS billing format: its columns, a streaming CSV reader with clear errors and a rejects report for
 * lenient reading, and data-quality checks.
 */
package dev.costagent.core.focus;
