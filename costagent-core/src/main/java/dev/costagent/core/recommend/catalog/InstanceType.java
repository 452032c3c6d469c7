package dev.costagent.core.recommend.catalog;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * One instance size and its on-demand price.
 *
 * @param provider {@code AWS}, {@code Azure} or {@code GCP} (free text for user catalogs)
 * @param name the provider's type name, e.g. {@code m5.xlarge}, {@code Standard_D4s_v5}, {@code n2-standard-4}
 * @param family the sizes one can move between without changing the workload's platform, e.g. {@code m5}
 * @param vcpu virtual CPUs
 * @param memoryGib memory in GiB
 * @param hourlyUsd on-demand list price per hour (USD in the shipped catalog; only ratios of prices are used, so a
 *     catalog in another currency works as long as it uses one currency throughout)
 * @param baselineCpuPercent for a burstable type, the CPU % per vCPU that its CPU credits sustain; 0 for a
 *     fixed-performance type
 * @param source where the price was read (a URL or file name)
 * @param asOf when it was read ({@code 2024-09}, or a price list's publication date)
 */
public record InstanceType(
        String provider,
        String name,
        String family,
        int vcpu,
        double memoryGib,
        double hourlyUsd,
        double baselineCpuPercent,
        String source,
        String asOf) {

    /** Burstable type names whose baseline may be unknown: AWS t2/t3/t3a/t4g, Azure B-series, GCP shared-core. */
    private static final Pattern BURSTABLE =
            Pattern.compile("(?i)^(t2|t3|t3a|t4g)\\..*|^Standard_B\\d.*|^(e2-(micro|small|medium)|f1-micro|g1-small)$");

    /** Validates the values. */
    public InstanceType {
        requireNonNull(provider, "provider");
        requireNonNull(name, "name");
        requireNonNull(family, "family");
        requireNonNull(source, "source");
        requireNonNull(asOf, "asOf");
        if (vcpu <= 0 || !(memoryGib > 0) || !(hourlyUsd > 0)) {
            throw new IllegalArgumentException(
                    "instance type " + name + " needs positive vcpu, memoryGiB and hourlyUsd");
        }
        if (!(baselineCpuPercent >= 0 && baselineCpuPercent <= 100)) {
            throw new IllegalArgumentException("instance type " + name + " baselineCpu must be in [0, 100]");
        }
    }

    /** A fixed-performance type of unknown source and date (user code and tests). */
    public InstanceType(String provider, String name, String family, int vcpu, double memoryGib, double hourlyUsd) {
        this(provider, name, family, vcpu, memoryGib, hourlyUsd, 0, "user", "");
    }

    /** Whether CPU credits limit it: it has a baseline, or its name is a known burstable family. */
    public boolean burstable() {
        return baselineCpuPercent > 0 || BURSTABLE.matcher(name).matches();
    }

    /** A copy with another price, source and date (a price list replacing the shipped price). */
    public InstanceType repriced(double newHourly, String newSource, String newAsOf) {
        return new InstanceType(
                provider, name, family, vcpu, memoryGib, newHourly, baselineCpuPercent, newSource, newAsOf);
    }
}
