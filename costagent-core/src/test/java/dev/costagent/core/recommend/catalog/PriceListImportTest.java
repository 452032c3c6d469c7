package dev.costagent.core.recommend.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a provider's own price list file in place of the shipped prices. */
class PriceListImportTest {

    private static final String AWS = String.join(
            "\n",
            "\"FormatVersion\",\"v1.0\"",
            "\"Disclaimer\",\"This pricing list is for informational purposes only.\"",
            "\"Publication Date\",\"2025-03-04T18:02:11Z\"",
            "\"Version\",\"20250304180211\"",
            "\"OfferCode\",\"AmazonEC2\"",
            "\"SKU\",\"TermType\",\"Unit\",\"PricePerUnit\",\"Currency\",\"Instance Type\",\"vCPU\",\"Memory\","
                    + "\"Tenancy\",\"Operating System\",\"License Model\",\"Pre Installed S/W\",\"CapacityStatus\"",
            "\"A1\",\"OnDemand\",\"Hrs\",\"0.2000000000\",\"USD\",\"m5.xlarge\",\"4\",\"16 GiB\",\"Shared\",\"Linux\","
                    + "\"No License required\",\"NA\",\"Used\"",
            "\"A2\",\"OnDemand\",\"Hrs\",\"0.3920000000\",\"USD\",\"m5.xlarge\",\"4\",\"16 GiB\",\"Shared\",\"Windows\","
                    + "\"No License required\",\"NA\",\"Used\"",
            "\"A3\",\"Reserved\",\"Hrs\",\"0.1200000000\",\"USD\",\"m5.xlarge\",\"4\",\"16 GiB\",\"Shared\",\"Linux\","
                    + "\"No License required\",\"NA\",\"Used\"",
            "\"A4\",\"OnDemand\",\"Hrs\",\"0.0500000000\",\"USD\",\"t4g.medium\",\"2\",\"4 GiB\",\"Shared\",\"Linux\","
                    + "\"No License required\",\"NA\",\"Used\"",
            "\"A5\",\"OnDemand\",\"Hrs\",\"0.1800000000\",\"USD\",\"m5.xlarge\",\"4\",\"16 GiB\",\"Dedicated\",\"Linux\","
                    + "\"No License required\",\"NA\",\"Used\"",
            "");

    @Test
    void anAwsPriceListCsvReplacesShippedPricesWithItsSourceAndDate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("index.csv");
        Files.writeString(file, AWS);
        InstanceCatalog imported = InstanceCatalog.load(file);
        InstanceType m5 = imported.find("m5.xlarge").orElseThrow();
        assertThat(m5.hourlyUsd()).isEqualTo(0.2); // the Linux, shared, on-demand row only
        assertThat(m5.family()).isEqualTo("m5");
        assertThat(m5.source()).contains("AWS price list index.csv");
        assertThat(m5.asOf()).isEqualTo("2025-03-04");
        InstanceType t4g = imported.find("t4g.medium").orElseThrow(); // new to the catalog: specs from the file
        assertThat(t4g.vcpu()).isEqualTo(2);
        assertThat(t4g.memoryGib()).isEqualTo(4);
        assertThat(t4g.burstable()).isTrue();
        InstanceCatalog merged = InstanceCatalog.shipped().overriddenBy(imported);
        assertThat(merged.find("m5.xlarge").orElseThrow().hourlyUsd()).isEqualTo(0.2);
        assertThat(merged.find("m5.large").orElseThrow().asOf()).isEqualTo("2024-09"); // shipped rows keep theirs
    }

    @Test
    void anAzureRetailPricesJsonRepricesKnownTypes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prices.json");
        Files.writeString(file, """
                {"BillingCurrency":"USD","Items":[
                 {"currencyCode":"USD","retailPrice":0.1,"armRegionName":"eastus","armSkuName":"Standard_D2s_v5",
                  "productName":"Virtual Machines Dsv5 Series","skuName":"D2s v5","serviceName":"Virtual Machines",
                  "type":"Consumption","unitOfMeasure":"1 Hour","effectiveStartDate":"2024-11-01T00:00:00Z"},
                 {"currencyCode":"USD","retailPrice":0.02,"armRegionName":"eastus","armSkuName":"Standard_D2s_v5",
                  "productName":"Virtual Machines Dsv5 Series","skuName":"D2s v5 Spot","serviceName":"Virtual Machines",
                  "type":"Consumption","unitOfMeasure":"1 Hour","effectiveStartDate":"2024-11-01T00:00:00Z"},
                 {"currencyCode":"USD","retailPrice":0.19,"armRegionName":"eastus","armSkuName":"Standard_D2s_v5",
                  "productName":"Virtual Machines Dsv5 Series Windows","skuName":"D2s v5","serviceName":"Virtual Machines",
                  "type":"Consumption","unitOfMeasure":"1 Hour","effectiveStartDate":"2024-11-01T00:00:00Z"},
                 {"currencyCode":"USD","retailPrice":0.5,"armRegionName":"eastus","armSkuName":"Standard_X9_v9",
                  "productName":"Virtual Machines X Series","skuName":"X9 v9","serviceName":"Virtual Machines",
                  "type":"Consumption","unitOfMeasure":"1 Hour","effectiveStartDate":"2024-11-01T00:00:00Z"}
                ]}""");
        PriceListImport.Result result = PriceListImport.azureRetailJson(file, InstanceCatalog.shipped(), null);
        assertThat(result.imported()).isEqualTo(1);
        assertThat(result.skipped()).isEqualTo(1); // the unknown X9: no specs in the file, counted not guessed
        InstanceType d2 = result.catalog().find("Standard_D2s_v5").orElseThrow();
        assertThat(d2.hourlyUsd()).isEqualTo(0.1);
        assertThat(d2.memoryGib()).isEqualTo(8);
        assertThat(d2.asOf()).isEqualTo("2024-11-01");
        assertThat(InstanceCatalog.load(file)
                        .find("Standard_D2s_v5")
                        .orElseThrow()
                        .hourlyUsd())
                .isEqualTo(0.1);
    }

    @Test
    void aBrokenPriceListIsAOneLineErrorWithFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("index.csv");
        Files.writeString(file, AWS + "\"A6\",\"OnDemand\"\n");
        assertThatThrownBy(() -> InstanceCatalog.load(file))
                .hasMessageContaining("index.csv:12")
                .hasMessageContaining("expected 13 fields");
    }

    @Test
    void shippedRowsAndRatesNameTheirSourceAndDate() {
        assertThat(InstanceCatalog.shipped().types()).allSatisfy(t -> {
            assertThat(t.source()).isNotBlank();
            assertThat(t.asOf()).matches("\\d{4}-\\d{2}");
        });
        for (PricingRates.Kind kind : PricingRates.Kind.values()) {
            assertThat(PricingRates.shipped().all(kind).values()).allSatisfy(r -> {
                assertThat(r.source()).isNotBlank();
                assertThat(r.asOf()).matches("\\d{4}-\\d{2}");
            });
        }
        assertThat(PricingRates.shipped().commitments("aws")).containsKey("1yr-no-upfront");
        assertThat(PricingRates.shipped().commitments("azure")).containsKey("1yr-no-upfront");
        assertThat(PricingRates.shipped().commitments("gcp")).containsKey("3yr-no-upfront");
    }

    @Test
    void aRatesFileOverridesTheShippedRates(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rates.csv");
        Files.writeString(file, "# mine\ncommitment,aws/1yr-no-upfront,0.31,2025-01,our EDP-adjusted rate\n");
        PricingRates rates = PricingRates.shipped().overriddenBy(PricingRates.load(file));
        Rate r = rates.commitments("aws").get("1yr-no-upfront");
        assertThat(r.value()).isEqualTo(0.31);
        assertThat(r.asOf()).isEqualTo("2025-01");
        assertThat(rates.commitments("azure").get("1yr-no-upfront").value()).isEqualTo(0.20);
        Files.writeString(file, "commitment,aws/1yr-no-upfront,0.31\n");
        assertThatThrownBy(() -> PricingRates.load(file)).hasMessageContaining("rates.csv:1");
    }
}
