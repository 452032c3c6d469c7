package dev.costagent.datagen;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A virtual machine size with its on-demand Linux hourly list price, as the generator prices compute rows.
 *
 * @param provider FOCUS ProviderName: {@code AWS}, {@code Microsoft} or {@code Google Cloud}
 * @param name the provider's size name, e.g. {@code m5.xlarge}, {@code Standard_D4s_v5}, {@code n2-standard-4}
 * @param family the size family, e.g. {@code m5}, {@code Dsv5}, {@code n2-standard}
 * @param vcpu virtual CPUs
 * @param memoryGiB memory in GiB
 * @param hourlyPrice on-demand Linux list price per hour, USD
 */
public record InstanceType(
        String provider, String name, String family, int vcpu, double memoryGiB, BigDecimal hourlyPrice) {

    /** Validates the parts. */
    public InstanceType {
        requireNonNull(provider, "provider");
        requireNonNull(name, "name");
        requireNonNull(family, "family");
        requireNonNull(hourlyPrice, "hourlyPrice");
        if (vcpu <= 0 || memoryGiB <= 0 || hourlyPrice.signum() <= 0) {
            throw new IllegalArgumentException("instance type " + name + " needs positive vCPU, memory and price");
        }
    }
}
