package dev.costagent.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.FocusVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files shaped like real provider exports: a Microsoft FOCUS 1.2 export (104 columns, one row per resource per day)
 * and a FOCUS file without commitment columns; every command reads them, reports the version and granularity, and
 * errors stay one line.
 */
class RealExportsCliTest {

    private static final int VMS = 20;
    private static final int DAYS = 60;

    @TempDir
    Path dir;

    @Test
    void microsoftFocus12DailyExportReportsVersionAndGranularity() throws Exception {
        Path file = microsoftExport(true);
        assertThat(Files.readAllLines(file).get(0).split(",", -1)).hasSize(104);

        CliRun analyze = CliRun.of("analyze", "--input", file.toString(), "--format", "json", "--quiet");
        assertThat(analyze.err()).isEmpty();
        assertThat(analyze.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(analyze.out());
        assertThat(json.get("focusVersion").asText()).isEqualTo("1.2");
        assertThat(json.get("granularity").get("overall").asText()).isEqualTo("daily");
        assertThat(json.get("granularity").get("byProvider").get("Microsoft").asText())
                .isEqualTo("daily");
        assertThat(json.get("summary").get("rows").asLong()).isEqualTo((long) VMS * DAYS);
        assertThat(json.get("warnings").toString()).contains("schedule.non-production skipped for Microsoft (daily)");

        CliRun summarize = CliRun.of("summarize", "--input", file.toString(), "--format", "json", "--quiet");
        JsonNode sums = new ObjectMapper().readTree(summarize.out());
        assertThat(sums.get("focusVersion").asText()).isEqualTo("1.2");
        assertThat(sums.get("rows").asLong()).isEqualTo((long) VMS * DAYS);

        CliRun ingest = CliRun.of("ingest", "--input", file.toString(), "--format", "json", "--quiet");
        JsonNode ingested = new ObjectMapper().readTree(ingest.out());
        assertThat(ingested.get("focusVersion").asText()).isEqualTo("1.2");
        assertThat(ingested.get("granularity").get("overall").asText()).isEqualTo("daily");
        assertThat(ingested.get("rejected").asLong()).isZero();
    }

    @Test
    void aFileWithoutCommitmentColumnsAnalysesWithWarningsAndRecommends() throws Exception {
        Path file = microsoftExport(false);

        for (String command : List.of("analyze", "recommend")) {
            CliRun run = CliRun.of(command, "--input", file.toString(), "--format", "json", "--quiet");
            assertThat(run.err()).as(command).isEmpty();
            assertThat(run.code()).as(command).isZero();
            if (command.equals("analyze")) {
                JsonNode json = new ObjectMapper().readTree(run.out());
                assertThat(json.get("warnings").toString())
                        .contains("commitment analysis skipped")
                        .contains("CommitmentDiscountId");
            }
        }
    }

    @Test
    void declaredVersionDecidesTheMandatoryColumns() throws Exception {
        Path file = microsoftExport(true);

        CliRun run = CliRun.of("summarize", "--input", file.toString(), "--focus-version", "1.3", "--quiet");

        assertThat(run.code()).isEqualTo(CostagentCli.BAD_INPUT);
        assertThat(run.err().strip())
                .doesNotContain("\n")
                .startsWith("costagent: ")
                .contains("mandatory FOCUS 1.3 column missing from the header");
        CliRun unknown = CliRun.of("summarize", "--input", file.toString(), "--focus-version", "2.7", "--quiet");
        assertThat(unknown.err().strip()).doesNotContain("\n").contains("unknown FOCUS version '2.7'");
    }

    @Test
    void everyErrorIsOneLineWithoutWrapperNames() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "BilledCost,ChargePeriodStart\n1,2024-13-45 00:00:00\n");
        List<CliRun> runs = List.of(
                CliRun.of("analyze", "--input", bad.toString(), "--quiet"),
                CliRun.of("recommend", "--input", bad.toString(), "--quiet"),
                CliRun.of("summarize", "--input", bad.toString(), "--quiet"),
                CliRun.of("summarize", "--nope"),
                CliRun.of("ingest", "--input", dir.resolve("missing.csv").toString()));
        for (CliRun run : runs) {
            assertThat(run.code()).isNotZero();
            assertThat(run.err().strip())
                    .startsWith("costagent: ")
                    .doesNotContain("\n")
                    .doesNotContain("CompletionException")
                    .doesNotContain("ExecutionException");
        }
    }

    /**
     * A Microsoft-style FOCUS 1.2 export: every FOCUS 1.2 column (optionally without the CommitmentDiscount ones)
     * plus x_ columns up to 104, one row per VM per day, on demand.
     */
    private Path microsoftExport(boolean commitmentColumns) throws IOException {
        List<String> header = new ArrayList<>();
        for (FocusColumn column : FocusColumn.definedIn(FocusVersion.V1_2)) {
            if (commitmentColumns || !column.columnName().startsWith("CommitmentDiscount")) {
                header.add(column.columnName());
            }
        }
        int x = 1;
        while (header.size() < (commitmentColumns ? 104 : 97)) {
            header.add(String.format(Locale.ROOT, "x_Column%02d", x++));
        }
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        LocalDate first = LocalDate.of(2025, 3, 1);
        for (int day = 0; day < DAYS; day++) {
            LocalDate date = first.plusDays(day);
            for (int vm = 0; vm < VMS; vm++) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("BilledCost", "4.608");
                row.put("EffectiveCost", "4.608");
                row.put("ListCost", "4.608");
                row.put("ContractedCost", "4.608");
                row.put("ListUnitPrice", "0.192");
                row.put("ContractedUnitPrice", "0.192");
                row.put("PricingQuantity", "24");
                row.put("PricingUnit", "Hours");
                row.put("ConsumedQuantity", "24");
                row.put("ConsumedUnit", "Hours");
                row.put("PricingCategory", "Standard");
                row.put("PricingCurrency", "USD");
                row.put("BillingAccountId", "/providers/Microsoft.Billing/billingAccounts/123");
                row.put("BillingAccountName", "Contoso");
                row.put("BillingAccountType", "Billing Profile");
                row.put("BillingCurrency", "USD");
                row.put("BillingPeriodStart", date.withDayOfMonth(1) + "T00:00:00Z");
                row.put("BillingPeriodEnd", date.withDayOfMonth(1).plusMonths(1) + "T00:00:00Z");
                row.put("ChargeCategory", "Usage");
                row.put("ChargeFrequency", "Usage-Based");
                row.put("ChargeDescription", "D4s v5");
                row.put("ChargePeriodStart", date + "T00:00:00Z");
                row.put("ChargePeriodEnd", date.plusDays(1) + "T00:00:00Z");
                row.put("InvoiceIssuerName", "Microsoft");
                row.put("ProviderName", "Microsoft");
                row.put("PublisherName", "Microsoft");
                row.put("RegionId", "eastus");
                row.put("RegionName", "East US");
                row.put(
                        "ResourceId",
                        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/" + "virtualMachines/vm-"
                                + vm);
                row.put("ResourceName", "vm-" + vm);
                row.put("ResourceType", "Virtual machine");
                row.put("ServiceCategory", "Compute");
                row.put("ServiceName", "Virtual Machines");
                row.put("ServiceSubcategory", "Virtual Machines");
                row.put("SubAccountId", "/subscriptions/s1");
                row.put("SubAccountName", "Production");
                row.put("SubAccountType", "Subscription");
                row.put("SkuId", "DZH318Z0BQ4L");
                row.put("SkuPriceId", "DZH318Z0BQ4L-0001");
                row.put("SkuMeter", "D4s v5");
                row.put("Tags", "\"{\"\"env\"\":\"\"dev\"\"}\"");
                row.put("x_Column01", "Standard_D4s_v5");
                List<String> cells = new ArrayList<>();
                for (String column : header) {
                    cells.add(row.getOrDefault(column, ""));
                }
                csv.append(String.join(",", cells)).append('\n');
            }
        }
        Path file = dir.resolve(commitmentColumns ? "azure-focus-1.2.csv" : "azure-no-commitments.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }
}
