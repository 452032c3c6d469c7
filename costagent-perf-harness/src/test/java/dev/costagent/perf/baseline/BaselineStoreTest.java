package dev.costagent.perf.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStoreTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsThroughJsonWithFingerprint() throws Exception {
        BaselineStore store = BaselineStore.at(dir.resolve("baselines"));
        Baseline saved = Baseline.of("Parser#parse small/1", "ns/op", new double[] {101.5, 99.25, 100});
        Path file = store.save(saved);
        assertThat(file.getFileName().toString()).isEqualTo("Parser_parse_small_1.json");
        String json = Files.readString(file);
        assertThat(json)
                .contains("\"availableProcessors\"")
                .contains("\"cpuModel\"")
                .contains("99.25");
        assertThat(store.load("Parser#parse small/1")).contains(saved);
        assertThat(store.load("missing")).isEmpty();
        assertThat(saved.environment()).isEqualTo(EnvironmentFingerprint.current());
    }

    @Test
    void corruptFileFailsNamingThePath() throws Exception {
        BaselineStore store = BaselineStore.at(dir);
        Files.writeString(store.fileFor("bad"), "{ not json");
        assertThatThrownBy(() -> store.load("bad"))
                .hasMessageContaining("cannot read baseline")
                .hasMessageContaining("bad.json");
    }

    @Test
    void fingerprintDescribesTheMachine() {
        EnvironmentFingerprint here = EnvironmentFingerprint.current();
        assertThat(here.availableProcessors()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(here.describe()).contains("cores").contains(here.javaVersion());
        assertThat(here.differencesFrom(here)).isEmpty();
    }
}
