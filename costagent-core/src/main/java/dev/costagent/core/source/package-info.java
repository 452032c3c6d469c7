/**
 * Where billing data comes from: the {@link dev.costagent.core.source.CostSource} extension point and the FOCUS file
 * and in-memory record sources.
 */
package dev.costagent.core.source;
