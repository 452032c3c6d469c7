package dev.costagent.datagen;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.FocusCsvWriter;
import dev.costagent.core.recommend.catalog.InstanceType;
import dev.costagent.datagen.CloudCatalog.Region;
import dev.costagent.datagen.CommitmentPlanner.CommitmentTemplate;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A small fleet of virtual machines and commitments with planted savings opportunities and controls, for testing a
 * recommender against known answers: billing rows (hourly, on demand at list price, so every dollar is traceable),
 * a CPU and memory utilization series per instance over the last 14 days of the period, an inventory
 * ({@code ResourceId,InstanceType}) and the truth ({@link #planted()}).
 *
 * <p>What gets planted, per kind (see {@link PlantedKind} and {@link PlantedResource} for the savings rules):
 * <ul>
 *   <li>IDLE: any size, CPU p95 between 1.5% and 4%;</li>
 *   <li>OVER_PROVISIONED: a size of 4+ vCPU in a family with smaller sizes (not burstable t3), CPU p95 one of
 *       12, 15, 28, 32%, chosen so that no projected p95 lies near the 80% threshold;</li>
 *   <li>UNUSED_COMMITMENT: a commitment (AWS Savings Plan, Azure reservation or Google Cloud CUD) that covers one
 *       healthy production instance (planted as a HEALTHY control) and leaves 40% of itself unused every hour,
 *       with monthly Purchase rows for its fee;</li>
 *   <li>ALWAYS_ON_NON_PRODUCTION: tagged {@code env=dev} or {@code env=test}, running every hour, healthy load;</li>
 *   <li>HEALTHY and UNDER_PROVISIONED controls, tagged {@code env=prod}.</li>
 * </ul>
 * Instances are spread over AWS, Azure and Google Cloud in turn. Everything is deterministic for the seed.
 */
public final class FleetScenario {

    private static final double UNUSED_SHARE = 0.4;
    private static final double[] OVER_PROVISIONED_P95 = {12, 15, 28, 32};
    private static final double[] IDLE_P95 = {1.5, 2.5, 4.0};
    private static final double[] HEALTHY_P95 = {55, 62, 70};
    private static final double[] UNDER_P95 = {86, 92, 97};
    private static final String[] PROVIDERS = {CloudCatalog.AWS, CloudCatalog.AZURE, CloudCatalog.GCP};
    private static final BigDecimal ONE_HOUR = BigDecimal.ONE.setScale(Estate.QUANTITY_SCALE);
    private static final BigDecimal ZERO_COST = BigDecimal.ZERO.setScale(Estate.COST_SCALE);

    private final long seed;
    private final LocalDate start;
    private final int days;
    private final Map<String, Account> accounts = new HashMap<>();
    private final List<Machine> machines = new ArrayList<>();
    private final List<Reservation> reservations = new ArrayList<>();
    private final List<PlantedResource> planted = new ArrayList<>();
    private final List<UtilizationSeries> utilization = new ArrayList<>();

    /** What every row of one provider's fleet repeats: one account (billing and sub), issuer, compute service. */
    private record Account(String id, String billingName, String subName, String issuer, String computeService) {}

    /** One planted instance, with what its hourly rows repeat worked out once. */
    private record Machine(
            String id,
            String name,
            InstanceType type,
            Region region,
            Reservation coveredBy,
            Account account,
            String description,
            String zone,
            String skuId,
            BigDecimal price,
            Map<String, String> tags) {}

    /** One planted commitment. */
    private static final class Reservation {
        String id;
        String name;
        String category;
        String type;
        long coveredEffective10;
        long hourly10;
        long unused10;
        Machine covered;
    }

    private FleetScenario(Builder b) {
        this.seed = b.seed;
        this.start = b.start;
        this.days = b.days;
        for (String provider : PROVIDERS) {
            accounts.put(provider, account(provider));
        }
        UtilizationGenerator utilizationGenerator = UtilizationGenerator.builder()
                .seed(seed)
                .start(start.plusDays(days - 14L).atStartOfDay(ZoneOffset.UTC).toInstant())
                .days(14)
                .build();
        int n = 0;
        for (int i = 0; i < b.idle; i++) {
            plantMachine(
                    n++,
                    PlantedKind.IDLE,
                    UtilizationProfile.IDLE,
                    IDLE_P95[i % IDLE_P95.length],
                    "prod",
                    utilizationGenerator);
        }
        for (int i = 0; i < b.overProvisioned; i++) {
            plantMachine(
                    n++,
                    PlantedKind.OVER_PROVISIONED,
                    UtilizationProfile.OVER_PROVISIONED,
                    OVER_PROVISIONED_P95[i % OVER_PROVISIONED_P95.length],
                    "prod",
                    utilizationGenerator);
        }
        for (int i = 0; i < b.alwaysOnNonProduction; i++) {
            plantMachine(
                    n++,
                    PlantedKind.ALWAYS_ON_NON_PRODUCTION,
                    UtilizationProfile.OPTIMIZED,
                    HEALTHY_P95[i % HEALTHY_P95.length],
                    i % 2 == 0 ? "dev" : "test",
                    utilizationGenerator);
        }
        for (int i = 0; i < b.healthy; i++) {
            plantMachine(
                    n++,
                    PlantedKind.HEALTHY,
                    UtilizationProfile.OPTIMIZED,
                    HEALTHY_P95[i % HEALTHY_P95.length],
                    "prod",
                    utilizationGenerator);
        }
        for (int i = 0; i < b.underProvisioned; i++) {
            plantMachine(
                    n++,
                    PlantedKind.UNDER_PROVISIONED,
                    UtilizationProfile.UNDER_PROVISIONED,
                    UNDER_P95[i % UNDER_P95.length],
                    "prod",
                    utilizationGenerator);
        }
        for (int i = 0; i < b.unusedCommitments; i++) {
            plantCommitment(n++, i, utilizationGenerator);
        }
    }

    /** A builder: seed 42, 30 days from 2024-09-01, nothing planted yet. */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------------------------------------- planting

    private void plantMachine(
            int n,
            PlantedKind kind,
            UtilizationProfile profile,
            double p95,
            String env,
            UtilizationGenerator utilizationGenerator) {
        InstanceType type = pickType(n, kind);
        Machine m = machine(n, type, env, null);
        UtilizationSeries series = utilizationGenerator.series(m.id(), profile, p95);
        double actualP95 = series.cpuPercentile(95);
        String target = null;
        BigDecimal price = InstancePriceList.hourlyPrice(type);
        BigDecimal savings = switch (kind) {
            case IDLE -> price.multiply(PlantedResource.HOURS_PER_MONTH);
            case OVER_PROVISIONED -> {
                InstanceType targetType = rightsizeTarget(
                        type, actualP95, series.memory() == null ? Double.NaN : memoryP95(series.memory()));
                target = targetType.name();
                yield price.subtract(InstancePriceList.hourlyPrice(targetType))
                        .multiply(PlantedResource.HOURS_PER_MONTH);
            }
            case ALWAYS_ON_NON_PRODUCTION -> PlantedResource.scheduleSavings(price);
            default -> BigDecimal.ZERO;
        };
        machines.add(m);
        utilization.add(series);
        planted.add(new PlantedResource(
                m.id(),
                kind,
                InstancePriceList.focusProvider(type),
                type.name(),
                price,
                hours(),
                env,
                profile,
                actualP95,
                target,
                savings));
    }

    private void plantCommitment(int n, int k, UtilizationGenerator utilizationGenerator) {
        String provider = PROVIDERS[k % PROVIDERS.length];
        List<InstanceType> types = InstancePriceList.forProvider(provider);
        InstanceType type = types.get(Dice.below(Dice.hash(seed, 51, n, 0), types.size()));
        // The provider's usual commitment: a Savings Plan, a reservation or a committed use discount.
        CommitmentTemplate offer = CommitmentPlanner.offered(provider).get(0);
        Reservation r = new Reservation();
        r.category = offer.category();
        r.type = offer.type();
        r.id = CommitmentPlanner.commitmentId(
                offer, Dice.hash(seed, 52, k, 0), accounts.get(provider).id(), regionOf(provider));
        r.name = "oversized-commitment-" + (k + 1);
        Machine covered = machine(n, type, "prod", r);
        r.covered = covered;
        r.coveredEffective10 = Math.round(unit10(InstancePriceList.hourlyPrice(type)) * (1.0 - offer.discount()));
        r.hourly10 = Math.round(r.coveredEffective10 / (1.0 - UNUSED_SHARE));
        r.unused10 = r.hourly10 - r.coveredEffective10;
        reservations.add(r);
        machines.add(covered);
        UtilizationSeries series = utilizationGenerator.series(
                covered.id(), UtilizationProfile.OPTIMIZED, HEALTHY_P95[k % HEALTHY_P95.length]);
        utilization.add(series);
        planted.add(new PlantedResource(
                covered.id(),
                PlantedKind.HEALTHY,
                provider,
                type.name(),
                InstancePriceList.hourlyPrice(type),
                hours(),
                "prod",
                UtilizationProfile.OPTIMIZED,
                series.cpuPercentile(95),
                null,
                BigDecimal.ZERO));
        BigDecimal unusedHourly = BigDecimal.valueOf(r.unused10, Estate.COST_SCALE);
        planted.add(new PlantedResource(
                r.id,
                PlantedKind.UNUSED_COMMITMENT,
                provider,
                type.name(),
                unusedHourly,
                hours(),
                null,
                null,
                Double.NaN,
                null,
                unusedHourly.multiply(PlantedResource.HOURS_PER_MONTH)));
    }

    /** Sizes are drawn per provider in turn; over-provisioned machines need a smaller size in a non-burstable family. */
    private InstanceType pickType(int n, PlantedKind kind) {
        String provider = PROVIDERS[n % PROVIDERS.length];
        List<InstanceType> candidates = new ArrayList<>();
        for (InstanceType t : InstancePriceList.forProvider(provider)) {
            boolean fits = kind != PlantedKind.OVER_PROVISIONED
                    || (t.vcpu() >= 4 && !t.family().equals("t3"));
            if (fits) {
                candidates.add(t);
            }
        }
        return candidates.get(Dice.below(Dice.hash(seed, 53, n, 0), candidates.size()));
    }

    /** The smallest size of the family whose projected p95 stays at or below 80%. */
    static InstanceType rightsizeTarget(InstanceType current, double cpuP95) {
        return rightsizeTarget(current, cpuP95, Double.NaN);
    }

    /**
     * The smallest size of the family whose projected CPU p95 stays at or below 80% and, when memory was generated,
     * whose memory holds the memory p95 plus 20% headroom (the recommender's documented rule).
     */
    static InstanceType rightsizeTarget(InstanceType current, double cpuP95, double memoryP95) {
        for (InstanceType candidate : InstancePriceList.family(current.family())) {
            boolean memoryFits =
                    Double.isNaN(memoryP95) || candidate.memoryGib() >= memoryP95 / 100 * current.memoryGib() * 1.2;
            if (cpuP95 * current.vcpu() / candidate.vcpu() <= 80.0 && memoryFits) {
                return candidate;
            }
        }
        return current;
    }

    /** The nearest-rank 95th percentile of memory samples. */
    private static double memoryP95(float[] memory) {
        float[] sorted = memory.clone();
        java.util.Arrays.sort(sorted);
        return sorted[Math.max(1, (int) Math.ceil(0.95 * sorted.length)) - 1];
    }

    private Machine machine(int n, InstanceType type, String env, Reservation coveredBy) {
        String provider = InstancePriceList.focusProvider(type);
        Account account = accounts.get(provider);
        Region region = regionOf(provider);
        long h = Dice.hash(seed, 54, n, 0);
        String team = CloudCatalog.TEAMS.get(Dice.below(Dice.hash(seed, 54, n, 1), CloudCatalog.TEAMS.size()));
        String app = CloudCatalog.APPS.get(Dice.below(Dice.hash(seed, 54, n, 2), CloudCatalog.APPS.size()));
        String name = app + "-" + env + "-" + (n + 1);
        String id = switch (provider) {
            case CloudCatalog.AWS -> "i-0" + Ids.hex(h, 16);
            case CloudCatalog.AZURE ->
                "/subscriptions/" + account.id() + "/resourceGroups/rg-" + team
                        + "/providers/Microsoft.Compute/virtualMachines/" + name;
            default ->
                "//compute.googleapis.com/projects/" + account.id() + "/zones/us-central1-a" + "/instances/" + name;
        };
        String zone = switch (provider) {
            case CloudCatalog.AWS -> region.id() + "a";
            case CloudCatalog.AZURE -> null;
            default -> region.id() + "-a";
        };
        String skuId = type.name().toUpperCase(Locale.ROOT).replace('.', '-');
        BigDecimal price = InstancePriceList.hourlyPrice(type).setScale(Estate.COST_SCALE);
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("env", env);
        tags.put("team", team);
        tags.put("app", app);
        return new Machine(
                id,
                name,
                type,
                region,
                coveredBy,
                account,
                Estate.instanceDescription(type, region),
                zone,
                skuId,
                price,
                Collections.unmodifiableMap(tags));
    }

    private static Region regionOf(String provider) {
        for (Region r : CloudCatalog.REGIONS) {
            if (r.provider().equals(provider)) {
                return r;
            }
        }
        throw new IllegalStateException("no region for " + provider);
    }

    private Account account(String provider) {
        long h = Dice.hash(seed, 55, provider.hashCode(), 0);
        String id = switch (provider) {
            case CloudCatalog.AWS -> Ids.digits(h, 12);
            case CloudCatalog.AZURE -> Ids.uuid(h, Dice.mix(h));
            default -> "fleet-" + Ids.digits(h, 6);
        };
        String subName = "fleet-" + provider.toLowerCase(Locale.ROOT).replace(' ', '-');
        return new Account(id, "Fleet " + provider, subName, CloudCatalog.issuer(provider), computeService(provider));
    }

    private static long unit10(BigDecimal price) {
        return price.setScale(Estate.COST_SCALE, RoundingMode.UNNECESSARY)
                .unscaledValue()
                .longValueExact();
    }

    // ---------------------------------------------------------------------------------------------- outputs

    /** Everything planted, in planting order: its kind, price, hours and expected saving. */
    public List<PlantedResource> planted() {
        return Collections.unmodifiableList(planted);
    }

    /** The planted items of one kind. */
    public List<PlantedResource> planted(PlantedKind kind) {
        return planted.stream().filter(p -> p.kind() == kind).toList();
    }

    /** One utilization series per instance (CPU and memory, 5-minute samples, the period's last 14 days). */
    public List<UtilizationSeries> utilization() {
        return Collections.unmodifiableList(utilization);
    }

    /** Hours of billing data: every planted instance runs all of them. */
    public long hours() {
        return days * 24L;
    }

    /** The number of billing rows {@link #forEach(Consumer)} produces. */
    public long rows() {
        long months = BillingMonths.of(start, days).count();
        return hours() * (machines.size() + reservations.size()) + months * reservations.size();
    }

    /** The non-FOCUS columns of the billing rows. */
    public List<String> extraColumns() {
        return List.of(BillingGenerator.INSTANCE_TYPE_COLUMN);
    }

    /** Passes every billing row to the consumer, hour by hour (monthly fees at each month's first hour). */
    public void forEach(Consumer<? super CostRecord> consumer) {
        BillingMonths months = BillingMonths.of(start, days);
        Instant first = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int h = 0; h < hours(); h++) {
            Instant from = first.plusSeconds(3600L * h);
            Instant to = from.plusSeconds(3600);
            int monthIndex = months.ofHour()[h];
            Instant[] month = {months.start()[monthIndex], months.end()[monthIndex]};
            if (h == 0 || from.equals(month[0])) {
                Instant feeEnd = month[1].isBefore(first.plusSeconds(3600L * hours()))
                        ? month[1]
                        : first.plusSeconds(3600L * hours());
                long feeHours = (feeEnd.getEpochSecond() - from.getEpochSecond()) / 3600;
                for (Reservation r : reservations) {
                    consumer.accept(fee(r, month, from, feeEnd, feeHours));
                }
            }
            for (Machine m : machines) {
                consumer.accept(usage(m, month, from, to));
            }
            for (Reservation r : reservations) {
                consumer.accept(unused(r, month, from, to));
            }
        }
    }

    /** Writes the billing rows as FOCUS CSV. */
    public void writeCsv(Path path) throws IOException {
        try (FocusCsvWriter writer = FocusCsvWriter.open(path, extraColumns())) {
            forEach(writer::write);
        }
    }

    /** Writes the utilization series in long format ({@code ResourceId,Timestamp,Metric,Value}). */
    public void writeUtilizationCsv(Path path) throws IOException {
        UtilizationCsv.writeLong(path, utilization);
    }

    /** Writes the inventory, {@code ResourceId,InstanceType}, one line per instance. */
    public void writeInventoryCsv(Path path) throws IOException {
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            out.write("ResourceId,InstanceType\n");
            for (Machine m : machines) {
                out.write(m.id() + "," + m.type().name() + "\n");
            }
        }
    }

    /** The columns a machine's rows (and its commitment's) share: account, period, provider, region, service. */
    private CostRecord.Builder common(Machine m, Instant[] month, Instant from, Instant to) {
        Account account = m.account();
        return CostRecord.builder()
                .billingAccountId(account.id())
                .billingAccountName(account.billingName())
                .subAccountId(account.id())
                .subAccountName(account.subName())
                .billingCurrency("USD")
                .billingPeriodStart(month[0])
                .billingPeriodEnd(month[1])
                .chargePeriodStart(from)
                .chargePeriodEnd(to)
                .providerName(InstancePriceList.focusProvider(m.type()))
                .publisherName(account.issuer())
                .invoiceIssuerName(account.issuer())
                .regionId(m.region().id())
                .regionName(m.region().name())
                .serviceName(account.computeService())
                .serviceCategory("Compute");
    }

    private static String computeService(String provider) {
        for (CloudCatalog.Service s : CloudCatalog.SERVICES) {
            if (s.provider().equals(provider) && s.metering() == CloudCatalog.Metering.INSTANCE) {
                return s.name();
            }
        }
        throw new IllegalStateException("no compute service for " + provider);
    }

    private CostRecord usage(Machine m, Instant[] month, Instant from, Instant to) {
        BigDecimal price = m.price();
        CostRecord.Builder b = common(m, month, from, to)
                .chargeCategory("Usage")
                .chargeFrequency("Usage-Based")
                .chargeDescription(m.description())
                .availabilityZone(m.zone())
                .resourceId(m.id())
                .resourceName(m.name())
                .resourceType("instance")
                .consumedQuantity(ONE_HOUR)
                .consumedUnit("Hours")
                .pricingQuantity(ONE_HOUR)
                .pricingUnit("Hours")
                .listUnitPrice(price)
                .contractedUnitPrice(price)
                .listCost(price)
                .contractedCost(price)
                .skuId(m.skuId())
                .tags(m.tags())
                .extra(BillingGenerator.INSTANCE_TYPE_COLUMN, m.type().name());
        Reservation r = m.coveredBy();
        if (r == null) {
            return b.pricingCategory("Standard")
                    .billedCost(price)
                    .effectiveCost(price)
                    .build();
        }
        return b.pricingCategory("Committed")
                .billedCost(ZERO_COST)
                .effectiveCost(BigDecimal.valueOf(r.coveredEffective10, Estate.COST_SCALE))
                .commitmentDiscountId(r.id)
                .commitmentDiscountName(r.name)
                .commitmentDiscountCategory(r.category)
                .commitmentDiscountType(r.type)
                .commitmentDiscountStatus("Used")
                .build();
    }

    private CostRecord unused(Reservation r, Instant[] month, Instant from, Instant to) {
        BigDecimal unused = BigDecimal.valueOf(r.unused10, Estate.COST_SCALE);
        return common(r.covered, month, from, to)
                .chargeCategory("Usage")
                .chargeFrequency("Usage-Based")
                .chargeDescription("Unused " + r.type + " commitment " + r.name)
                .pricingCategory("Committed")
                .billedCost(ZERO_COST)
                .effectiveCost(unused)
                .listCost(unused)
                .contractedCost(unused)
                .commitmentDiscountId(r.id)
                .commitmentDiscountName(r.name)
                .commitmentDiscountCategory(r.category)
                .commitmentDiscountType(r.type)
                .commitmentDiscountStatus("Unused")
                .build();
    }

    private CostRecord fee(Reservation r, Instant[] month, Instant from, Instant to, long hours) {
        BigDecimal amount = BigDecimal.valueOf(r.hourly10 * hours, Estate.COST_SCALE);
        return common(r.covered, month, from, to)
                .chargeCategory("Purchase")
                .chargeFrequency("Recurring")
                .chargeDescription(r.type + " " + r.name + " recurring fee, " + hours + " hours")
                .pricingCategory("Committed")
                .billedCost(amount)
                .effectiveCost(ZERO_COST)
                .listCost(amount)
                .contractedCost(amount)
                .resourceId(r.id)
                .resourceName(r.name)
                .commitmentDiscountId(r.id)
                .commitmentDiscountName(r.name)
                .commitmentDiscountCategory(r.category)
                .commitmentDiscountType(r.type)
                .build();
    }

    /** Builds a {@link FleetScenario}. */
    public static final class Builder {
        private long seed = 42;
        private LocalDate start = LocalDate.of(2024, 9, 1);
        private int days = 30;
        private int idle;
        private int overProvisioned;
        private int unusedCommitments;
        private int alwaysOnNonProduction;
        private int healthy;
        private int underProvisioned;

        private Builder() {}

        /** The seed (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The first UTC day of billing data (default 2024-09-01). */
        public Builder start(LocalDate start) {
            this.start = requireNonNull(start, "start");
            return this;
        }

        /** Days of billing data, 14 to 366 (default 30); utilization covers the last 14. */
        public Builder days(int days) {
            this.days = days;
            return this;
        }

        /** Idle instances to plant. */
        public Builder idle(int count) {
            this.idle = count;
            return this;
        }

        /** Over-provisioned instances to plant. */
        public Builder overProvisioned(int count) {
            this.overProvisioned = count;
            return this;
        }

        /** Partly unused commitments to plant (each with one covered healthy instance). */
        public Builder unusedCommitments(int count) {
            this.unusedCommitments = count;
            return this;
        }

        /** Always-on dev/test instances to plant. */
        public Builder alwaysOnNonProduction(int count) {
            this.alwaysOnNonProduction = count;
            return this;
        }

        /** Healthy production controls to plant. */
        public Builder healthy(int count) {
            this.healthy = count;
            return this;
        }

        /** Under-provisioned production controls to plant. */
        public Builder underProvisioned(int count) {
            this.underProvisioned = count;
            return this;
        }

        /** The scenario. */
        public FleetScenario build() {
            if (days < 14 || days > 366) {
                throw new IllegalArgumentException("days must be 14 to 366 (utilization needs 14), got " + days);
            }
            int[] counts = {idle, overProvisioned, unusedCommitments, alwaysOnNonProduction, healthy, underProvisioned};
            int total = 0;
            for (int c : counts) {
                if (c < 0 || c > 1000) {
                    throw new IllegalArgumentException("planted counts must be 0 to 1000, got " + c);
                }
                total += c;
            }
            if (total == 0) {
                throw new IllegalArgumentException("plant at least one resource");
            }
            return new FleetScenario(this);
        }
    }
}
