package dev.costagent.perf.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianAndPercentilesInterpolateBetweenRanks() {
        double[] values = {4, 1, 3, 2};
        assertThat(Stats.median(values)).isEqualTo(2.5);
        assertThat(Stats.percentile(values, 25)).isEqualTo(1.75);
        assertThat(Stats.percentile(values, 0)).isEqualTo(1);
        assertThat(Stats.percentile(values, 100)).isEqualTo(4);
        assertThat(Stats.median(new double[] {7, 1, 9})).isEqualTo(7);
        assertThat(values).containsExactly(4, 1, 3, 2); // input untouched
    }

    @Test
    void meanStandardDeviationMinMax() {
        double[] values = {2, 4, 4, 4, 5, 5, 7, 9};
        assertThat(Stats.mean(values)).isEqualTo(5);
        assertThat(Stats.standardDeviation(values)).isCloseTo(2.138089935, within(1e-9));
        assertThat(Stats.min(values)).isEqualTo(2);
        assertThat(Stats.max(values)).isEqualTo(9);
    }

    @Test
    void meanIntervalUsesStudentT() {
        double[] values = {10, 12, 11, 13, 9, 10, 11, 12, 10, 12};
        ConfidenceInterval ci = Stats.meanInterval(values, 0.95);
        double sd = Stats.standardDeviation(values);
        double expectedHalf = 2.262157 * sd / Math.sqrt(10);
        assertThat(ci.estimate()).isEqualTo(11);
        assertThat(ci.upper() - ci.estimate()).isCloseTo(expectedHalf, within(1e-3));
        assertThat(ci.contains(11)).isTrue();
    }

    @Test
    void emptyOrBadInputFailsWithOneLineMessage() {
        assertThatThrownBy(() -> Stats.median(new double[0])).hasMessageContaining("sample is empty");
        assertThatThrownBy(() -> Stats.percentile(new double[] {1}, 101)).hasMessageContaining("[0, 100]");
        assertThatThrownBy(() -> new ConfidenceInterval(1, 2, 1, 0.95)).hasMessageContaining("exceeds");
    }

    @Test
    void distributionsMatchTables() {
        assertThat(Distributions.normalCdf(1.96)).isCloseTo(0.9750021, within(1e-6));
        assertThat(Distributions.normalCdf(-1.0)).isCloseTo(0.1586553, within(1e-6));
        assertThat(Distributions.normalQuantile(0.975)).isCloseTo(1.959964, within(1e-5));
        assertThat(Distributions.studentTQuantile(0.975, 4)).isCloseTo(2.776445, within(0.01));
        assertThat(Distributions.studentTQuantile(0.975, 9)).isCloseTo(2.262157, within(0.002));
        assertThat(Distributions.studentTQuantile(0.975, 30)).isCloseTo(2.042272, within(1e-4));
        assertThat(Distributions.studentTQuantile(0.975, 1)).isCloseTo(12.7062, within(1e-3));
        assertThat(Distributions.studentTQuantile(0.975, 2)).isCloseTo(4.302653, within(1e-5));
    }
}
