/**
 * Sample billing data for the examples and the performance suite: a generated FOCUS export (written to disk, so
 * the real reader ingests it) and the CPU and memory series of its compute instances, in the form the cost agent
 * takes. The entry type is {@link dev.costagent.examples.data.SampleBilling}.
 */
package dev.costagent.examples.data;
