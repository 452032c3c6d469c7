package dev.costagent.llm.bench;

import static dev.costagent.llm.testing.Wire.openAiCompletion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costagent.core.narrate.Facts;
import dev.costagent.core.narrate.Narrative;
import dev.costagent.core.narrate.NarrativeSource;
import dev.costagent.llm.accounting.MeteredLlmClient;
import dev.costagent.llm.accounting.UsageLedger;
import dev.costagent.llm.client.ApiKey;
import dev.costagent.llm.client.LlmClient;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.TokenListener;
import dev.costagent.llm.client.TokenUsage;
import dev.costagent.llm.narrate.FactCheckBenchmark;
import dev.costagent.llm.narrate.LlmNarrator;
import dev.costagent.llm.provider.openai.OpenAiClient;
import dev.costagent.llm.reliability.ReliableLlmClient;
import dev.costagent.llm.testing.ScriptedServer;
import dev.costagent.llm.testing.ScriptedServer.Recorded;
import dev.costagent.llm.testing.ScriptedServer.Reply;
import dev.costagent.llm.transport.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the model narrator against a loopback OpenAI-compatible server that answers after a fixed latency, with
 * faithful text built from the facts it was sent (so every narrative passes validation and counts as "model"):
 * throughput at concurrency 8 versus 1, latency of a cached repeat, and the client's own overhead per call.
 *
 * <p>Run: {@code mvn -B -q -ntp -pl costagent-llm -am verify -Pperf -Dtest=NarrationBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false}, or this class's {@code main} with the test classpath.
 */
public final class NarrationBenchmark {

    private static final Pattern FENCED = Pattern.compile("<(facts-[0-9a-f]{16})>\\n(.*)\\n</\\1>", Pattern.DOTALL);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int explanations;
    private final Duration serverLatency;
    private final AtomicInteger subjects = new AtomicInteger();

    /**
     * A benchmark of {@code explanations} narrations per phase, against a server answering after
     * {@code serverLatency}.
     */
    public NarrationBenchmark(int explanations, Duration serverLatency) {
        this.explanations = explanations;
        this.serverLatency = serverLatency;
    }

    /** The figures of one run; times in microseconds unless named otherwise. */
    public record Result(
            int explanations,
            long serverLatencyMillis,
            double loadAverage,
            int processors,
            double sequentialSeconds,
            double concurrentSeconds,
            double throughputRatio,
            double cachedMedianMicros,
            double cachedP99Micros,
            double loopbackMedianMicros,
            double loopbackMeanMicros,
            double overheadAtLatencyMicros,
            double narratorWallMicros,
            double narratorCpuMicros,
            double loopbackProcessCpuMicros,
            double rawMedianMicros,
            double rawProcessCpuMicros,
            double responderMicros,
            long modelNarratives,
            double checkWallMicros,
            double checkCpuMicros) {

        /** A human-readable report. */
        public String describe() {
            return String.format(
                    Locale.ROOT,
                    String.join(
                            "%n",
                            "LLM narration benchmark: %d explanations per phase, server latency %d ms "
                                    + "(machine: %d cores, load average %.1f at start)",
                            "  concurrency 1: %.3f s (%.1f explanations/s)",
                            "  concurrency 8: %.3f s (%.1f explanations/s)",
                            "  throughput ratio 8 vs 1: %.2fx (target >= 7x; at most %.2fx for %d tasks in waves of 8)",
                            "  cached repeat latency: median %.1f us, p99 %.1f us (target <= 1 ms)",
                            "  client overhead per call:",
                            "    narrator alone (prompt, fences, validation; in-process client): %.1f us wall, %.1f us CPU",
                            "    full loopback call at 0 ms server latency (client + server + scheduling): median %.1f us, "
                                    + "mean %.1f us wall; %.1f us process CPU (client and in-JVM server together)",
                            "    bare JDK HttpClient round trip to the same server (no costagent code): median %.1f us wall, "
                                    + "%.1f us process CPU",
                            "    fake server's own work per call (reading the facts, writing the answer): %.1f us",
                            "    => costagent's own overhead per call: %.1f us wall (median full call minus bare round trip "
                                    + "minus the fake server's work)",
                            "    mean call at %d ms server latency minus the latency: %.1f us",
                            "  model-written narratives: %d",
                            "  fact check alone (facts sheet + check of one answer; literal, slots, refused in turn): "
                                    + "%.1f us wall, %.1f us CPU per narrative (target <= 1 ms)"),
                    explanations,
                    serverLatencyMillis,
                    processors,
                    loadAverage,
                    sequentialSeconds,
                    explanations / sequentialSeconds,
                    concurrentSeconds,
                    explanations / concurrentSeconds,
                    throughputRatio,
                    explanations / Math.ceil(explanations / 8.0),
                    explanations,
                    cachedMedianMicros,
                    cachedP99Micros,
                    narratorWallMicros,
                    narratorCpuMicros,
                    loopbackMedianMicros,
                    loopbackMeanMicros,
                    loopbackProcessCpuMicros,
                    rawMedianMicros,
                    rawProcessCpuMicros,
                    responderMicros,
                    loopbackMedianMicros - rawMedianMicros - responderMicros,
                    serverLatencyMillis,
                    overheadAtLatencyMicros,
                    modelNarratives,
                    checkWallMicros,
                    checkCpuMicros);
        }
    }

    /** Runs every phase. */
    public Result run() throws Exception {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int processors = Runtime.getRuntime().availableProcessors();
        double[] narratorAlone = narratorMicros(Math.max(2000, explanations * 20));
        double[] checkAlone = FactCheckBenchmark.microsPerCheck(Math.max(6000, explanations * 60));
        try (ScriptedServer server = ScriptedServer.start(32)) {
            Duration[] latency = {serverLatency};
            server.otherwise(request -> request.path().equals("/raw")
                    ? Reply.json(200, "{}")
                    : faithfulAnswer(request).after(latency[0]));
            ReliableLlmClient client = ReliableLlmClient.builder(new MeteredLlmClient(
                            new OpenAiClient(Endpoint.of(server.url("/v1"), ApiKey.of("sk-bench"))), new UsageLedger()))
                    .maxConcurrency(8)
                    .cacheSize(10_000)
                    .build();
            LlmNarrator narrator = LlmNarrator.builder(client)
                    .model("gpt-4o-mini")
                    .currency("USD")
                    .build();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                // Warm-up without latency, so that the JIT has compiled the hot paths before anything is timed.
                latency[0] = Duration.ZERO;
                narrateAll(narrator, freshFacts(Math.max(200, explanations * 5)), pool);
                narrateSequentially(narrator, freshFacts(Math.max(100, explanations * 2)));
                latency[0] = serverLatency;
                narrateAll(narrator, freshFacts(16), pool);

                List<Facts> sequentialFacts = freshFacts(explanations);
                long start = System.nanoTime();
                narrateSequentially(narrator, sequentialFacts);
                double sequential = (System.nanoTime() - start) / 1e9;

                List<Facts> concurrentFacts = freshFacts(explanations);
                start = System.nanoTime();
                narrateAll(narrator, concurrentFacts, pool);
                double concurrent = (System.nanoTime() - start) / 1e9;

                long[] cached = timeEach(narrator, concurrentFacts, 3);

                // Full calls and bare JDK round trips, interleaved in small blocks so that load drift on a shared
                // machine hits both alike.
                latency[0] = Duration.ZERO;
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                HttpRequest bare = HttpRequest.newBuilder(server.url("/raw"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build();
                narrateSequentially(narrator, freshFacts(explanations));
                for (int i = 0; i < explanations; i++) {
                    http.send(bare, HttpResponse.BodyHandlers.ofByteArray());
                }
                int blocks = Math.max(4, explanations / 10);
                long[] loopback = new long[blocks * 10];
                long[] raw = new long[blocks * 10];
                long loopbackCpuNanos = 0;
                long rawCpuNanos = 0;
                long responderNanos = 0;
                for (int block = 0; block < blocks; block++) {
                    List<Facts> facts = freshFacts(10);
                    long cpuBefore = processCpuNanos();
                    long responderBefore = server.responderNanos();
                    for (int i = 0; i < 10; i++) {
                        long t0 = System.nanoTime();
                        narrator.narrate(facts.get(i));
                        loopback[block * 10 + i] = System.nanoTime() - t0;
                    }
                    responderNanos += server.responderNanos() - responderBefore;
                    long cpuMiddle = processCpuNanos();
                    loopbackCpuNanos += cpuMiddle - cpuBefore;
                    for (int i = 0; i < 10; i++) {
                        long t0 = System.nanoTime();
                        http.send(bare, HttpResponse.BodyHandlers.ofByteArray());
                        raw[block * 10 + i] = System.nanoTime() - t0;
                    }
                    rawCpuNanos += processCpuNanos() - cpuMiddle;
                }
                Arrays.sort(loopback);
                Arrays.sort(raw);
                double loopbackCpu = loopbackCpuNanos / 1e3 / loopback.length;
                double responder = responderNanos / 1e3 / loopback.length;
                double[] rawFigures = {percentile(raw, 0.5), rawCpuNanos / 1e3 / raw.length};
                double perCallAtLatency = sequential * 1e6 / explanations - serverLatency.toNanos() / 1e3;
                return new Result(
                        explanations,
                        serverLatency.toMillis(),
                        load,
                        processors,
                        sequential,
                        concurrent,
                        sequential / concurrent,
                        percentile(cached, 0.5),
                        percentile(cached, 0.99),
                        percentile(loopback, 0.5),
                        Arrays.stream(loopback).average().orElse(0) / 1e3,
                        perCallAtLatency,
                        narratorAlone[0],
                        narratorAlone[1],
                        loopbackCpu,
                        rawFigures[0],
                        rawFigures[1],
                        responder,
                        narrator.statistics().model(),
                        checkAlone[0],
                        checkAlone[1]);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Mean wall and CPU time of one narration whose client answers in-process at once: the narrator's own work.
     * CPU time is the calling thread's, so it does not grow when other processes load the machine.
     */
    private double[] narratorMicros(int iterations) {
        Facts facts = freshFacts(1).get(0);
        String answer = "Service 1 cost $1,001.25 against an expected $800.00.";
        LlmClient instant = new LlmClient() {
            @Override
            public LlmResponse complete(LlmRequest request) {
                return new LlmResponse(answer, "stop", new TokenUsage(100, 20, 0), request.model(), Duration.ZERO, "");
            }

            @Override
            public LlmResponse stream(LlmRequest request, TokenListener listener) {
                return complete(request);
            }

            @Override
            public String name() {
                return "in-process";
            }
        };
        LlmNarrator narrator =
                LlmNarrator.builder(instant).model("m").currency("USD").build();
        for (int i = 0; i < iterations; i++) {
            narrator.narrate(facts);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            if (narrator.narrate(facts).source() != NarrativeSource.MODEL) {
                throw new IllegalStateException("in-process narrative fell back to the template");
            }
        }
        double wall = (System.nanoTime() - start) / 1e3 / iterations;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / iterations;
        return new double[] {wall, cpu};
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static long[] timeEach(LlmNarrator narrator, List<Facts> facts, int rounds) {
        long[] times = new long[facts.size() * rounds];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < facts.size(); i++) {
                long t0 = System.nanoTime();
                narrator.narrate(facts.get(i));
                times[round * facts.size() + i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(times);
        return times;
    }

    private static double percentile(long[] sorted, double fraction) {
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * fraction) - 1));
        return sorted[index] / 1e3;
    }

    private static void narrateSequentially(LlmNarrator narrator, List<Facts> facts) {
        for (Facts fact : facts) {
            narrator.narrate(fact);
        }
    }

    private static void narrateAll(LlmNarrator narrator, List<Facts> facts, ExecutorService pool) throws Exception {
        List<Future<Narrative>> futures = new ArrayList<>();
        for (Facts fact : facts) {
            futures.add(pool.submit(() -> narrator.narrate(fact)));
        }
        for (Future<Narrative> future : futures) {
            if (future.get().source() != NarrativeSource.MODEL) {
                throw new IllegalStateException("benchmark narrative fell back to the template");
            }
        }
    }

    private List<Facts> freshFacts(int count) {
        List<Facts> facts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int id = subjects.incrementAndGet();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("service", "Service " + id);
            values.put("actualCost", 1000 + id * 1.25);
            values.put("expectedCost", 800.0);
            values.put("changeRatio", (200 + id * 1.25) / 800.0);
            values.put("tags", Map.of("team", "team-" + (id % 7)));
            facts.add(new Facts("anomaly:ServiceName=Service " + id + "@2024-09-18", "anomaly", values));
        }
        return facts;
    }

    /** What a faithful model would answer: the facts' own numbers, rounded to cents. */
    private static Reply faithfulAnswer(Recorded request) {
        try {
            String user = request.json().path("messages").get(1).path("content").asText();
            Matcher fenced = FENCED.matcher(user);
            if (!fenced.find()) {
                return Reply.json(400, "{\"error\":{\"message\":\"no facts\",\"type\":\"invalid_request_error\"}}");
            }
            JsonNode facts = MAPPER.readTree(fenced.group(2)).path("facts");
            String text = String.format(
                    Locale.ROOT,
                    "%s cost $%,.2f against an expected $%,.2f.",
                    facts.path("service").asText(),
                    facts.path("actualCost").asDouble(),
                    facts.path("expectedCost").asDouble());
            return Reply.json(200, openAiCompletion(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the benchmark with 100 explanations and 50 ms latency, or the counts given as arguments. */
    public static void main(String[] args) throws Exception {
        int explanations = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long latencyMillis = args.length > 1 ? Long.parseLong(args[1]) : 50;
        System.out.println(new NarrationBenchmark(explanations, Duration.ofMillis(latencyMillis))
                .run()
                .describe());
    }
}
