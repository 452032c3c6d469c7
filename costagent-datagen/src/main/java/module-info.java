/**
 * costagent-datagen: deterministic FOCUS bills, fleets and utilization series with their planted truth, for demos,
 * benchmarks and accuracy tests. Not needed to analyse real bills.
 */
module dev.costagent.datagen {
    requires transitive dev.costagent.core;

    exports dev.costagent.datagen;
}
