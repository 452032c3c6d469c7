package dev.costagent.perf.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.Blackhole;
import dev.costagent.perf.testing.Scenarios;
import dev.costagent.perf.testing.Scenarios.Outcome;
import dev.costagent.perf.volume.DataVolume;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Must reach: {@code @DataVolume} with default timings (each size warmed up to steady state) passes a linear sum
 * against an exponent budget of 1.3 every time, and fails an O(n^2) sort every time: 20 runs each at
 * {@code perf.scale} 1 ({@code -Pperf}) and 20 runs each at the default build's scale (0.1), where each size is
 * warmed up until steady for up to one second whatever the scale (a fixed, scaled bound once read 1.35 for the
 * linear sum).
 */
@Tag("perf")
class DataVolumeSelfTest {

    private static final Map<String, String> CONFIG = Map.of("perf.console", "false");

    @Test
    void aLinearSumPassesAndAQuadraticSortFailsEveryRun() {
        int runs = 20;
        int linearFailures = 0;
        int quadraticPasses = 0;
        StringBuilder why = new StringBuilder();
        for (int run = 0; run < runs; run++) {
            Outcome linear = Scenarios.single(LinearSum.class, CONFIG);
            if (!linear.passed()) {
                linearFailures++;
                why.append(linear.failure()).append('\n');
            }
            Outcome quadratic = Scenarios.single(QuadraticSort.class, CONFIG);
            if (quadratic.passed()) {
                quadraticPasses++;
                why.append("quadratic passed: ").append(quadratic.entries()).append('\n');
            }
        }
        assertThat(linearFailures)
                .as("linear sum failed in %d runs:%n%s", runs, why)
                .isZero();
        assertThat(quadraticPasses)
                .as("O(n^2) sort passed in %d runs:%n%s", runs, why)
                .isZero();
    }

    static int[] values(int size) {
        int[] values = new int[size];
        int x = 12_345;
        for (int i = 0; i < size; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            values[i] = x;
        }
        return values;
    }

    static class LinearSum {
        @DataVolume(
                sizes = {1_000, 10_000, 100_000},
                setup = "values",
                maxExponent = 1.3)
        void sum(int[] values, Blackhole bh) {
            long sum = 0;
            for (int v : values) {
                sum += v;
            }
            bh.consume(sum);
        }

        static int[] values(int size) {
            return DataVolumeSelfTest.values(size);
        }
    }

    static class QuadraticSort {
        @DataVolume(
                sizes = {100, 400, 1_600},
                setup = "values",
                maxExponent = 1.3)
        void sort(int[] values, Blackhole bh) {
            int[] copy = values.clone();
            for (int i = 1; i < copy.length; i++) { // insertion sort: O(n^2) on random input
                int v = copy[i];
                int j = i - 1;
                while (j >= 0 && copy[j] > v) {
                    copy[j + 1] = copy[j];
                    j--;
                }
                copy[j + 1] = v;
            }
            bh.consume(copy[copy.length / 2]);
        }

        static int[] values(int size) {
            return DataVolumeSelfTest.values(size);
        }
    }
}
