package dev.costagent.core.recommend.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceCatalogTest {

    @Test
    void shipsTheRequiredFamiliesOfAllThreeProviders() {
        InstanceCatalog catalog = InstanceCatalog.shipped();
        for (String family : List.of("m5", "c5", "r5", "t3", "m6i", "Dsv5", "Esv5", "n2-standard", "e2-standard")) {
            assertThat(catalog.family(family)).as(family).hasSizeGreaterThanOrEqualTo(3);
        }
        assertThat(catalog.find("M5.XLARGE")).hasValueSatisfying(t -> {
            assertThat(t.vcpu()).isEqualTo(4);
            assertThat(t.memoryGib()).isEqualTo(16);
            assertThat(t.hourlyUsd()).isEqualTo(0.192);
        });
        assertThat(catalog.find("Standard_D4s_v5")).isPresent();
        assertThat(catalog.find("n2-standard-4")).isPresent();
    }

    @Test
    void familiesAreSortedCheapestFirst() {
        List<InstanceType> m5 = InstanceCatalog.shipped().family("m5");
        for (int i = 1; i < m5.size(); i++) {
            assertThat(m5.get(i).hourlyUsd()).isGreaterThan(m5.get(i - 1).hourlyUsd());
        }
        assertThat(m5.get(0).name()).isEqualTo("m5.large");
    }

    @Test
    void aUserCatalogOverridesPricesAndAddsTypes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.csv");
        Files.writeString(
                file,
                "# negotiated\nprovider,type,family,vcpu,memoryGiB,hourlyUsd\n"
                        + "AWS,m5.xlarge,m5,4,16,0.15\nAWS,m7i.large,m7i,2,8,0.1008\n");
        InstanceCatalog merged = InstanceCatalog.shipped().overriddenBy(InstanceCatalog.load(file));
        assertThat(merged.find("m5.xlarge").orElseThrow().hourlyUsd()).isEqualTo(0.15);
        assertThat(merged.find("m7i.large")).isPresent();
        assertThat(merged.find("m5.large").orElseThrow().hourlyUsd()).isEqualTo(0.096);
    }

    @Test
    void aMalformedRowIsAOneLineErrorNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "AWS,m5.large,m5,2,8\n");
        assertThatThrownBy(() -> InstanceCatalog.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.csv:1")
                .hasMessageContaining("expected provider,type");
    }

    @Test
    void everyShippedRateNamesItsSource() {
        PricingRates rates = PricingRates.shipped();
        for (PricingRates.Kind kind : PricingRates.Kind.values()) {
            assertThat(rates.all(kind)).as(kind.name()).isNotEmpty();
            rates.all(kind).values().forEach(r -> assertThat(r.source()).isNotBlank());
        }
        assertThat(rates.with(PricingRates.Kind.SPOT, new Rate("default", 0.7, "mine"))
                        .get(PricingRates.Kind.SPOT, "default")
                        .value())
                .isEqualTo(0.7);
    }
}
