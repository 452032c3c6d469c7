package dev.costagent.datagen.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.analysis.utilization.UtilizationReader;
import dev.costagent.core.analysis.utilization.UtilizationSeries;
import dev.costagent.core.recommend.inventory.InstanceInventory;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.core.recommend.model.RecommendationType;
import dev.costagent.core.source.FocusFileSource;
import dev.costagent.datagen.FleetScenario;
import dev.costagent.datagen.PlantedKind;
import dev.costagent.datagen.PlantedResource;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recommender against generated fleets with planted savings (issue 4's ground truth): every planted idle,
 * over-provisioned, unused-commitment and always-on non-production item is found, with the right action and savings
 * within 5% of the truth (memory-aware rightsizing targets; an unused commitment's saving capped by the on-demand usage
 * it can absorb); nothing is recommended on the healthy and under-provisioned controls. The whole workflow
 * runs as a user would: FOCUS CSV and long-format utilization files through the {@link CostAgent}.
 */
class GroundTruthTest {

    private static final Map<PlantedKind, Set<RecommendationType>> EXPECTED = Map.of(
            PlantedKind.IDLE, EnumSet.of(RecommendationType.TERMINATE_IDLE, RecommendationType.STOP_IDLE),
            PlantedKind.OVER_PROVISIONED, EnumSet.of(RecommendationType.RIGHTSIZE),
            PlantedKind.UNUSED_COMMITMENT, EnumSet.of(RecommendationType.UNUSED_COMMITMENT),
            PlantedKind.ALWAYS_ON_NON_PRODUCTION, EnumSet.of(RecommendationType.SCHEDULE));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {42, 7, 2024})
    void everyPlantedSavingIsFoundAndNothingOnTheControls(long seed, @TempDir Path dir) throws Exception {
        FleetScenario fleet = FleetScenario.builder()
                .seed(seed)
                .idle(3)
                .overProvisioned(4)
                .unusedCommitments(3)
                .alwaysOnNonProduction(3)
                .healthy(3)
                .underProvisioned(3)
                .build();
        Path billing = dir.resolve("billing.csv");
        fleet.writeCsv(billing);
        Report report;
        try (CostAgent agent = CostAgent.builder()
                .source(FocusFileSource.of(billing))
                .utilization(cpuSeries(fleet))
                .build()) {
            report = agent.run();
        }
        check(fleet, report.recommendations());
        assertThat(report.warnings()).noneMatch(w -> w.startsWith("cannot rightsize"));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {42})
    void theInventoryFileGivesTheSameAnswer(long seed, @TempDir Path dir) throws Exception {
        FleetScenario fleet = FleetScenario.builder()
                .seed(seed)
                .idle(2)
                .overProvisioned(4)
                .unusedCommitments(1)
                .alwaysOnNonProduction(2)
                .healthy(2)
                .underProvisioned(2)
                .build();
        Path billing = dir.resolve("billing.csv");
        Path cpu = dir.resolve("cpu.csv");
        Path inventory = dir.resolve("inventory.csv");
        fleet.writeCsv(billing);
        fleet.writeUtilizationCsv(cpu);
        fleet.writeInventoryCsv(inventory);
        try (CostAgent agent = CostAgent.builder()
                .source(FocusFileSource.of(billing))
                .utilization(UtilizationReader.read(cpu))
                .inventory(InstanceInventory.load(inventory))
                .build()) {
            List<Recommendation> recs = agent.run().recommendations();
            check(fleet, recs);
            assertThat(recs)
                    .filteredOn(r -> r.type() == RecommendationType.RIGHTSIZE)
                    .allSatisfy(r -> assertThat(r.evidence().inputs()).containsEntry("currentTypeSource", "inventory"));
        }
    }

    /**
     * The generator's CPU and memory series as the analysis engine takes them (the CSV path is tested with the
     * inventory).
     */
    private static List<UtilizationSeries> cpuSeries(FleetScenario fleet) {
        List<UtilizationSeries> out = new java.util.ArrayList<>();
        for (var generated : fleet.utilization()) {
            long[] times = new long[generated.samples()];
            double[] values = new double[generated.samples()];
            for (int i = 0; i < times.length; i++) {
                times[i] = generated.timestamp(i).getEpochSecond();
                values[i] = generated.cpuAt(i);
            }
            out.add(new UtilizationSeries(generated.resourceId(), "cpu", times, values));
            if (generated.memory() != null) {
                double[] memory = new double[times.length];
                for (int i = 0; i < times.length; i++) {
                    memory[i] = generated.memoryAt(i);
                }
                out.add(new UtilizationSeries(generated.resourceId(), "memory", times, memory));
            }
        }
        return out;
    }

    private static void check(FleetScenario fleet, List<Recommendation> recommendations) {
        Map<String, Recommendation> byTarget =
                recommendations.stream().collect(Collectors.toMap(Recommendation::resourceId, r -> r));
        for (PlantedResource planted : fleet.planted()) {
            String what = planted.kind() + " " + planted.resourceId() + " (" + planted.instanceType() + ")";
            if (!planted.expectsSaving()) {
                assertThat(byTarget).as("nothing on control " + what).doesNotContainKey(planted.resourceId());
                continue;
            }
            Recommendation r = byTarget.get(planted.resourceId());
            assertThat(r).as("found " + what).isNotNull();
            assertThat(EXPECTED.get(planted.kind())).as("action for " + what).contains(r.type());
            double truth = planted.expectedMonthlySavings().doubleValue();
            if (planted.kind() == PlantedKind.UNUSED_COMMITMENT) {
                // The unused dollars are the truth; the saving is the part of them that on-demand usage left after
                // the other actions can absorb (never more), so the same usage does not also size a purchase.
                assertThat((double) r.evidence().inputs().get("monthlyUnused"))
                        .as("unused of " + what)
                        .isCloseTo(truth, within(truth * 0.05));
                assertThat(r.monthlySavings())
                        .as("savings of " + what)
                        .isLessThanOrEqualTo((double) r.evidence().inputs().get("monthlyUnused") + 0.01)
                        .isCloseTo((double) r.evidence().inputs().get("absorbableOnDemandMonthly"), within(0.01));
                continue;
            }
            assertThat(r.monthlySavings()).as("savings of " + what).isCloseTo(truth, within(truth * 0.05));
            if (planted.kind() == PlantedKind.OVER_PROVISIONED) {
                assertThat(r.evidence().inputs().get("targetType"))
                        .as("target of " + what)
                        .isEqualTo(planted.targetInstanceType());
            }
        }
    }
}
