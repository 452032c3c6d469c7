package dev.costagent.examples.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The evidence beside the bill that the recommendations use, as flags: {@code --utilization}, {@code --inventory} and
 * {@code --catalog}. A picocli mixin shared by the agent's commands (through {@code AgentInputFlags}) and by other
 * front ends of them (costagent-spark's {@code analyze}).
 */
public final class FleetFlags {

    @Option(
            names = "--utilization",
            paramLabel = "FILE",
            description =
                    "CPU utilization: timestamp,value (resource = file name) or ResourceId,Timestamp,Metric,Value.")
    private Path utilization;

    @Option(names = "--inventory", paramLabel = "FILE", description = "Instance types: ResourceId,InstanceType.")
    private Path inventory;

    @Option(
            names = "--catalog",
            paramLabel = "FILE",
            description = "Instance catalog overrides: provider,type,family,vcpu,memoryGiB,hourlyUsd.")
    private Path catalog;

    /** Made by picocli. */
    public FleetFlags() {}

    /** The CPU utilization file, or null. */
    public Path utilization() {
        return utilization;
    }

    /** The instance inventory file, or null. */
    public Path inventory() {
        return inventory;
    }

    /** The instance catalog overrides file, or null. */
    public Path catalog() {
        return catalog;
    }
}
