package dev.costagent.perf.comparison;

import dev.costagent.perf.bench.BenchmarkResult;
import dev.costagent.perf.bench.BenchmarkRunner;
import dev.costagent.perf.stats.Stats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The bench command behind the accuracy figures in docs/performance.md, side by side in one run:
 *
 * <ol>
 *   <li>the harness's {@code BenchmarkRunner} in this JVM: the cache get first (the first benchmark of the JVM),
 *       the checksum, the cache get again (on repeat);
 *   <li>then {@code perf.bench.rounds} rounds (default 3), each running, one after the other, a harness fork and a
 *       JMH 1.37 fork (5 x 200 ms warm-up, 10 x 200 ms measurement, average time) of the cache get, then of the
 *       checksum: interleaved in time, so a change of the machine's load reaches both tools alike.
 * </ol>
 *
 * Each figure is given as the median and the minimum of the per-iteration ns/op (JMH's iteration scores, the
 * harness's samples): on a shared machine the minimum is the iteration least disturbed by other processes. Not part
 * of the default build:
 *
 * <pre>
 * mvn -o -q -pl costagent-perf-harness test -Dtest=JmhAccuracyBench -Dperf.bench=true -Dperf.scale=1 \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Writes {@code target/jmh-accuracy.txt}. It prints figures and asserts nothing: on a shared machine the figures
 * say under which load they were taken.
 */
@Tag("perf")
@EnabledIfSystemProperty(named = "perf.bench", matches = "true")
class JmhAccuracyBench {

    private static final int ROUNDS = Integer.getInteger("perf.bench.rounds", 3);

    @Test
    void harnessAgainstJmh() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("load average before: " + load() + "; compiler blackhole in the test JVM: "
                + dev.costagent.perf.Blackhole.compilerBlackholeActive());
        int[] key = new int[1];
        BenchmarkRunner runner =
                BenchmarkRunner.named("x").measurementIterations(15).iterationTime(Duration.ofMillis(100));
        BenchmarkResult firstGet = runner.run(bh -> bh.consume(AccuracyWorkloads.cacheGet(key[0]++)));
        BenchmarkResult checksum = runner.run(bh -> bh.consume(AccuracyWorkloads.checksum(key[0]++)));
        BenchmarkResult repeatGet = runner.run(bh -> bh.consume(AccuracyWorkloads.cacheGet(key[0]++)));
        String inProcessLoad = load();

        BenchmarkRunner forked = runner.forks(1);
        List<double[]> harnessGet = new ArrayList<>();
        List<double[]> harnessChecksum = new ArrayList<>();
        List<double[]> jmhGet = new ArrayList<>();
        List<double[]> jmhChecksum = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            BenchmarkResult get = forked.run(HarnessWorkloads.class, "cacheGet");
            double[] jmhGetRound = jmh("jmhCacheGet");
            BenchmarkResult sum = forked.run(HarnessWorkloads.class, "checksum");
            double[] jmhSumRound = jmh("jmhChecksum");
            harnessGet.add(get.samples());
            jmhGet.add(jmhGetRound);
            harnessChecksum.add(sum.samples());
            jmhChecksum.add(jmhSumRound);
            lines.add(String.format(
                    Locale.ROOT,
                    "round %d (load %s): cache get harness %s / JMH %s; checksum harness %s / JMH %s",
                    round,
                    load(),
                    figures(get.samples()),
                    figures(jmhGetRound),
                    figures(sum.samples()),
                    figures(jmhSumRound)));
        }
        double[] allJmhGet = concat(jmhGet);
        double[] allJmhChecksum = concat(jmhChecksum);
        lines.add("in the test JVM (load after: " + inProcessLoad + "), against the pooled JMH forks:");
        lines.add(row("cache get, harness first benchmark of the JVM", firstGet.samples(), allJmhGet, firstGet));
        lines.add(row("cache get, harness on repeat", repeatGet.samples(), allJmhGet, repeatGet));
        lines.add(row("checksum, harness in the test JVM", checksum.samples(), allJmhChecksum, checksum));
        lines.add("forked, interleaved with JMH, pooled over " + ROUNDS + " rounds:");
        lines.add(row("cache get, harness forked", concat(harnessGet), allJmhGet, null));
        lines.add(row("checksum, harness forked", concat(harnessChecksum), allJmhChecksum, null));
        lines.add("load average after: " + load());
        Path out = Path.of("target", "jmh-accuracy.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        lines.forEach(line -> System.out.println("[accuracy] " + line));
    }

    /** One JMH fork of {@code method}: its measurement iterations' ns/op. */
    private static double[] jmh(String method) throws Exception {
        Options options = new OptionsBuilder()
                .include(AccuracyWorkloads.class.getName() + "." + method + "$")
                .forks(1)
                .warmupIterations(5)
                .warmupTime(TimeValue.milliseconds(200))
                .measurementIterations(10)
                .measurementTime(TimeValue.milliseconds(200))
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.NANOSECONDS)
                .build();
        List<Double> scores = new ArrayList<>();
        for (RunResult result : new Runner(options).run()) {
            for (org.openjdk.jmh.results.BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    scores.add(iteration.getPrimaryResult().getScore());
                }
            }
        }
        return scores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String row(String what, double[] harness, double[] jmh, BenchmarkResult result) {
        double medianRatio = Stats.median(harness) / Stats.median(jmh);
        double minRatio = min(harness) / min(jmh);
        return String.format(
                Locale.ROOT,
                "%s: harness %s, JMH %s; harness/JMH median %.3f (%+.1f%%), minimum %.3f (%+.1f%%)%s",
                what,
                figures(harness),
                figures(jmh),
                medianRatio,
                (medianRatio - 1) * 100,
                minRatio,
                (minRatio - 1) * 100,
                result == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                " [warm-up %d iterations, %s]",
                                result.warmupIterations(),
                                result.steady() ? "steady" : "NOT steady"));
    }

    private static String figures(double[] samples) {
        return String.format(Locale.ROOT, "median %.2f min %.2f ns/op", Stats.median(samples), min(samples));
    }

    private static double min(double[] samples) {
        return Arrays.stream(samples).min().orElse(Double.NaN);
    }

    private static double[] concat(List<double[]> parts) {
        return parts.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    private static String load() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
