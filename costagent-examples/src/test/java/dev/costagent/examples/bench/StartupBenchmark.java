package dev.costagent.examples.bench;

import dev.costagent.perf.stats.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Start-up benchmark, whole processes interleaved round by round: a short command ({@code --version}, and
 * {@code summarize} of a small file) run as {@code java -jar} with the launcher's default JVM options (no class-data
 * sharing archive) and through the launcher script (with the archive its first run made). Prints wall and CPU
 * seconds (user + system, from {@code /usr/bin/time}): on a shared machine the CPU figure is the steadier one.
 *
 * <p>Run: {@code java -cp ... StartupBenchmark SMALL_FILE [rounds] [costagent.jar] [launcher]} (see
 * docs/performance.md, Start-up).
 */
public final class StartupBenchmark {

    private StartupBenchmark() {}

    /** Runs the benchmark: {@code SMALL_FILE [rounds] [costagent.jar] [launcher]}. */
    public static void main(String[] args) throws Exception {
        String file = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String jar = args.length > 2 ? args[2] : "costagent-examples/target/costagent.jar";
        String launcher = args.length > 3 ? args[3] : "./costagent";
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                .toString();
        List<String> plain = IngestBenchmark.costagentCommand(javaBin, jar);
        List<String> script = List.of(launcher);
        String[] summarize = {"summarize", "--quiet", "--format", "csv", "--by", "day,ServiceName", "--input", file};
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("java -jar --version", IngestBenchmark.with(plain, "--version"));
        commands.put("launcher --version", IngestBenchmark.with(script, "--version"));
        commands.put("java -jar summarize", IngestBenchmark.with(plain, summarize));
        commands.put("launcher summarize", IngestBenchmark.with(script, summarize));
        // The launcher's first run of each command makes its archive: not timed.
        IngestBenchmark.run(commands.get("launcher --version"));
        IngestBenchmark.run(commands.get("launcher summarize"));
        Map<String, double[]> wall = new LinkedHashMap<>();
        Map<String, double[]> cpu = new LinkedHashMap<>();
        commands.keySet().forEach(name -> wall.put(name, new double[rounds]));
        commands.keySet().forEach(name -> cpu.put(name, new double[rounds]));
        System.out.printf(Locale.ROOT, "load before: %s%n", IngestBenchmark.load());
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                IngestBenchmark.Run run = IngestBenchmark.run(new ArrayList<>(command.getValue()));
                wall.get(command.getKey())[round] = run.seconds();
                cpu.get(command.getKey())[round] = run.cpuSeconds();
            }
        }
        System.out.printf(Locale.ROOT, "load after: %s%n", IngestBenchmark.load());
        for (String name : commands.keySet()) {
            System.out.printf(
                    Locale.ROOT,
                    "%-22s wall median %.2f s, CPU median %.2f s%n",
                    name,
                    Stats.median(wall.get(name)),
                    Stats.median(cpu.get(name)));
        }
    }
}
