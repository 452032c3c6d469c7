package dev.costagent.examples.launcher;

import java.lang.management.ManagementFactory;

/** Stands in for the CLI behind the launcher in tests: prints the JVM's options and the arguments it was given. */
public final class LauncherProbe {

    private LauncherProbe() {}

    /** Prints {@code jvm <option>} per JVM option, then {@code arg <argument>} per argument. */
    public static void main(String[] args) {
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            System.out.println("jvm " + option);
        }
        for (String arg : args) {
            System.out.println("arg " + arg);
        }
    }
}
