/**
 * The columnar, immutable {@link dev.costagent.core.table.CostTable} and the {@link dev.costagent.core.table.CostQuery}
 * value every analysis asks it (grouped sums of a metric with filters and a time range).
 */
package dev.costagent.core.table;
