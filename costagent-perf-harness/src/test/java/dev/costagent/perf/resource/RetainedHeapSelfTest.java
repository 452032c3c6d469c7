package dev.costagent.perf.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.junit.ResourceBudget;
import dev.costagent.perf.testing.Scenarios;
import dev.costagent.perf.testing.Scenarios.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Must reach: a method retaining 200 MiB fails a 100 MB retained-heap budget, reporting 200 MiB within 10 %; a
 * method allocating nothing after a test that left 300 MiB of garbage passes. Ten runs each at {@code perf.scale}
 * 1 (the figure), three in the default build.
 */
@Tag("perf")
class RetainedHeapSelfTest {

    private static final Map<String, String> CONFIG = Map.of("perf.console", "false");
    private static final long MIB = 1L << 20;

    private static int runs() {
        return Double.parseDouble(System.getProperty("perf.scale", "1")) >= 1 ? 10 : 3;
    }

    @Test
    void aMethodRetaining200MiBFailsA100MBBudgetAndIsReportedWithin10Percent() {
        int runs = runs();
        for (int run = 0; run < runs; run++) {
            Outcome outcome = Scenarios.single(Retains200MiB.class, CONFIG);
            assertThat(outcome.status()).as("run %d", run).isEqualTo("FAILED");
            assertThat(outcome.failure())
                    .hasMessageContaining("retained heap: measured")
                    .hasMessageContaining("required <= 100.0 MiB");
            long retained = Long.parseLong(outcome.entries().get("perf.resources.retainedBytes"));
            assertThat((double) retained).as("run %d: retained bytes", run).isBetween(200 * MIB * 0.9, 200 * MIB * 1.1);
            assertThat(Retains200MiB.injected.confirmed()).isTrue();
        }
    }

    @Test
    void aMethodAllocatingNothingAfterATestThatLeft300MiBOfGarbagePasses() {
        int runs = runs();
        for (int run = 0; run < runs; run++) {
            List<Outcome> outcomes = Scenarios.run(GarbageThenNothing.class, CONFIG);
            assertThat(outcomes).hasSize(2);
            Outcome nothing = outcomes.stream()
                    .filter(o -> o.name().startsWith("allocatesNothing"))
                    .findFirst()
                    .orElseThrow();
            assertThat(nothing.passed())
                    .as("run %d: %s", run, nothing.failure())
                    .isTrue();
            long retained = Long.parseLong(nothing.entries().get("perf.resources.retainedBytes"));
            assertThat(Math.abs(retained)).as("run %d: retained bytes", run).isLessThan(4 * MIB);
        }
    }

    @Test
    void withoutLiveHeapReadingsARetainedBudgetFailsAsUnmeasuredNeverPasses() {
        ResourceUsage usage = new ResourceUsage(List.of(), 1, 0, 0, 0, 0, 0, -1, 0, 1);
        assertThat(ResourceLimits.none().maxHeap(MIB).check(usage, null, 1, null))
                .singleElement()
                .satisfies(check -> {
                    assertThat(check.met()).isFalse();
                    assertThat(check.note()).contains("not measured");
                });
    }

    static class Retains200MiB {
        static RetainedHeap injected;
        final List<byte[]> kept = new ArrayList<>();

        @Test
        @ResourceBudget(maxRetainedHeap = "100MB", interval = "20ms")
        void retains() {
            for (int i = 0; i < 200; i++) {
                kept.add(new byte[(int) MIB]);
            }
        }

        @AfterEach
        void after(RetainedHeap retained) {
            injected = retained;
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class GarbageThenNothing {
        static volatile List<byte[]> garbage;

        @Test
        @Order(1)
        void leaves300MiBOfGarbage() {
            List<byte[]> chunks = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                chunks.add(new byte[(int) MIB]);
            }
            garbage = chunks;
            garbage = null; // unreachable from here on: garbage for the next test's window
        }

        @Test
        @Order(2)
        @ResourceBudget(maxRetainedHeap = "100MB", maxHeap = "", interval = "20ms")
        void allocatesNothing() {
            // nothing: the 300 MiB left by the test before must not be charged here
        }
    }
}
