package dev.costagent.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.recommend.catalog.InstanceType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetScenarioTest {

    private static final Pattern AWS_COMPUTE =
            Pattern.compile("^\\$([0-9.]+) per On Demand Linux (\\S+) Instance Hour$");

    @TempDir
    Path dir;

    private static FleetScenario fleet() {
        return FleetScenario.builder()
                .seed(3)
                .idle(4)
                .overProvisioned(8)
                .unusedCommitments(3)
                .alwaysOnNonProduction(4)
                .healthy(5)
                .underProvisioned(3)
                .build();
    }

    private static FleetScenario smallFleet() {
        return FleetScenario.builder()
                .seed(4)
                .idle(1)
                .overProvisioned(1)
                .unusedCommitments(1)
                .alwaysOnNonProduction(1)
                .healthy(1)
                .underProvisioned(1)
                .build();
    }

    @Test
    void plantsWhatWasAskedForWithTruth() {
        FleetScenario fleet = fleet();
        assertThat(fleet.planted(PlantedKind.IDLE)).hasSize(4);
        assertThat(fleet.planted(PlantedKind.OVER_PROVISIONED)).hasSize(8);
        assertThat(fleet.planted(PlantedKind.UNUSED_COMMITMENT)).hasSize(3);
        assertThat(fleet.planted(PlantedKind.ALWAYS_ON_NON_PRODUCTION)).hasSize(4);
        assertThat(fleet.planted(PlantedKind.HEALTHY)).hasSize(5 + 3); // plus one covered instance per commitment
        assertThat(fleet.planted(PlantedKind.UNDER_PROVISIONED)).hasSize(3);
        Set<String> providers = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (PlantedResource p : fleet.planted()) {
            assertThat(ids.add(p.resourceId()))
                    .as("unique id " + p.resourceId())
                    .isTrue();
            providers.add(p.provider());
            assertThat(p.hours()).isEqualTo(30 * 24);
            assertThat(InstancePriceList.byName(p.instanceType())).isPresent();
            assertThat(p.expectsSaving())
                    .isEqualTo(p.kind() != PlantedKind.HEALTHY && p.kind() != PlantedKind.UNDER_PROVISIONED);
        }
        assertThat(providers).containsExactlyInAnyOrder("AWS", "Microsoft", "Google Cloud");
    }

    @Test
    void utilizationSeriesGiveTheVerdictOfTheirKind() {
        FleetScenario fleet = fleet();
        Map<String, UtilizationSeries> byId = new HashMap<>();
        fleet.utilization().forEach(s -> byId.put(s.resourceId(), s));
        for (PlantedResource p : fleet.planted()) {
            if (p.kind() == PlantedKind.UNUSED_COMMITMENT) {
                assertThat(byId).doesNotContainKey(p.resourceId());
                continue;
            }
            UtilizationSeries s = byId.get(p.resourceId());
            assertThat(s.samples()).isEqualTo(14 * 288);
            assertThat(s.cpuPercentile(95)).isEqualTo(p.cpuP95());
            String expected = switch (p.kind()) {
                case IDLE -> "IDLE";
                case OVER_PROVISIONED -> "OVER_PROVISIONED";
                case UNDER_PROVISIONED -> "UNDER_PROVISIONED";
                default -> "OPTIMIZED";
            };
            assertThat(verdict(s)).as(p.toString()).isEqualTo(expected);
        }
    }

    @Test
    void overProvisionedTargetsAreUnambiguous() {
        for (PlantedResource p : fleet().planted(PlantedKind.OVER_PROVISIONED)) {
            InstanceType current = InstancePriceList.byName(p.instanceType()).orElseThrow();
            InstanceType target =
                    InstancePriceList.byName(p.targetInstanceType()).orElseThrow();
            assertThat(target.family()).isEqualTo(current.family());
            assertThat(target.vcpu()).isLessThan(current.vcpu());
            double projected = p.cpuP95() * current.vcpu() / target.vcpu();
            assertThat(projected).as(p.toString()).isLessThanOrEqualTo(72);
            List<InstanceType> family = InstancePriceList.family(current.family());
            int index = family.indexOf(target);
            if (index > 0) {
                // the next smaller size is clearly too small for CPU, or for memory p95 with 20% headroom
                double smaller =
                        p.cpuP95() * current.vcpu() / family.get(index - 1).vcpu();
                double memoryNeed = memoryP95(p.resourceId()) / 100 * current.memoryGib() * 1.2;
                assertThat(smaller > 88 || family.get(index - 1).memoryGib() < memoryNeed * 0.9)
                        .as("next smaller size of " + p)
                        .isTrue();
                assertThat(target.memoryGib()).as(p.toString()).isGreaterThanOrEqualTo(memoryNeed);
            }
            assertThat(p.expectedMonthlySavings())
                    .isEqualByComparingTo(InstancePriceList.hourlyPrice(current)
                            .subtract(InstancePriceList.hourlyPrice(target))
                            .multiply(BigDecimal.valueOf(730)));
        }
    }

    private static double memoryP95(String resourceId) {
        float[] memory = fleet().utilization().stream()
                .filter(s -> s.resourceId().equals(resourceId))
                .findFirst()
                .orElseThrow()
                .memory();
        float[] sorted = memory.clone();
        java.util.Arrays.sort(sorted);
        return sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
    }

    @Test
    void billingRowsCarryThePlantedCosts() {
        FleetScenario fleet = fleet();
        List<CostRecord> rows = new ArrayList<>();
        fleet.forEach(rows::add);
        assertThat(rows).hasSize((int) fleet.rows());
        Map<String, BigDecimal> effectiveByResource = new HashMap<>();
        Map<String, Integer> hoursByResource = new HashMap<>();
        Map<String, BigDecimal> unusedByCommitment = new HashMap<>();
        Map<String, BigDecimal> amortizedByCommitment = new HashMap<>();
        Map<String, BigDecimal> feesByCommitment = new HashMap<>();
        Map<String, String> envByResource = new HashMap<>();
        Set<String> covered = new HashSet<>();
        for (CostRecord r : rows) {
            if (r.chargeCategory().equals("Purchase")) {
                feesByCommitment.merge(r.commitmentDiscountId(), r.billedCost(), BigDecimal::add);
                continue;
            }
            if (r.commitmentDiscountId() != null) {
                amortizedByCommitment.merge(r.commitmentDiscountId(), r.effectiveCost(), BigDecimal::add);
            }
            if ("Unused".equals(r.commitmentDiscountStatus())) {
                unusedByCommitment.merge(r.commitmentDiscountId(), r.effectiveCost(), BigDecimal::add);
                continue;
            }
            if ("Used".equals(r.commitmentDiscountStatus())) {
                covered.add(r.resourceId());
                assertThat(r.effectiveCost()).isLessThan(r.listCost());
            }
            effectiveByResource.merge(r.resourceId(), r.effectiveCost(), BigDecimal::add);
            hoursByResource.merge(r.resourceId(), 1, Integer::sum);
            envByResource.put(r.resourceId(), r.tags().get("env"));
            String type = r.extra().get(BillingGenerator.INSTANCE_TYPE_COLUMN);
            if (r.providerName().equals("AWS")) {
                Matcher m = AWS_COMPUTE.matcher(r.chargeDescription());
                assertThat(m.matches()).isTrue();
                assertThat(m.group(2)).isEqualTo(type);
            }
        }
        for (PlantedResource p : fleet.planted()) {
            if (p.kind() == PlantedKind.UNUSED_COMMITMENT) {
                assertThat(unusedByCommitment.get(p.resourceId()))
                        .isEqualByComparingTo(p.hourlyPrice().multiply(BigDecimal.valueOf(p.hours())));
                assertThat(amortizedByCommitment.get(p.resourceId()))
                        .isEqualByComparingTo(feesByCommitment.get(p.resourceId()));
                continue;
            }
            assertThat(hoursByResource.get(p.resourceId()))
                    .as("runs every hour")
                    .isEqualTo((int) p.hours());
            assertThat(envByResource.get(p.resourceId())).isEqualTo(p.env());
            if (!covered.contains(p.resourceId())) {
                assertThat(effectiveByResource.get(p.resourceId()))
                        .isEqualByComparingTo(p.hourlyPrice().multiply(BigDecimal.valueOf(p.hours())));
            }
            if (p.kind() == PlantedKind.ALWAYS_ON_NON_PRODUCTION) {
                assertThat(p.env()).isIn("dev", "test");
                assertThat(p.expectedMonthlySavings())
                        .isEqualByComparingTo(p.hourlyPrice()
                                .multiply(BigDecimal.valueOf(730 * 108))
                                .divide(BigDecimal.valueOf(168), 10, java.math.RoundingMode.HALF_EVEN));
            } else {
                assertThat(p.env()).isEqualTo("prod");
            }
        }
        assertThat(covered).hasSize(3);
        // charge periods are hourly and inside the data
        assertThat(rows.stream()
                        .filter(r -> r.chargeCategory().equals("Usage"))
                        .allMatch(r ->
                                r.chargePeriodStart().atZone(ZoneOffset.UTC).getMinute() == 0))
                .isTrue();
    }

    @Test
    void writesBillingUtilizationAndInventoryFilesDeterministically() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        for (Path d : List.of(a, b)) {
            FleetScenario fleet = smallFleet();
            fleet.writeCsv(d.resolve("billing.csv"));
            fleet.writeUtilizationCsv(d.resolve("utilization.csv"));
            fleet.writeInventoryCsv(d.resolve("inventory.csv"));
        }
        for (String name : List.of("billing.csv", "utilization.csv", "inventory.csv")) {
            assertThat(Files.readAllBytes(a.resolve(name))).as(name).isEqualTo(Files.readAllBytes(b.resolve(name)));
        }
        FleetScenario fleet = smallFleet();
        assertThat(Files.readAllLines(a.resolve("billing.csv"))).hasSize((int) fleet.rows() + 1);
        List<String> inventory = Files.readAllLines(a.resolve("inventory.csv"));
        assertThat(inventory.get(0)).isEqualTo("ResourceId,InstanceType");
        assertThat(inventory).hasSize(fleet.utilization().size() + 1);
        assertThat(Files.readAllLines(a.resolve("utilization.csv")))
                .hasSize(1 + fleet.utilization().size() * 14 * 288 * 2);
    }

    @Test
    void badBuildsAreClearErrors() {
        assertThatThrownBy(() -> FleetScenario.builder().build()).hasMessageContaining("at least one");
        assertThatThrownBy(() -> FleetScenario.builder().idle(1).days(7).build())
                .hasMessageContaining("days");
        assertThatThrownBy(() -> FleetScenario.builder().idle(-1).build()).hasMessageContaining("0 to 1000");
    }

    /** The utilization rules of the analysis issue, written independently of the generator. */
    private static String verdict(UtilizationSeries s) {
        double p95 = s.cpuPercentile(95);
        double p99 = s.cpuPercentile(99);
        if (p95 <= 5) {
            return "IDLE";
        }
        if (p95 > 80 || p99 > 90) {
            return "UNDER_PROVISIONED";
        }
        if (p95 < 40 && p99 < 80) {
            return "OVER_PROVISIONED";
        }
        return "OPTIMIZED";
    }
}
