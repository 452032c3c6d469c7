/**
 * Deterministic synthetic cloud billing data for demos, benchmarks and accuracy tests: FOCUS rows from
 * {@link dev.costagent.datagen.BillingGenerator} (with planted anomalies and their ground truth), CPU and
 * memory utilization series from {@link dev.costagent.datagen.UtilizationGenerator}, and fleets with planted
 * savings opportunities from {@link dev.costagent.datagen.FleetScenario}.
 */
package dev.costagent.datagen;
