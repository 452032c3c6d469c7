package dev.costagent.core.analysis.utilization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A series is its samples in time order, whatever order they came in. */
class UtilizationSeriesTest {

    @Test
    void samplesOutOfOrderAreSortedByTimeAndEqualTimesKeepTheirOrder() {
        UtilizationSeries s =
                new UtilizationSeries("i-1", "cpu", new long[] {30, 10, 20, 10}, new double[] {3, 1, 2, 4});
        assertThat(s.epochSeconds()).containsExactly(10, 10, 20, 30);
        assertThat(s.values()).containsExactly(1, 4, 2, 3);
    }

    @Test
    void samplesInOrderStayAsTheyAre() {
        UtilizationSeries s = new UtilizationSeries("i-1", "cpu", new long[] {10, 10, 20}, new double[] {5, 6, 7});
        assertThat(s.epochSeconds()).containsExactly(10, 10, 20);
        assertThat(s.values()).containsExactly(5, 6, 7);
        assertThat(s.since(10).size()).isEqualTo(3);
        assertThat(s.since(11).values()).containsExactly(7);
    }

    @Test
    void nonFiniteValuesAreRejectedWithTheirTime() {
        assertThatThrownBy(() -> new UtilizationSeries("i-1", "cpu", new long[] {20, 10}, new double[] {1, Double.NaN}))
                .hasMessageContaining("i-1/cpu")
                .hasMessageContaining("1970-01-01T00:00:10Z");
    }
}
