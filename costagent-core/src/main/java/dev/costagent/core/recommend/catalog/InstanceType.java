package dev.costagent.core.recommend.catalog;

import static java.util.Objects.requireNonNull;

/**
 * One instance size and its on-demand price.
 *
 * @param provider {@code AWS}, {@code Azure} or {@code GCP} (free text for user catalogs)
 * @param name the provider's type name, e.g. {@code m5.xlarge}, {@code Standard_D4s_v5}, {@code n2-standard-4}
 * @param family the sizes one can move between without changing the workload's platform, e.g. {@code m5}
 * @param vcpu virtual CPUs
 * @param memoryGib memory in GiB
 * @param hourlyUsd on-demand list price per hour in USD
 */
public record InstanceType(String provider, String name, String family, int vcpu, double memoryGib,
        double hourlyUsd) {

    /** Validates the values. */
    public InstanceType {
        requireNonNull(provider, "provider");
        requireNonNull(name, "name");
        requireNonNull(family, "family");
        if (vcpu <= 0 || !(memoryGib > 0) || !(hourlyUsd > 0)) {
            throw new IllegalArgumentException("instance type " + name
                    + " needs positive vcpu, memoryGiB and hourlyUsd");
        }
    }
}
