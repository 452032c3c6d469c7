package dev.costagent.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CostSourceProviderTest {

    @Test
    void coreInstallsTheInMemoryEngineFirst() {
        assertThat(CostSourceProvider.installed()).first().isInstanceOf(InMemorySourceProvider.class);
        assertThat(CostSourceProvider.forEngine(" Memory ").engine()).isEqualTo("memory");
    }

    @Test
    void theMemoryEngineReadsFilesIntoTheTable() {
        CostSource source = CostSourceProvider.forEngine("memory").source(Path.of("bill.csv"));
        assertThat(source).isInstanceOf(FocusFileSource.class);
        assertThat(((FocusFileSource) source).path()).isEqualTo(Path.of("bill.csv"));
    }

    @Test
    void anUnknownEngineIsOneLineNamingTheInstalledOnes() {
        assertThatThrownBy(() -> CostSourceProvider.forEngine("spark"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown engine 'spark'; expected memory");
    }
}
