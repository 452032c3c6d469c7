package dev.costagent.core.recommend.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog's text tables: comments, blanks and the header skipped; a bad record named by file and line. */
class CatalogTextTest {

    @TempDir
    Path dir;

    @Test
    void anInstanceCatalogReadsItsRecordsAndNamesTheLineOfABadOne() throws Exception {
        Path good = Files.writeString(
                dir.resolve("types.csv"),
                "# overrides\nprovider,type,family,vcpu,memoryGiB,hourlyUsd\n\naws,x9.large,x9,2,8,0.1\n");
        assertThat(InstanceCatalog.load(good).find("x9.large")).isPresent();

        Path fields = Files.writeString(dir.resolve("fields.csv"), "# overrides\n\naws,x9.large,x9,2\n");
        assertThatThrownBy(() -> InstanceCatalog.load(fields))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(fields + ":3: expected provider,type,family,vcpu,memoryGiB,hourlyUsd"
                        + "[,baselineCpu,source,asOf] but found 4 fields");
        Path number = Files.writeString(dir.resolve("number.csv"), "aws,x9.large,x9,two,8,0.1\n");
        assertThatThrownBy(() -> InstanceCatalog.load(number))
                .hasMessageStartingWith(number + ":1: ")
                .hasMessageContaining("two");
    }

    @Test
    void ratesReadTheirRecordsAndNameTheLineOfABadOne() throws Exception {
        Path good = Files.writeString(
                dir.resolve("rates.csv"), "kind,key,value,asOf,source\nCOMMITMENT,aws/x,0.3,2026-01,a, b and c\n");
        assertThat(PricingRates.load(good).commitments("aws")).containsKey("x");

        Path bad = Files.writeString(dir.resolve("bad.csv"), "# rates\nCOMMITMENT,aws/x,0.3\n");
        assertThatThrownBy(() -> PricingRates.load(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(bad + ":2: expected kind,key,value,asOf,source but found 3 fields");
        Path kind = Files.writeString(dir.resolve("kind.csv"), "NOSUCHKIND,aws/x,0.3,2026-01,a\n");
        assertThatThrownBy(() -> PricingRates.load(kind)).hasMessageStartingWith(kind + ":1: ");
    }
}
