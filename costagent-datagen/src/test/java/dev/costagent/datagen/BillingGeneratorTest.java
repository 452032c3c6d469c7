package dev.costagent.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.testing.Rfc4180;
import dev.costagent.core.testing.Rfc4180.Cell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingGeneratorTest {

    private static final Pattern AWS_COMPUTE =
            Pattern.compile("^\\$([0-9.]+) per On Demand Linux (\\S+) Instance Hour$");

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesByteIdenticalCsvAndAnotherSeedDoesNot() throws Exception {
        GeneratorSpec spec =
                GeneratorSpec.builder().seed(7).rows(30_000).randomAnomalies(3).build();
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");
        BillingGenerator.of(spec).writeCsv(a);
        BillingGenerator.of(spec).writeCsv(b);
        BillingGenerator.of(spec.toBuilder().seed(8).build()).writeCsv(c);
        assertThat(sha256(a)).isEqualTo(sha256(b));
        assertThat(sha256(a)).isNotEqualTo(sha256(c));
    }

    @ParameterizedTest
    @CsvSource({"150000,30,2", "25000,45,3", "100,1,0", "1000,731,0", "30000,62,0"})
    void fastCsvPathIsByteIdenticalToWritingTheRecords(long rows, int days, int anomalies) throws Exception {
        // writeCsv encodes straight from the generator's numbers (in parallel for large outputs); it must produce
        // exactly what FocusCsvWriter makes of the records.
        BillingGenerator generator = GeneratorSpec.builder()
                .seed(9)
                .rows(rows)
                .days(days)
                .randomAnomalies(anomalies)
                .generator();
        Path fast = dir.resolve("fast.csv");
        Path records = dir.resolve("records.csv");
        generator.writeCsv(fast);
        try (dev.costagent.core.focus.FocusCsvWriter writer =
                dev.costagent.core.focus.FocusCsvWriter.open(records, generator.extraColumns())) {
            generator.forEach(writer::write);
            assertThat(writer.rowsWritten()).isEqualTo(rows);
        }
        assertThat(sha256(fast)).isEqualTo(sha256(records));
    }

    @Test
    void gzPathHoldsTheSameCsvCompressed() throws Exception {
        BillingGenerator generator = GeneratorSpec.builder().rows(20_000).generator();
        Path plain = dir.resolve("b.csv");
        Path gz = dir.resolve("b.csv.gz");
        generator.writeCsv(plain);
        generator.writeCsv(gz);
        byte[] unzipped;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
            unzipped = in.readAllBytes();
        }
        assertThat(unzipped).isEqualTo(Files.readAllBytes(plain));
        assertThat(Files.size(gz)).isLessThan(Files.size(plain) / 4);
    }

    @Test
    void tenMillionRowsArePlannedNotMaterialized() {
        // The plan holds resources (one per 24 x days rows), not rows: a 10M-row generator starts at once and
        // streams its first rows without producing the rest.
        BillingGenerator generator = GeneratorSpec.builder().rows(10_000_000).generator();
        Iterator<CostRecord> rows = generator.iterator();
        int n = 0;
        while (rows.hasNext() && n < 1_000) {
            rows.next();
            n++;
        }
        assertThat(n).isEqualTo(1_000);
        assertThat(generator.utilizationProfiles().size()).isLessThan(10_000_000 / (24 * 30) + 1);
    }

    @Test
    void iteratorStreamAndForEachAgree() {
        BillingGenerator generator = GeneratorSpec.builder().rows(5_000).generator();
        List<CostRecord> viaForEach = new ArrayList<>();
        generator.forEach(viaForEach::add);
        List<CostRecord> viaStream = generator.stream().toList();
        List<CostRecord> viaIterator = new ArrayList<>();
        Iterator<CostRecord> it = generator.iterator();
        while (it.hasNext()) {
            viaIterator.add(it.next());
        }
        assertThat(viaForEach).hasSize(5_000).isEqualTo(viaStream).isEqualTo(viaIterator);
    }

    @ParameterizedTest
    @CsvSource({
        "100,30",
        "101,30",
        "100,1",
        "997,7",
        "4321,2",
        "12345,30",
        "21601,30",
        "54321,45",
        "250000,30",
        "99999,400",
        "1000,731"
    })
    void rowCountIsExact(long rows, int days) {
        BillingGenerator generator =
                GeneratorSpec.builder().rows(rows).days(days).seed(rows).generator();
        long[] count = {0};
        generator.forEach(r -> count[0]++);
        assertThat(count[0]).isEqualTo(rows);
    }

    @Test
    void noResourceStartsOrStopsDuringThePeriod() {
        // The row-count remainder is spread over the period, so no daily series gets an unlabelled step.
        for (long rows : new long[] {10_007, 54_321}) {
            BillingGenerator generator =
                    GeneratorSpec.builder().rows(rows).days(30).generator();
            Map<String, int[]> rowsPerDay = new HashMap<>();
            LocalDate start = generator.spec().start();
            generator.forEach(r -> {
                if (r.resourceId() != null && r.chargeCategory().equals("Usage")) {
                    int day = (int) (r.chargePeriodStart()
                                    .atZone(ZoneOffset.UTC)
                                    .toLocalDate()
                                    .toEpochDay()
                            - start.toEpochDay());
                    rowsPerDay.computeIfAbsent(r.resourceId(), k -> new int[30])[day]++;
                }
            });
            int sparse = 0;
            for (Map.Entry<String, int[]> resource : rowsPerDay.entrySet()) {
                int min = java.util.Arrays.stream(resource.getValue()).min().orElseThrow();
                int max = java.util.Arrays.stream(resource.getValue()).max().orElseThrow();
                assertThat(max - min).as(resource.getKey()).isLessThanOrEqualTo(1);
                assertThat(min).as(resource.getKey()).isPositive();
                sparse += max < 24 ? 1 : 0;
            }
            assertThat(sparse).as("resources with fewer than 24 rows a day").isEqualTo(1);
        }
    }

    @Test
    void csvHasOneLinePerRowPlusHeaderAndParsesBack() throws IOException {
        BillingGenerator generator = GeneratorSpec.builder().rows(3_000).generator();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        generator.writeCsv(out);
        List<List<Cell>> rows = Rfc4180.parse(out.toString(StandardCharsets.UTF_8));
        assertThat(rows).hasSize(3_001);
        List<CostRecord> records = generator.stream().toList();
        int width = FocusColumn.definedIn(dev.costagent.core.focus.FocusVersion.V1_0)
                        .size()
                + 1;
        for (int i = 0; i < records.size(); i++) {
            List<Cell> row = rows.get(i + 1);
            assertThat(row).hasSize(width);
            CostRecord r = records.get(i);
            assertThat(row.get(FocusColumn.CHARGE_DESCRIPTION.ordinal()).value())
                    .isEqualTo(r.chargeDescription());
            assertThat(new BigDecimal(
                            row.get(FocusColumn.EFFECTIVE_COST.ordinal()).text()))
                    .isEqualTo(r.effectiveCost());
        }
    }

    @Test
    void spendIsParetoShapedAcrossServices() {
        Map<String, BigDecimal> byService =
                sumUsage(GeneratorSpec.builder().rows(200_000).generator(), CostRecord::serviceName);
        assertThat(byService).hasSizeGreaterThanOrEqualTo(20);
        List<BigDecimal> sorted = byService.values().stream()
                .sorted(java.util.Comparator.reverseOrder())
                .toList();
        BigDecimal total = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int topFifth = (int) Math.ceil(sorted.size() * 0.2);
        BigDecimal top = sorted.subList(0, topFifth).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        double share = top.doubleValue() / total.doubleValue();
        assertThat(share).as("share of the top 20%% of services").isBetween(0.6, 0.95);
        // and the long tail is really there: the smallest service is a tiny share
        assertThat(sorted.get(sorted.size() - 1).doubleValue() / total.doubleValue())
                .isLessThan(0.01);
    }

    @Test
    void weekdaysCostMoreThanWeekends() {
        GeneratorSpec spec = GeneratorSpec.builder()
                .rows(100_000)
                .days(28)
                .weekendFactor(0.6)
                .build();
        Map<LocalDate, BigDecimal> byDay = sumUsage(
                BillingGenerator.of(spec),
                r -> r.chargePeriodStart().atZone(ZoneOffset.UTC).toLocalDate());
        double weekday = 0;
        double weekend = 0;
        int weekdays = 0;
        int weekends = 0;
        for (Map.Entry<LocalDate, BigDecimal> day : byDay.entrySet()) {
            DayOfWeek dow = day.getKey().getDayOfWeek();
            if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
                weekend += day.getValue().doubleValue();
                weekends++;
            } else {
                weekday += day.getValue().doubleValue();
                weekdays++;
            }
        }
        assertThat(weekends).isEqualTo(8);
        double ratio = (weekday / weekdays) / (weekend / weekends);
        assertThat(ratio).isGreaterThan(1.1);

        // with no weekend effect the ratio collapses to about 1
        Map<LocalDate, BigDecimal> flat = sumUsage(
                BillingGenerator.of(spec.toBuilder().weekendFactor(1.0).build()),
                r -> r.chargePeriodStart().atZone(ZoneOffset.UTC).toLocalDate());
        double flatWeekday = 0;
        double flatWeekend = 0;
        for (Map.Entry<LocalDate, BigDecimal> day : flat.entrySet()) {
            DayOfWeek dow = day.getKey().getDayOfWeek();
            if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
                flatWeekend += day.getValue().doubleValue();
            } else {
                flatWeekday += day.getValue().doubleValue();
            }
        }
        assertThat((flatWeekday / weekdays) / (flatWeekend / weekends)).isBetween(0.95, 1.05);
    }

    @Test
    void rowsFollowFocusCostSemantics() {
        BillingGenerator generator = GeneratorSpec.builder().rows(200_000).generator();
        Set<String> categories = new HashSet<>();
        Map<String, BigDecimal> amortizedByCommitment = new HashMap<>();
        Map<String, BigDecimal> feesByCommitment = new HashMap<>();
        Set<String> statuses = new HashSet<>();
        long usageWithResource = 0;
        long tagged = 0;
        long computeRows = 0;
        for (CostRecord r : (Iterable<CostRecord>) generator) {
            categories.add(r.chargeCategory());
            assertThat(r.billingCurrency()).isEqualTo("USD");
            assertThat(r.chargePeriodStart()).isBefore(r.chargePeriodEnd());
            assertThat(r.billingPeriodStart()).isBeforeOrEqualTo(r.chargePeriodStart());
            assertThat(r.billingPeriodEnd()).isAfterOrEqualTo(r.chargePeriodEnd());
            switch (r.chargeCategory()) {
                case "Usage" -> {
                    assertThat(r.listCost()).isGreaterThanOrEqualTo(r.contractedCost());
                    assertThat(r.contractedCost()).isGreaterThanOrEqualTo(r.effectiveCost());
                    assertThat(r.effectiveCost().signum()).isPositive();
                    if (r.commitmentDiscountId() != null) {
                        statuses.add(r.commitmentDiscountStatus());
                        assertThat(r.billedCost().signum()).isZero();
                        amortizedByCommitment.merge(r.commitmentDiscountId(), r.effectiveCost(), BigDecimal::add);
                        if ("Used".equals(r.commitmentDiscountStatus())) {
                            assertThat(r.effectiveCost()).isLessThan(r.contractedCost());
                        }
                    } else {
                        assertThat(r.billedCost()).isEqualTo(r.effectiveCost());
                    }
                    if (r.resourceId() != null) {
                        usageWithResource++;
                        tagged += r.tags().isEmpty() ? 0 : 1;
                    }
                    String type = r.extra().get(BillingGenerator.INSTANCE_TYPE_COLUMN);
                    if (type != null && r.providerName().equals("AWS")) {
                        computeRows++;
                        Matcher m = AWS_COMPUTE.matcher(r.chargeDescription());
                        assertThat(m.matches()).as(r.chargeDescription()).isTrue();
                        assertThat(m.group(2)).isEqualTo(type);
                        assertThat(new BigDecimal(m.group(1))).isEqualByComparingTo(r.listUnitPrice());
                        assertThat(InstancePriceList.byName(type)).isPresent();
                    }
                }
                case "Purchase" -> {
                    assertThat(r.effectiveCost().signum()).isZero();
                    assertThat(r.billedCost().signum()).isPositive();
                    feesByCommitment.merge(r.commitmentDiscountId(), r.billedCost(), BigDecimal::add);
                }
                case "Credit", "Adjustment" ->
                    assertThat(r.billedCost().signum()).isNegative();
                case "Tax" -> assertThat(r.billedCost().signum()).isNotNegative();
                default -> throw new AssertionError("unexpected ChargeCategory " + r.chargeCategory());
            }
        }
        assertThat(categories).containsExactlyInAnyOrder("Usage", "Purchase", "Credit", "Adjustment", "Tax");
        assertThat(statuses).containsExactlyInAnyOrder("Used", "Unused");
        assertThat(computeRows).isPositive();
        assertThat((double) tagged / usageWithResource).isBetween(0.8, 0.97);
        // Amortization adds up: what covered and unused rows carry as EffectiveCost is exactly the fees billed.
        assertThat(amortizedByCommitment.keySet())
                .isEqualTo(feesByCommitment.keySet())
                .hasSizeGreaterThan(3);
        for (String id : feesByCommitment.keySet()) {
            assertThat(amortizedByCommitment.get(id)).as(id).isEqualByComparingTo(feesByCommitment.get(id));
        }
    }

    @Test
    void computeInstancesHaveUtilizationSeriesWithKnownProfiles() {
        BillingGenerator generator = GeneratorSpec.builder().rows(200_000).generator();
        Map<String, UtilizationProfile> profiles = generator.utilizationProfiles();
        Set<String> instances = new HashSet<>();
        generator.forEach(r -> {
            if (r.extra().containsKey(BillingGenerator.INSTANCE_TYPE_COLUMN)) {
                instances.add(r.resourceId());
            }
        });
        assertThat(profiles.keySet()).isEqualTo(instances);
        assertThat(new HashSet<>(profiles.values())).containsExactlyInAnyOrder(UtilizationProfile.values());

        List<UtilizationSeries> series = generator.utilization(25);
        assertThat(series).hasSize(25);
        for (UtilizationSeries s : series) {
            assertThat(s.profile()).isEqualTo(profiles.get(s.resourceId()));
            assertThat(s.start())
                    .isEqualTo(LocalDate.of(2024, 9, 17)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant());
            assertThat(s.samples()).isEqualTo(14 * 288);
            double p95 = s.cpuPercentile(95);
            switch (s.profile()) {
                case IDLE -> assertThat(p95).isLessThanOrEqualTo(5);
                case OVER_PROVISIONED -> assertThat(p95).isBetween(5.0, 40.0);
                case OPTIMIZED -> assertThat(p95).isBetween(40.0, 80.0);
                case UNDER_PROVISIONED -> assertThat(p95).isGreaterThan(80);
                case BURSTY -> assertThat(s.cpuPercentile(50)).isLessThan(10);
            }
        }
    }

    @Test
    void badSpecsAreOneLineErrors() {
        assertThatThrownBy(() -> GeneratorSpec.builder().rows(99).build())
                .hasMessage("rows must be 100 to 10,000,000, got 99");
        assertThatThrownBy(() -> GeneratorSpec.builder().rows(10_000_001).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        GeneratorSpec.builder().providers(List.of("Oracle")).build())
                .hasMessageContaining("provider Oracle");
        assertThatThrownBy(() -> GeneratorSpec.builder().billingAccounts(2).build())
                .hasMessageContaining("billingAccounts");
        assertThatThrownBy(() -> GeneratorSpec.builder().noise(0.5).build()).hasMessageContaining("noise");
        assertThatThrownBy(() -> GeneratorSpec.builder()
                        .anomaly(new AnomalySpec(
                                AnomalyType.SPIKE,
                                "ServiceName",
                                "Amazon Elastic Compute Cloud",
                                LocalDate.of(2025, 1, 1),
                                1.0))
                        .build())
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> GeneratorSpec.builder()
                        .anomaly(new AnomalySpec(
                                AnomalyType.SPIKE, "ServiceName", "No Such Service", LocalDate.of(2024, 9, 20), 1.0))
                        .generator())
                .hasMessageContaining("No Such Service is not a generated ServiceName");
        assertThatThrownBy(() ->
                        new AnomalySpec(AnomalyType.DROP, "RegionId", "us-east-1", LocalDate.of(2024, 9, 20), 0.5))
                .hasMessageContaining("negative");
    }

    @Test
    void singleProviderDataHasOnlyThatProvider() {
        BillingGenerator generator = GeneratorSpec.builder()
                .providers(List.of("Microsoft"))
                .billingAccounts(1)
                .subAccounts(3)
                .rows(20_000)
                .generator();
        Set<String> providers = new HashSet<>();
        generator.forEach(r -> providers.add(r.providerName()));
        assertThat(providers).containsExactly("Microsoft");
    }

    static <K> Map<K, BigDecimal> sumUsage(BillingGenerator generator, java.util.function.Function<CostRecord, K> key) {
        Map<K, BigDecimal> sums = new TreeMap<>();
        generator.forEach(r -> {
            if (r.chargeCategory().equals("Usage")) {
                sums.merge(key.apply(r), r.effectiveCost(), BigDecimal::add);
            }
        });
        return sums;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
