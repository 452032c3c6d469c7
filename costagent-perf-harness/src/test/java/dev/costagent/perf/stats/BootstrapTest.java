package dev.costagent.perf.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void sameSeedGivesSameInterval() {
        double[] sample = noisy(new SplittableRandom(1), 30, 100);
        assertThat(Bootstrap.seeded(7).median(sample, 0.95))
                .isEqualTo(Bootstrap.seeded(7).median(sample, 0.95));
    }

    @Test
    void ratioOfMediansCoversTheTrueRatio() {
        SplittableRandom random = new SplittableRandom(3);
        int covered = 0;
        for (int trial = 0; trial < 100; trial++) {
            double[] base = noisy(random, 25, 100);
            double[] slower = noisy(random, 25, 130);
            ConfidenceInterval ci = Bootstrap.seeded(trial).resamples(500).ratioOfMedians(base, slower, 0.95);
            assertThat(ci.lower()).isLessThanOrEqualTo(ci.upper());
            if (ci.contains(1.3)) {
                covered++;
            }
        }
        // A 95% interval should cover the truth most of the time (percentile bootstrap of medians is a bit narrow).
        assertThat(covered).isBetween(85, 100);
    }

    @Test
    void fewResamplesAreRejected() {
        assertThatThrownBy(() -> Bootstrap.seeded(1).resamples(10)).hasMessageContaining("at least 100");
    }

    private static double[] noisy(SplittableRandom random, int n, double center) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = center * Math.exp(0.05 * gaussian(random));
        }
        return values;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
