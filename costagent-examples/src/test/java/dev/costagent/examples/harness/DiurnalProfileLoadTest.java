package dev.costagent.examples.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.junit.CustomLoad;
import dev.costagent.perf.junit.Overrides;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.spi.LoadProfile;
import org.junit.jupiter.api.AfterEach;

/**
 * The diurnal profile through {@code @CustomLoad}: by class, and by the name under which
 * {@code src/test/resources/META-INF/services/dev.costagent.perf.spi.LoadProfile} registers it. (A registered profile
 * runs only where a test names it, so that registration leaves every other load test alone.)
 */
class DiurnalProfileLoadTest {

    @CustomLoad(profile = DiurnalProfile.class, maxConcurrency = 8)
    void dayByClass() {
        ExampleWork.hash(1);
    }

    @CustomLoad(name = DiurnalProfile.NAME, maxConcurrency = 8)
    void dayByName() {
        ExampleWork.hash(1);
    }

    /** Both ran exactly the default day, after the CI scaling ({@code perf.scale} is 0.1 in the build). */
    @AfterEach
    void everyScheduledCallRan(LoadResult result) {
        Overrides overrides = Overrides.fromSystemProperties();
        LoadProfile expected = new DiurnalProfile().scaled(overrides.timeScale(), overrides.rateScale());

        assertThat(result.description()).contains(expected.description());
        assertThat(result.phases()).isEqualTo(expected.phases());
        assertThat(result.count() + result.droppedStarts()).isEqualTo(DiurnalProfileTest.totalStarts(expected));
        assertThat(result.droppedStarts()).isZero();
    }
}
