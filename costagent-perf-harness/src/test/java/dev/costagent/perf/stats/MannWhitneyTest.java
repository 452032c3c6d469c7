package dev.costagent.perf.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MannWhitneyTest {

    @Test
    void separatedSamplesMatchReferenceValues() {
        // Reference: U = 25, z = 2.507 (continuity corrected), two-sided p = 0.01219.
        MannWhitney.Result r = MannWhitney.test(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});
        assertThat(r.u()).isEqualTo(25);
        assertThat(r.z()).isCloseTo(2.5067, within(1e-3));
        assertThat(r.pValue()).isCloseTo(0.01219, within(1e-4));
        assertThat(r.probabilitySecondLarger()).isEqualTo(1.0);
        assertThat(r.significantAt(0.05)).isTrue();
    }

    @Test
    void directionIsSignedAndSymmetric() {
        double[] small = {1, 2, 3, 4, 5, 6};
        double[] large = {4, 5, 6, 7, 8, 9};
        MannWhitney.Result up = MannWhitney.test(small, large);
        MannWhitney.Result down = MannWhitney.test(large, small);
        assertThat(up.z()).isPositive();
        assertThat(down.z()).isCloseTo(-up.z(), within(1e-12));
        assertThat(down.pValue()).isCloseTo(up.pValue(), within(1e-12));
    }

    @Test
    void tiesAreAveragedAndIdenticalSamplesAreNotSignificant() {
        MannWhitney.Result same = MannWhitney.test(new double[] {3, 3, 3}, new double[] {3, 3, 3});
        assertThat(same.pValue()).isEqualTo(1.0);
        assertThat(same.u()).isEqualTo(4.5);
        MannWhitney.Result tied = MannWhitney.test(new double[] {1, 2, 2, 3}, new double[] {2, 3, 3, 4});
        assertThat(tied.u()).isEqualTo(13.0); // pairs b>a counted, ties as one half
        assertThat(tied.significantAt(0.05)).isFalse();
    }
}
