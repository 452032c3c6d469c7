package dev.costagent.perf.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.Load;
import dev.costagent.perf.result.LoadResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PluginsTest {

    @Test
    void serviceLoaderRegisteredPluginsAreDiscovered() {
        Plugins plugins = Plugins.discovered();

        assertThat(plugins.reporters()).hasAtLeastOneElementOfType(RecordingPlugins.Reporter.class);
        assertThat(plugins.probes()).extracting(Probe::name).contains("discovered.constant");
        assertThat(plugins.profile("nope")).isEmpty();
    }

    @Test
    void programmaticRunsUseDiscoveredPluginsOnlyWhenAsked() {
        LoadResult without = Load.open(20).duration(Duration.ofMillis(100)).run(() -> {});
        LoadResult with = Load.open(20)
                .duration(Duration.ofMillis(100))
                .plugins(Plugins.discovered())
                .run(() -> {});

        assertThat(without.series()).allSatisfy(s -> assertThat(s.probes()).doesNotContainKey("discovered.constant"));
        assertThat(with.series()).allSatisfy(s -> assertThat(s.probes()).containsEntry("discovered.constant", 1.5));
    }
}
