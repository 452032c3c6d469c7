package dev.costagent.perf.baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a measurement depends on besides the code: JVM, core count, operating system and CPU model. Two runs
 * are comparable when their fingerprints match.
 *
 * @param javaVersion         {@code java.version}
 * @param javaVendor          {@code java.vendor}
 * @param vmName              {@code java.vm.name}
 * @param availableProcessors {@code Runtime.availableProcessors()}
 * @param osName              {@code os.name}
 * @param osArch              {@code os.arch}
 * @param cpuModel            CPU model name where the OS tells it (Linux {@code /proc/cpuinfo}), else "unknown"
 */
public record EnvironmentFingerprint(
        String javaVersion,
        String javaVendor,
        String vmName,
        int availableProcessors,
        String osName,
        String osArch,
        String cpuModel) {

    /** The fingerprint of the running JVM and machine. */
    public static EnvironmentFingerprint current() {
        return new EnvironmentFingerprint(
                System.getProperty("java.version", "unknown"),
                System.getProperty("java.vendor", "unknown"),
                System.getProperty("java.vm.name", "unknown"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name", "unknown"),
                System.getProperty("os.arch", "unknown"),
                readCpuModel());
    }

    /**
     * The fields that differ from {@code other}, each as "field: this vs other"; empty when comparable.
     */
    public List<String> differencesFrom(EnvironmentFingerprint other) {
        List<String> differences = new ArrayList<>();
        compare(differences, "java.version", javaVersion, other.javaVersion);
        compare(differences, "java.vendor", javaVendor, other.javaVendor);
        compare(differences, "java.vm.name", vmName, other.vmName);
        compare(differences, "availableProcessors", availableProcessors, other.availableProcessors);
        compare(differences, "os.name", osName, other.osName);
        compare(differences, "os.arch", osArch, other.osArch);
        compare(differences, "cpu", cpuModel, other.cpuModel);
        return differences;
    }

    /** One line for reports, e.g. "Java 17.0.15 (OpenJDK 64-Bit Server VM), 2 cores, Linux amd64, Intel Xeon". */
    public String describe() {
        return "Java " + javaVersion + " (" + vmName + "), " + availableProcessors + " cores, " + osName + " " + osArch
                + ", " + cpuModel;
    }

    private static void compare(List<String> differences, String field, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            differences.add(field + ": " + mine + " vs " + theirs);
        }
    }

    private static String readCpuModel() {
        Path cpuInfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuInfo)) {
            try (Stream<String> lines = Files.lines(cpuInfo)) {
                return lines.filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .findFirst()
                        .orElse("unknown");
            } catch (IOException | RuntimeException e) {
                return "unknown";
            }
        }
        String identifier = System.getenv("PROCESSOR_IDENTIFIER"); // Windows
        return identifier == null ? "unknown" : identifier;
    }
}
