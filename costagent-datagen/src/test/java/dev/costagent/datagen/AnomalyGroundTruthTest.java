package dev.costagent.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.focus.CostRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnomalyGroundTruthTest {

    private static final String RDS = "Amazon Relational Database Service";
    private static final String EC2 = "Amazon Elastic Compute Cloud";
    private static final LocalDate START = LocalDate.of(2024, 9, 1);

    @Test
    void aNamedSpikeDeviatesTheDaysCostByThePlantedAmount() {
        AnomalySpec spike = new AnomalySpec(AnomalyType.SPIKE, "ServiceName", RDS, START.plusDays(20), 1.5);
        GeneratorSpec clean = GeneratorSpec.builder().rows(60_000).build();
        GeneratorSpec planted = clean.toBuilder().anomaly(spike).build();
        BillingGenerator generator = BillingGenerator.of(planted);
        PlantedAnomaly truth = generator.groundTruth().get(0);

        BigDecimal actual = dayCost(generator, "ServiceName", RDS, spike.date());
        BigDecimal expected = dayCost(BillingGenerator.of(clean), "ServiceName", RDS, spike.date());
        assertThat(truth.actualCost()).isEqualByComparingTo(actual);
        assertThat(truth.expectedCost()).isEqualByComparingTo(expected);
        assertThat(truth.impact()).isEqualByComparingTo(actual.subtract(expected));
        // RDS has no commitments, so the whole service moves by the magnitude (up to rounding)
        assertThat(truth.impactRatio()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.001));
        // The spill-over into regions and sub accounts: each dimension sees the same total impact, and a region's
        // entry matches the data.
        for (String dimension : AnomalySpec.DIMENSIONS) {
            BigDecimal total = truth.affected().stream()
                    .filter(v -> v.dimension().equals(dimension))
                    .map(AffectedValue::impact)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(total).as(dimension).isEqualByComparingTo(truth.impact());
        }
        assertThat(truth.affected().get(0))
                .isEqualTo(new AffectedValue("ServiceName", RDS, truth.expectedCost(), truth.actualCost()));
        AffectedValue region = truth.affected().stream()
                .filter(v -> v.dimension().equals("RegionId"))
                .findFirst()
                .orElseThrow();
        assertThat(region.actualCost())
                .isEqualByComparingTo(dayCost(generator, "RegionId", region.value(), spike.date()));
        assertThat(region.expectedCost())
                .isEqualByComparingTo(dayCost(BillingGenerator.of(clean), "RegionId", region.value(), spike.date()));
        // other days are untouched
        assertThat(dayCost(generator, "ServiceName", RDS, spike.date().plusDays(1)))
                .isEqualByComparingTo(dayCost(
                        BillingGenerator.of(clean),
                        "ServiceName",
                        RDS,
                        spike.date().plusDays(1)));
    }

    @Test
    void overlappingAnomaliesEachReportTheirOwnImpact() {
        AnomalySpec shift = new AnomalySpec(AnomalyType.LEVEL_SHIFT, "RegionId", "us-east-1", START.plusDays(15), 0.8);
        AnomalySpec drop = new AnomalySpec(AnomalyType.DROP, "ServiceName", EC2, START.plusDays(20), -0.6);
        GeneratorSpec both = GeneratorSpec.builder()
                .rows(80_000)
                .anomaly(shift)
                .anomaly(drop)
                .build();
        GeneratorSpec shiftOnly =
                GeneratorSpec.builder().rows(80_000).anomaly(shift).build();
        GeneratorSpec none = GeneratorSpec.builder().rows(80_000).build();
        List<PlantedAnomaly> truth = BillingGenerator.of(both).groundTruth();

        PlantedAnomaly dropTruth = truth.get(1);
        assertThat(dropTruth.actualCost())
                .isEqualByComparingTo(dayCost(BillingGenerator.of(both), "ServiceName", EC2, drop.date()));
        assertThat(dropTruth.expectedCost())
                .isEqualByComparingTo(dayCost(BillingGenerator.of(shiftOnly), "ServiceName", EC2, drop.date()));
        assertThat(dropTruth.impact().signum()).isNegative();

        PlantedAnomaly shiftTruth = truth.get(0);
        assertThat(shiftTruth.expectedCost())
                .isEqualByComparingTo(dayCost(BillingGenerator.of(none), "RegionId", "us-east-1", shift.date()));
        assertThat(shiftTruth.impact().signum()).isPositive();
        // a level shift persists
        LocalDate later = shift.date().plusDays(3);
        assertThat(dayCost(BillingGenerator.of(shiftOnly), "RegionId", "us-east-1", later)
                        .doubleValue())
                .isGreaterThan(1.3
                        * dayCost(BillingGenerator.of(none), "RegionId", "us-east-1", later)
                                .doubleValue());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.02, 0.1, 0.2})
    void thirtyFiveRandomAnomaliesAreOnDistinctDaysAndStandWellClearOfTheNoise(double noise) {
        GeneratorSpec spec = GeneratorSpec.builder()
                .seed(11)
                .rows(300_000)
                .days(90)
                .noise(noise)
                .randomAnomalies(35)
                .build();
        BillingGenerator generator = BillingGenerator.of(spec);
        List<PlantedAnomaly> truth = generator.groundTruth();
        assertThat(truth).hasSize(35);

        Set<LocalDate> days = new HashSet<>();
        Map<AnomalyType, Integer> types = new EnumMap<>(AnomalyType.class);
        for (PlantedAnomaly a : truth) {
            assertThat(days.add(a.date())).as("distinct day " + a.date()).isTrue();
            assertThat(a.date()).isAfterOrEqualTo(START.plusDays(AnomalyPlanner.HISTORY_DAYS));
            types.merge(a.type(), 1, Integer::sum);
            assertThat(Math.abs(a.impactRatio())).as(a.toString()).isGreaterThan(0.3);
            assertThat(a.impact().signum()).isEqualTo(a.type() == AnomalyType.DROP ? -1 : 1);
        }
        assertThat(types.keySet()).containsExactlyInAnyOrder(AnomalyType.values());

        // Separation: each impact is many times the value's day-to-day noise, measured on the clean first two weeks
        // as the spread of same-weekday differences.
        Map<String, double[]> series = dailySeries(generator, 90);
        for (PlantedAnomaly a : truth) {
            double[] cost = series.get(a.dimension() + "=" + a.value());
            double sumSquares = 0;
            for (int d = 7; d < AnomalyPlanner.HISTORY_DAYS; d++) {
                double diff = cost[d] - cost[d - 7];
                sumSquares += diff * diff;
            }
            double dayNoise = Math.sqrt(sumSquares / 7 / 2);
            assertThat(Math.abs(a.impact().doubleValue()))
                    .as(a + " vs day noise " + dayNoise)
                    .isGreaterThan(4 * dayNoise);
        }
    }

    @Test
    void tooManyRandomAnomaliesForThePeriodIsAClearError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GeneratorSpec.builder()
                        .rows(20_000)
                        .days(30)
                        .randomAnomalies(20)
                        .generator())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("raise days");
    }

    private static BigDecimal dayCost(BillingGenerator generator, String dimension, String value, LocalDate day) {
        BigDecimal[] sum = {BigDecimal.ZERO};
        generator.forEach(r -> {
            if (r.chargeCategory().equals("Usage")
                    && value.equals(valueOf(r, dimension))
                    && r.chargePeriodStart()
                            .atZone(ZoneOffset.UTC)
                            .toLocalDate()
                            .equals(day)) {
                sum[0] = sum[0].add(r.effectiveCost());
            }
        });
        return sum[0];
    }

    private static Map<String, double[]> dailySeries(BillingGenerator generator, int days) {
        Map<String, double[]> series = new HashMap<>();
        long startDay = START.toEpochDay();
        generator.forEach(r -> {
            if (!r.chargeCategory().equals("Usage")) {
                return;
            }
            int d = (int)
                    (r.chargePeriodStart().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay() - startDay);
            double cost = r.effectiveCost().doubleValue();
            for (String dimension : AnomalySpec.DIMENSIONS) {
                series.computeIfAbsent(dimension + "=" + valueOf(r, dimension), k -> new double[days])[d] += cost;
            }
        });
        return series;
    }

    private static String valueOf(CostRecord r, String dimension) {
        return switch (dimension) {
            case "ServiceName" -> r.serviceName();
            case "SubAccountId" -> r.subAccountId();
            default -> r.regionId();
        };
    }
}
