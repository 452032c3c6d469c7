package dev.costagent.examples.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.perf.Load;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.result.Phase;
import dev.costagent.perf.spi.LoadProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diurnal schedule itself, and a programmatic run that follows it. */
class DiurnalProfileTest {

    /** Counts a profile's intended starts per whole second, checking they never go backwards or past the end. */
    static long[] startsPerSecond(LoadProfile profile) {
        long[] perSecond = new long[(int) Math.ceil(profile.duration().toNanos() / 1e9)];
        LoadProfile.Schedule schedule = profile.schedule();
        long previous = 0;
        for (long at = schedule.nextStartNanos(); at != LoadProfile.Schedule.END; at = schedule.nextStartNanos()) {
            assertThat(at)
                    .isGreaterThanOrEqualTo(previous)
                    .isLessThan(profile.duration().toNanos());
            perSecond[(int) (at / 1_000_000_000L)]++;
            previous = at;
        }
        return perSecond;
    }

    static long totalStarts(LoadProfile profile) {
        long total = 0;
        for (long n : startsPerSecond(profile)) {
            total += n;
        }
        return total;
    }

    @Test
    void theScheduleRisesToTheMiddayPeakAndFallsBack() {
        DiurnalProfile day = new DiurnalProfile(100, 400, Duration.ofSeconds(4), Duration.ofSeconds(4));

        long[] perSecond = startsPerSecond(day);

        // The integral of 100 + 300 (1 - cos(pi t / 2)) / 2 over each second: 154.5, 345.5, 345.5, 154.5.
        double quiet = 100 + 300 * (0.5 - 1 / Math.PI);
        double busy = 100 + 300 * (0.5 + 1 / Math.PI);
        assertThat((double) perSecond[0]).isCloseTo(quiet, within(quiet * 0.05));
        assertThat((double) perSecond[1]).isCloseTo(busy, within(busy * 0.05));
        assertThat((double) perSecond[2]).isCloseTo(busy, within(busy * 0.05));
        assertThat((double) perSecond[3]).isCloseTo(quiet, within(quiet * 0.05));
    }

    @Test
    void eachRunGetsAFreshScheduleAndHalfDaysArePhases() {
        DiurnalProfile day = new DiurnalProfile(10, 30, Duration.ofSeconds(2), Duration.ofSeconds(3));

        assertThat(totalStarts(day)).isEqualTo(totalStarts(day)).isPositive();
        assertThat(day.phases()).extracting(Phase::name).containsExactly("rising", "falling", "rising");
        assertThat(day.phases().get(2).end()).isEqualTo(Duration.ofSeconds(3));
        assertThat(day.description()).isEqualTo("diurnal 10/s to 30/s, period 2s, for 3s");
    }

    @Test
    void scalingSqueezesTimeAndMultipliesRates() {
        LoadProfile half = new DiurnalProfile(100, 300, Duration.ofSeconds(4), Duration.ofSeconds(4)).scaled(0.5, 2);

        assertThat(half.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(half.description()).isEqualTo("diurnal 200/s to 600/s, period 2s, for 2s");
        // Half the time at twice the rate: the same number of calls as the original day.
        assertThat((double) totalStarts(half)).isCloseTo(800, within(8.0));
    }

    @Test
    void badShapesAreRejectedWithTheValues() {
        assertThatThrownBy(() -> new DiurnalProfile(100, 50, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trough 100.0/s and peak 50.0/s");
        assertThatThrownBy(() -> new DiurnalProfile(1, 2, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
    }

    @Test
    void anOpenRunStartsEveryScheduledCallAndFollowsTheCurve() {
        // Half a day: 50/s at night rising to 450/s at midday, so the second second carries about three times the
        // first (122 vs 378 intended starts).
        DiurnalProfile morning = new DiurnalProfile(50, 450, Duration.ofSeconds(4), Duration.ofSeconds(2));

        LoadResult result = Load.open(morning).maxConcurrency(8).run(() -> ExampleWork.hash(1));

        assertThat(result.count()).isEqualTo(totalStarts(morning));
        assertThat(result.droppedStarts()).isZero();
        assertThat(result.description()).contains(morning.description());
        assertThat(result.phases()).isEqualTo(morning.phases());
        List<Long> perSecond = result.series().stream().map(s -> s.completed()).toList();
        assertThat(perSecond.get(1)).as("calls per second %s", perSecond).isGreaterThan(2 * perSecond.get(0));
    }
}
