package dev.costagent.perf.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LeastSquaresTest {

    @Test
    void exactLineIsRecovered() {
        LinearFit fit = LeastSquares.line(new double[] {1, 2, 3, 4}, new double[] {3, 5, 7, 9});
        assertThat(fit.slope()).isCloseTo(2, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(1, within(1e-12));
        assertThat(fit.rSquared()).isCloseTo(1, within(1e-12));
        assertThat(fit.at(10)).isCloseTo(21, within(1e-9));
    }

    @Test
    void noisyLineHasLowerRSquared() {
        LinearFit fit = LeastSquares.line(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4.5, 5.5, 8.5, 9.5});
        assertThat(fit.slope()).isCloseTo(1.9, within(1e-9));
        assertThat(fit.rSquared()).isBetween(0.9, 0.999);
    }

    @Test
    void twoRegressorsWithoutInterceptAreRecovered() {
        double[] x1 = {0, 1, 2, 3, 4};
        double[] x2 = {0, 2, 6, 12, 20};
        double[] y = new double[5];
        for (int i = 0; i < 5; i++) {
            y[i] = 0.05 * x1[i] + 0.002 * x2[i];
        }
        double[] c = LeastSquares.withoutIntercept(new double[][] {x1, x2}, y);
        assertThat(c[0]).isCloseTo(0.05, within(1e-12));
        assertThat(c[1]).isCloseTo(0.002, within(1e-12));
    }

    @Test
    void degenerateInputIsRejected() {
        assertThatThrownBy(() -> LeastSquares.line(new double[] {1, 1}, new double[] {1, 2}))
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> LeastSquares.withoutIntercept(new double[][] {{1, 2}, {2, 4}}, new double[] {1, 2}))
                .hasMessageContaining("linearly dependent");
        assertThatThrownBy(() -> LeastSquares.line(new double[] {1, 2}, new double[] {1}))
                .hasMessageContaining("differ in length");
    }
}
