package dev.costagent.perf.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.perf.result.Phase;
import dev.costagent.perf.spi.LoadProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadProfilesTest {

    @Test
    void aConstantRateIsEvenlySpaced() {
        List<Long> starts = starts(LoadProfiles.constant(100, Duration.ofSeconds(2)));

        assertThat(starts).hasSize(200);
        assertThat(starts.get(0)).isZero();
        assertThat(starts.get(1)).isEqualTo(10_000_000L);
        assertThat(starts.get(199)).isEqualTo(1_990_000_000L);
    }

    @Test
    void aRampStartsAsManyOperationsAsTheAreaUnderItsRateAndDensifies() {
        List<Long> starts = starts(LoadProfiles.ramp(0, 100, Duration.ofSeconds(2)));

        assertThat((double) starts.size()).isCloseTo(100, within(1.0));
        long firstHalf = starts.stream().filter(t -> t < 1_000_000_000L).count();
        assertThat((double) firstHalf).isCloseTo(25, within(1.0));
        assertThat(starts).isSorted();
    }

    @Test
    void aRampDownMirrorsARampUp() {
        List<Long> starts = starts(LoadProfiles.stages()
                .hold(100, Duration.ofSeconds(1))
                .rampTo(0, Duration.ofSeconds(2))
                .build());

        assertThat((double) starts.size()).isCloseTo(100 + 100, within(2.0));
        long lastHalfSecond = starts.stream().filter(t -> t >= 2_500_000_000L).count();
        assertThat((double) lastHalfSecond).isCloseTo(6.25, within(1.5));
        assertThat(starts).isSorted();
    }

    @Test
    void aSpikeHasBaselineSpikeAndRecoveryPhasesAndTheRightCounts() {
        LoadProfile spike =
                LoadProfiles.spike(5, 50, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(3));

        assertThat(spike.phases())
                .extracting(Phase::kind)
                .containsExactly(Phase.Kind.STEADY, Phase.Kind.SPIKE, Phase.Kind.RECOVERY);
        assertThat(spike.phases().get(1).start()).isEqualTo(Duration.ofSeconds(2));
        assertThat(spike.duration()).isEqualTo(Duration.ofSeconds(6));
        assertThat(starts(spike)).hasSize(10 + 50 + 15).isSorted();
    }

    @Test
    void theDefaultSpikeSurroundsTheSpikeWithEnoughBaseline() {
        LoadProfile spike = LoadProfiles.spike(5, 50, Duration.ofSeconds(2));

        assertThat(spike.phases().get(0).end()).isEqualTo(Duration.ofSeconds(5));
        assertThat(spike.duration()).isEqualTo(Duration.ofSeconds(5 + 2 + 10));
    }

    @Test
    void aBurstStartsEverythingAtZero() {
        assertThat(starts(LoadProfiles.burst(30))).hasSize(30).containsOnly(0L);
    }

    @Test
    void scalingChangesDurationsAndRates() {
        LoadProfile scaled = LoadProfiles.constant(100, Duration.ofSeconds(10)).scaled(0.1, 0.5);

        assertThat(scaled.duration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(starts(scaled)).hasSize(50);
        assertThat(starts(LoadProfiles.burst(30).scaled(1, 0.1))).hasSize(3);
    }

    @Test
    void pausesHaveNoArrivals() {
        List<Long> starts = starts(LoadProfiles.stages()
                .hold(10, Duration.ofSeconds(1))
                .pause(Duration.ofSeconds(1))
                .hold(10, Duration.ofSeconds(1))
                .build());

        assertThat(starts).hasSize(20).noneMatch(t -> t >= 1_000_000_000L && t < 2_000_000_000L);
    }

    @Test
    void badStagesAreRejected() {
        assertThatThrownBy(() -> LoadProfiles.constant(-1, Duration.ofSeconds(1)))
                .hasMessageContaining("not negative");
        assertThatThrownBy(() -> LoadProfiles.constant(1, Duration.ZERO))
                .hasMessageContaining("length must be positive");
        assertThatThrownBy(() -> LoadProfiles.stages().build()).hasMessageContaining("at least one stage");
        assertThatThrownBy(() -> LoadProfiles.burst(0)).hasMessageContaining("positive number of calls");
    }

    static List<Long> starts(LoadProfile profile) {
        LoadProfile.Schedule schedule = profile.schedule();
        List<Long> starts = new ArrayList<>();
        for (long t = schedule.nextStartNanos(); t != LoadProfile.Schedule.END; t = schedule.nextStartNanos()) {
            starts.add(t);
        }
        return starts;
    }
}
