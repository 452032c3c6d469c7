package dev.costagent.examples.bench;

import dev.costagent.perf.stats.Stats;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole processes compared side by side: each named command runs once a round, in the same order every round, so
 * that the machine's noise falls on every contender alike. Each run's wall and CPU seconds (user + system) and peak
 * RSS come from {@code /usr/bin/time}; an {@code analyze} run's stage timings from its JSON report.
 */
final class Contenders {

    private static final Pattern STAGE =
            Pattern.compile("\"stage\"\\s*:\\s*\"(\\w+)\"\\s*,\\s*\"millis\"\\s*:\\s*([0-9.]+)");

    private final Map<String, List<String>> commands = new LinkedHashMap<>();
    private final Map<String, List<Run>> runs = new LinkedHashMap<>();

    /** One process: wall seconds, peak RSS, CPU seconds, and (for analyze) the stage timings of its JSON report. */
    record Run(double seconds, long peakRssKiB, double cpuSeconds, Map<String, Double> stageMillis) {}

    /** Adds a contender; rounds run them in the order added. */
    Contenders add(String name, List<String> command) {
        commands.put(name, List.copyOf(command));
        runs.put(name, new ArrayList<>());
        return this;
    }

    /** The command of a contender. */
    List<String> command(String name) {
        return commands.get(name);
    }

    /** Runs every contender once, in order. */
    void round() throws IOException, InterruptedException {
        for (Map.Entry<String, List<String>> command : commands.entrySet()) {
            runs.get(command.getKey()).add(run(command.getValue()));
        }
    }

    /** The median wall seconds of a contender's runs. */
    double seconds(String name) {
        return median(name, Run::seconds);
    }

    /** The median CPU seconds (user + system) of a contender's runs. */
    double cpuSeconds(String name) {
        return median(name, Run::cpuSeconds);
    }

    /** The median peak RSS of a contender's runs, in MiB. */
    double peakRssMiB(String name) {
        return median(name, run -> run.peakRssKiB() / 1024.0);
    }

    /** The median of each stage timing a contender's runs reported (analyze), in milliseconds. */
    Map<String, Double> stageMillis(String name) {
        Map<String, List<Double>> all = new LinkedHashMap<>();
        for (Run run : runs.get(name)) {
            run.stageMillis()
                    .forEach((stage, millis) ->
                            all.computeIfAbsent(stage, k -> new ArrayList<>()).add(millis));
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        all.forEach((stage, millis) -> medians.put(
                stage,
                Stats.median(millis.stream().mapToDouble(Double::doubleValue).toArray())));
        return medians;
    }

    /** Prints each contender's medians (wall, CPU, peak RSS) and its wall seconds run by run. */
    void print(PrintStream out) {
        for (String name : commands.keySet()) {
            out.printf(
                    Locale.ROOT,
                    "%-28s median wall %.2f s, CPU %.2f s, peak RSS %.0f MiB  runs %s%n",
                    name,
                    seconds(name),
                    cpuSeconds(name),
                    peakRssMiB(name),
                    Arrays.toString(runs.get(name).stream()
                            .mapToDouble(run -> Math.round(run.seconds() * 100) / 100.0)
                            .toArray()));
        }
    }

    private double median(String name, java.util.function.ToDoubleFunction<Run> figure) {
        return Stats.median(runs.get(name).stream().mapToDouble(figure).toArray());
    }

    /**
     * How costagent runs: the launcher script when {@code -Dcostagent.launcher=./costagent} (with its class-data
     * sharing archive), else {@code java -jar} with the launcher's default JVM options ({@code -Dcostagent.javaOpts}).
     */
    static List<String> costagentCommand(String java, String jar) {
        String launcher = System.getProperty("costagent.launcher");
        if (launcher != null) {
            return List.of(launcher);
        }
        List<String> costagent = new ArrayList<>(List.of(java));
        costagent.addAll(Arrays.asList(System.getProperty(
                        "costagent.javaOpts",
                        "-XX:+UseSerialGC -Xmn64m -XX:FreqInlineSize=100 -XX:InlineSmallCode=1000")
                .trim()
                .split("\\s+")));
        costagent.addAll(List.of("-jar", jar));
        return costagent;
    }

    /** This JVM's {@code java} executable, to start contenders with. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The machine's load averages ({@code /proc/loadavg}), to print beside every figure. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** {@code command} followed by {@code args}. */
    static List<String> with(List<String> command, String... args) {
        List<String> all = new ArrayList<>(command);
        all.addAll(Arrays.asList(args));
        return all;
    }

    /** The issues' streaming query: {@code summarize --by day,ServiceName} of {@code input}, printed as CSV. */
    static List<String> summarizeByDayAndService(List<String> costagent, String input) {
        return with(costagent, "summarize", "--quiet", "--format", "csv", "--by", "day,ServiceName", "--input", input);
    }

    /** Runs one process under {@code /usr/bin/time}; a non-zero exit fails with the process's error output. */
    static Run run(List<String> command) throws IOException, InterruptedException {
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "RSS_KIB %M\nCPU_SECONDS %U %S"));
        timed.addAll(command);
        File out = File.createTempFile("bench", ".out");
        File err = File.createTempFile("bench", ".err");
        try {
            long started = System.nanoTime();
            Process process = new ProcessBuilder(timed)
                    .redirectOutput(out)
                    .redirectError(err)
                    .start();
            int code = process.waitFor();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (code != 0) {
                throw new IllegalStateException(
                        "exit " + code + ": " + String.join(" ", command) + "\n" + Files.readString(err.toPath()));
            }
            List<String> timeLines = Files.readAllLines(err.toPath());
            long rss = timeLines.stream()
                    .filter(l -> l.startsWith("RSS_KIB "))
                    .mapToLong(l -> Long.parseLong(l.substring(8).trim()))
                    .max()
                    .orElse(-1);
            double cpu = timeLines.stream()
                    .filter(l -> l.startsWith("CPU_SECONDS "))
                    .mapToDouble(l -> Arrays.stream(l.substring(12).trim().split(" "))
                            .mapToDouble(Double::parseDouble)
                            .sum())
                    .max()
                    .orElse(-1);
            Map<String, Double> stages = new LinkedHashMap<>();
            if (out.length() > 0 && out.length() < (64 << 20)) {
                Matcher m = STAGE.matcher(Files.readString(out.toPath()));
                while (m.find()) {
                    stages.put(m.group(1), Double.parseDouble(m.group(2)));
                }
            }
            return new Run(seconds, rss, cpu, stages);
        } finally {
            out.delete();
            err.delete();
        }
    }
}
