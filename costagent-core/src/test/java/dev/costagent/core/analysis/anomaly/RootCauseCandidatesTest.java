package dev.costagent.core.analysis.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The root-cause preselection keeps the same candidates, in the same order, as the stable descending sort it
 * replaces: ties (many resources share a proxy of 0) keep their order in the series, NaN sorts as the largest.
 */
class RootCauseCandidatesTest {

    @Provide
    Arbitrary<double[]> proxies() {
        // few distinct values, so ties are common; NaN and signed zeros as Double.compare orders them
        return Arbitraries.of(0.0, -0.0, 1.5, -2.0, 7.25, Double.NaN, 100.0, 3.0)
                .array(double[].class)
                .ofMaxSize(400);
    }

    @Property
    void keepsTheFirstOfAStableDescendingSort(
            @ForAll("proxies") double[] values, @ForAll @IntRange(min = 0, max = 60) int k) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(values[y], values[x]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        int[] expected =
                Arrays.stream(order).limit(k).mapToInt(Integer::intValue).toArray();

        assertThat(RootCauseFinder.largest(values, k)).containsExactly(expected);
    }
}
