package dev.costagent.examples.bench;

import java.util.List;
import java.util.Locale;

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
        List<String> plain = Contenders.costagentCommand(Contenders.javaExecutable(), jar);
        List<String> script = List.of(launcher);
        String[] summarize = {"summarize", "--quiet", "--format", "csv", "--by", "day,ServiceName", "--input", file};
        Contenders contenders = new Contenders()
                .add("java -jar --version", Contenders.with(plain, "--version"))
                .add("launcher --version", Contenders.with(script, "--version"))
                .add("java -jar summarize", Contenders.with(plain, summarize))
                .add("launcher summarize", Contenders.with(script, summarize));
        // The launcher's first run of each command makes its archive: not timed.
        Contenders.run(contenders.command("launcher --version"));
        Contenders.run(contenders.command("launcher summarize"));
        System.out.printf(Locale.ROOT, "load before: %s%n", Contenders.load());
        for (int round = 0; round < rounds; round++) {
            contenders.round();
        }
        System.out.printf(Locale.ROOT, "load after: %s%n", Contenders.load());
        contenders.print(System.out);
    }
}
