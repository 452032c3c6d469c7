package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.focus.FocusVersion;
import dev.costagent.core.focus.Granularity;
import dev.costagent.core.focus.InputProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The input profile a {@link DataProfile} carries, and how profiles of several inputs join it. */
class DataProfileInputTest {

    @Test
    void theOldComponentsGiveAnUnknownInputProfile() {
        DataProfile profile = new DataProfile(1, 0, null, List.of("USD"), null, null, List.of(), List.of());

        assertThat(profile.input()).isEqualTo(InputProfile.EMPTY);
    }

    @Test
    void combineJoinsTheInputProfiles() {
        DataProfile hourly = profile(new InputProfile(FocusVersion.V1_0, Map.of("AWS", Granularity.HOURLY)));
        DataProfile daily = profile(
                new InputProfile(FocusVersion.V1_2, Map.of("AWS", Granularity.DAILY, "Microsoft", Granularity.DAILY)));

        InputProfile joined = DataProfile.combine(List.of(hourly, daily)).input();

        assertThat(joined.focusVersion()).isEqualTo(FocusVersion.V1_2);
        assertThat(joined.granularity())
                .containsExactlyEntriesOf(
                        new java.util.TreeMap<>(Map.of("AWS", Granularity.MIXED, "Microsoft", Granularity.DAILY)));
    }

    private static DataProfile profile(InputProfile input) {
        return new DataProfile(1, 0, null, List.of("USD"), null, null, List.of(), List.of(), input);
    }
}
