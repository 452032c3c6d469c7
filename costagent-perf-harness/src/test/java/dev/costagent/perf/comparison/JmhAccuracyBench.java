package dev.costagent.perf.comparison;

import dev.costagent.perf.bench.BenchmarkResult;
import dev.costagent.perf.bench.BenchmarkRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The bench command behind the accuracy figures in docs/performance.md: the harness's {@code BenchmarkRunner}
 * (in this JVM, the cache get first, so it is the first benchmark of the JVM, then the checksum, then the cache get
 * again; then both forked, {@code perf.bench.forks} fresh JVMs each, default 2) side by side with JMH 1.37 (the same
 * number of forks, 5 x 200 ms warm-up, 10 x 200 ms measurement) on the same methods, in one run. Not part of the
 * default build:
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

    /** Forks of the harness's forked runs and of JMH. */
    private static final int FORKS = Integer.getInteger("perf.bench.forks", 2);

    @Test
    void harnessAgainstJmh() throws Exception {
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        int[] key = new int[1];
        BenchmarkRunner runner =
                BenchmarkRunner.named("x").measurementIterations(15).iterationTime(Duration.ofMillis(100));
        BenchmarkResult firstGet = runner.run(bh -> bh.consume(AccuracyWorkloads.cacheGet(key[0]++)));
        BenchmarkResult checksum = runner.run(bh -> bh.consume(AccuracyWorkloads.checksum(key[0]++)));
        BenchmarkResult repeatGet = runner.run(bh -> bh.consume(AccuracyWorkloads.cacheGet(key[0]++)));
        // Forked, as JMH runs: each is the first benchmark of its own JVM.
        BenchmarkRunner forked = runner.forks(FORKS);
        BenchmarkResult forkedGet = forked.run(HarnessWorkloads.class, "cacheGet");
        BenchmarkResult forkedChecksum = forked.run(HarnessWorkloads.class, "checksum");

        Options options = new OptionsBuilder()
                .include(AccuracyWorkloads.class.getName() + ".jmh")
                .forks(FORKS)
                .warmupIterations(5)
                .warmupTime(org.openjdk.jmh.runner.options.TimeValue.milliseconds(200))
                .measurementIterations(10)
                .measurementTime(org.openjdk.jmh.runner.options.TimeValue.milliseconds(200))
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.NANOSECONDS)
                .build();
        double jmhGet = Double.NaN;
        double jmhChecksum = Double.NaN;
        for (RunResult result : new Runner(options).run()) {
            String label = result.getParams().getBenchmark();
            double score = result.getPrimaryResult().getScore();
            if (label.endsWith("jmhCacheGet")) {
                jmhGet = score;
            } else if (label.endsWith("jmhChecksum")) {
                jmhChecksum = score;
            }
        }
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
        List<String> lines = new ArrayList<>();
        lines.add("load average before: " + load + "; after: " + loadAfter);
        lines.add(row("cache get, harness first benchmark of the JVM", firstGet, jmhGet));
        lines.add(row("cache get, harness on repeat", repeatGet, jmhGet));
        lines.add(row("checksum (2,000 ints), harness in the test JVM", checksum, jmhChecksum));
        lines.add(row("cache get, harness forked", forkedGet, jmhGet));
        lines.add(row("checksum (2,000 ints), harness forked", forkedChecksum, jmhChecksum));
        Path out = Path.of("target", "jmh-accuracy.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        lines.forEach(line -> System.out.println("[accuracy] " + line));
    }

    private static String row(String what, BenchmarkResult harness, double jmh) {
        return String.format(
                Locale.ROOT,
                "%s: harness median %.2f ns/op (warm-up %d iterations, %s), JMH %.2f ns/op,"
                        + " harness/JMH %.3f (%+.1f%%)",
                what,
                harness.median(),
                harness.warmupIterations(),
                harness.steady() ? "steady" : "NOT steady",
                jmh,
                harness.median() / jmh,
                (harness.median() / jmh - 1) * 100);
    }
}
