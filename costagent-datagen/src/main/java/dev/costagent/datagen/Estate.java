package dev.costagent.datagen;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.recommend.catalog.InstanceType;
import dev.costagent.datagen.CloudCatalog.Metering;
import dev.costagent.datagen.CloudCatalog.Region;
import dev.costagent.datagen.CloudCatalog.Service;
import dev.costagent.datagen.CommitmentPlanner.CommitmentTemplate;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated cloud estate behind one {@link GeneratorSpec}: accounts, regions, resources with their prices,
 * commitment discounts, the monthly non-usage charges, the seasonal profile and the resolved anomalies. It is planned
 * once, is immutable afterwards, and {@link RowCursor} walks it hour by hour to produce rows.
 *
 * <p>Row budget: every hour has one Usage row per live resource plus one row per partly unused commitment; each
 * billing month adds purchase, tax, credit and adjustment rows. The resource count is chosen so that the rows add up
 * to the requested number exactly; the last resource runs only some hours, spread evenly over the period, to absorb
 * the remainder.
 */
final class Estate {

    /** Monetary amounts are carried as longs at this decimal scale (1e-10 USD). */
    static final int COST_SCALE = 10;

    static final double COST_UNIT = 1e10;
    /** Quantities are carried as longs at this decimal scale (1e-6 units). */
    static final int QUANTITY_SCALE = 6;

    static final double QUANTITY_UNIT = 1e6;

    /** Share of an instance service's resources that are steady production machines (candidates for commitments). */
    private static final double STEADY_SHARE = 0.4;
    /** Spend weight of rank i is 1 / i^PARETO_EXPONENT. */
    private static final double PARETO_EXPONENT = 1.4;
    /** Working-week services and autoscaled instances swing this much over the day (peak mid-afternoon UTC). */
    private static final double DIURNAL_AMPLITUDE = 0.25;
    /** Flat metered services (storage, clusters) grow this much per day. */
    static final double DAILY_GROWTH = 0.001;
    /** Average running share of an hour for an autoscaled (non-steady) instance. */
    private static final double AUTOSCALED_BASE = 0.75;

    record BillingAccount(String id, String name, String provider, double negotiatedDiscount) {}

    record SubAccount(int index, String id, String name, BillingAccount billingAccount) {}

    /** One resource with everything constant about its rows precomputed. */
    static final class Resource {
        int index;
        int serviceIndex;
        Service service;
        SubAccount subAccount;
        int regionIndex;
        Region region;
        String availabilityZone;
        String id;
        String name;
        InstanceType instanceType;
        String description;
        String unit;
        String issuer;
        String skuId;
        String skuPriceId;
        BigDecimal listUnitPrice;
        BigDecimal contractedUnitPrice;
        long listUnit10;
        long contractedUnit10;
        boolean steady;
        boolean weekdayDriven;
        double baseQuantity;
        /**
         * Rows over the whole period when fewer than one per hour (the last resource absorbs the row-count
         * remainder), 0 for every hour; see {@link #runsAt(int, int)}.
         */
        int sparseRows;

        Map<String, String> tags;
        Map<String, String> extra;
        /**
         * Whether the resource has a row at this hour. A sparse resource's rows are spread evenly over the period
         * (a batch machine), so it adds no step to any daily series, as a late launch would.
         */
        boolean runsAt(int hour, int hours) {
            if (sparseRows == 0) {
                return true;
            }
            return (long) (hour + 1) * sparseRows / hours - (long) hour * sparseRows / hours == 1;
        }

        /** The covering commitment, or null when billed on demand. */
        Commitment commitment;

        long coveredEffective10;

        /** The index of this resource's value in a dimension ({@link Estate#dimensionIndex(String)}). */
        int valueIndex(int dimension) {
            return switch (dimension) {
                case ResolvedAnomaly.SERVICE -> serviceIndex;
                case ResolvedAnomaly.SUB_ACCOUNT -> subAccount.index();
                default -> regionIndex;
            };
        }
    }

    /** One commitment discount (savings plan, reservation, committed use discount). */
    static final class Commitment {
        /** Position in {@link Estate#commitments}, so per-row lookups need no search. */
        int index;

        String id;
        String name;
        String category;
        String type;
        double discount;
        double unusedFraction;
        Service service;
        int serviceIndex;
        SubAccount subAccount;
        Region region;
        int regionIndex;
        final List<Resource> covered = new ArrayList<>();
        String unusedDescription;
        long hourly10;
        long unusedPerHour10;
    }

    /** An anomaly resolved against the estate: which index of which dimension, which day. */
    record ResolvedAnomaly(AnomalySpec spec, int dimension, int valueIndex, int day, double factor) {
        static final int SERVICE = 0;
        static final int SUB_ACCOUNT = 1;
        static final int REGION = 2;

        boolean matches(int serviceIndex, int subAccountIndex, int regionIndex) {
            return switch (dimension) {
                case SERVICE -> serviceIndex == valueIndex;
                case SUB_ACCOUNT -> subAccountIndex == valueIndex;
                default -> regionIndex == valueIndex;
            };
        }

        boolean activeOn(int d) {
            return spec.type() == AnomalyType.LEVEL_SHIFT ? d >= day : d == day;
        }
    }

    final GeneratorSpec spec;
    final long seed;
    final int hours;
    final int days;
    final Instant[] hourStart;
    final int[] monthOfHour;
    final Instant[] periodStart;
    final Instant[] periodEnd;
    final List<Service> services;
    /** Each service's spend weight over its typical resource cost (Pareto by rank), and their sum. */
    private final double[] serviceShare;

    private final double serviceShareTotal;
    final List<Region> regions;
    final List<BillingAccount> billingAccounts;
    final List<SubAccount> subAccounts;
    final Resource[] resources;
    final Commitment[] commitments;
    final Commitment[] unusedCommitments;
    final double[] seasonal;
    final double[][] dayFactor;
    final List<List<CostRecord>> chargesAtHour;
    final List<ResolvedAnomaly> anomalies;
    final ResolvedAnomaly[][] activeByDay;
    final long usageRows;

    private Estate(GeneratorSpec spec) {
        this.spec = spec;
        this.seed = spec.seed();
        this.days = spec.days();
        this.hours = days * 24;
        this.hourStart = new Instant[hours + 1];
        Instant first = spec.start().atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int h = 0; h <= hours; h++) {
            hourStart[h] = first.plusSeconds(3600L * h);
        }
        BillingMonths billingMonths = BillingMonths.of(spec.start(), days);
        this.monthOfHour = billingMonths.ofHour();
        this.periodStart = billingMonths.start();
        this.periodEnd = billingMonths.end();

        this.services = chooseServices(spec);
        this.serviceShare = serviceShares(services);
        double shareTotal = 0;
        for (double share : serviceShare) {
            shareTotal += share;
        }
        this.serviceShareTotal = shareTotal;
        this.regions = chooseRegions(spec);
        this.billingAccounts = new ArrayList<>();
        this.subAccounts = new ArrayList<>();
        planAccounts();
        this.seasonal = seasonalProfile(spec, hours);
        this.dayFactor = dayFactors();

        // Row budget.
        int months = periodStart.length;
        long rows = spec.rows();
        long budget = rows / 5;
        long tax = (long) subAccounts.size() * months;
        long credit = (long) billingAccounts.size() * months;
        boolean withTax = tax <= budget;
        boolean withCredits = withTax && tax + credit <= budget;
        boolean withAdjustments = withCredits && tax + 2 * credit <= budget;
        long fixedCharges = (withTax ? tax : 0) + (withCredits ? credit : 0) + (withAdjustments ? credit : 0);

        CommitmentPlanner commitmentPlanner = new CommitmentPlanner(this);
        List<CommitmentTemplate> wanted = commitmentPlanner.wanted(rows, fixedCharges, months);
        long fewestResources = ceilDiv(rows - fixedCharges - commitmentPlanner.rows(wanted, months), hours);
        List<CommitmentTemplate> templates = commitmentPlanner.feasible(wanted, fewestResources);
        this.usageRows = rows - fixedCharges - commitmentPlanner.rows(templates, months);
        int resourceCount = (int) ceilDiv(usageRows, hours);
        this.resources = planResources(resourceCount);
        int rowsOfLast = (int) (usageRows - (long) (resourceCount - 1) * hours);
        resources[resourceCount - 1].sparseRows = rowsOfLast == hours ? 0 : rowsOfLast;

        this.commitments = commitmentPlanner.plan(templates);
        List<Commitment> unused = new ArrayList<>();
        for (Commitment c : commitments) {
            if (c.unusedFraction > 0) {
                unused.add(c);
            }
        }
        this.unusedCommitments = unused.toArray(Commitment[]::new);
        this.chargesAtHour = new MonthlyCharges(this).plan(withTax, withCredits, withAdjustments);
        this.anomalies = resolveAnomalies();
        this.activeByDay = new ResolvedAnomaly[days][];
        for (int d = 0; d < days; d++) {
            List<ResolvedAnomaly> active = new ArrayList<>();
            for (ResolvedAnomaly a : anomalies) {
                if (a.activeOn(d)) {
                    active.add(a);
                }
            }
            activeByDay[d] = active.toArray(ResolvedAnomaly[]::new);
        }
    }

    /** Plans the estate for a spec. */
    static Estate plan(GeneratorSpec spec) {
        return new Estate(spec);
    }

    // ---------------------------------------------------------------------------------------------- structure

    private static List<Service> chooseServices(GeneratorSpec spec) {
        List<Service> result = new ArrayList<>();
        for (Service s : CloudCatalog.SERVICES) {
            if (spec.providers().contains(s.provider()) && result.size() < spec.services()) {
                result.add(s);
            }
        }
        return result;
    }

    private static double[] serviceShares(List<Service> services) {
        double[] share = new double[services.size()];
        for (int i = 0; i < share.length; i++) {
            share[i] = StrictMath.pow(i + 1, -PARETO_EXPONENT) / services.get(i).typicalHourlyCost();
        }
        return share;
    }

    private static List<Region> chooseRegions(GeneratorSpec spec) {
        List<Region> result = new ArrayList<>();
        for (String provider : spec.providers()) {
            int taken = 0;
            for (Region r : CloudCatalog.REGIONS) {
                if (r.provider().equals(provider) && taken < spec.regionsPerProvider()) {
                    result.add(r);
                    taken++;
                }
            }
        }
        return result;
    }

    private void planAccounts() {
        List<String> providers = spec.providers();
        for (int i = 0; i < spec.billingAccounts(); i++) {
            String provider = providers.get(i % providers.size());
            long h = Dice.hash(seed, 11, i, 0);
            String id;
            String name = "Acme " + provider + (i < providers.size() ? "" : " " + (i / providers.size() + 1));
            double discount;
            switch (provider) {
                case CloudCatalog.AWS -> {
                    id = Ids.digits(h, 12);
                    discount = 0.05;
                }
                case CloudCatalog.AZURE -> {
                    id = Ids.digits(h, 8);
                    discount = 0.0;
                }
                default -> {
                    String hex = Ids.hex(h, 18).toUpperCase();
                    id = hex.substring(0, 6) + "-" + hex.substring(6, 12) + "-" + hex.substring(12, 18);
                    discount = 0.03;
                }
            }
            billingAccounts.add(new BillingAccount(id, name, provider, discount));
        }
        for (int k = 0; k < spec.subAccounts(); k++) {
            BillingAccount ba = billingAccounts.get(k % billingAccounts.size());
            long h = Dice.hash(seed, 12, k, 0);
            String team = CloudCatalog.TEAMS.get(k % CloudCatalog.TEAMS.size());
            String env = (k / CloudCatalog.TEAMS.size()) % 2 == 0 ? "prod" : "nonprod";
            String name = team + "-" + env + (k < 2 * CloudCatalog.TEAMS.size() ? "" : "-" + k);
            String id = switch (ba.provider()) {
                case CloudCatalog.AWS -> Ids.digits(h, 12);
                case CloudCatalog.AZURE -> Ids.uuid(h, Dice.mix(h));
                default -> name + "-" + Ids.digits(h, 6);
            };
            subAccounts.add(new SubAccount(k, id, name, ba));
        }
    }

    private static double[] seasonalProfile(GeneratorSpec spec, int hours) {
        double[] profile = new double[hours];
        for (int h = 0; h < hours; h++) {
            DayOfWeek dow = spec.start().plusDays(h / 24).getDayOfWeek();
            boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
            double diurnal = 1.0 + DIURNAL_AMPLITUDE * StrictMath.cos(2 * Math.PI * ((h % 24) - 15) / 24.0);
            profile[h] = (weekend ? spec.weekendFactor() : 1.0) * diurnal;
        }
        return profile;
    }

    private double[][] dayFactors() {
        double[][] factors = new double[services.size()][days];
        for (int s = 0; s < services.size(); s++) {
            for (int d = 0; d < days; d++) {
                factors[s][d] = 1.0 + 0.5 * spec.noise() * Dice.gaussian(Dice.hash(seed, 13, s, d));
            }
        }
        return factors;
    }

    // ---------------------------------------------------------------------------------------------- resources

    /** Resource counts per service: spend weight over typical resource cost, floors first, remainders by rank. */
    private int[] resourceCounts(long resourceCount) {
        int[] counts = new int[services.size()];
        long assigned = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = shareFloor(i, resourceCount);
            assigned += counts[i];
        }
        for (int i = 0; assigned < resourceCount; i = (i + 1) % counts.length) {
            counts[i]++;
            assigned++;
        }
        return counts;
    }

    /** Steady production instances per service; a lower bound that only grows with the resource count. */
    int steadyCount(int serviceIndex, long resourceCount) {
        if (services.get(serviceIndex).metering() != Metering.INSTANCE) {
            return 0;
        }
        return (int) Math.floor(STEADY_SHARE * shareFloor(serviceIndex, resourceCount));
    }

    /** A service's whole share of the resource count, rounded down. */
    private int shareFloor(int serviceIndex, long resourceCount) {
        return (int) Math.floor(resourceCount * serviceShare[serviceIndex] / serviceShareTotal);
    }

    private Resource[] planResources(int count) {
        int[] perService = resourceCounts(count);
        Resource[] result = new Resource[count];
        int index = 0;
        for (int s = 0; s < perService.length; s++) {
            int steady = steadyCount(s, count);
            for (int k = 0; k < perService[s]; k++) {
                result[index] = planResource(index, s, k < steady);
                index++;
            }
        }
        return result;
    }

    private Resource planResource(int index, int serviceIndex, boolean steadyInstance) {
        Service service = services.get(serviceIndex);
        Resource r = new Resource();
        r.index = index;
        r.serviceIndex = serviceIndex;
        r.service = service;
        r.subAccount = pickSubAccount(service.provider(), Dice.hash(seed, 21, index, 1));
        r.regionIndex = pickRegion(service.provider(), Dice.hash(seed, 21, index, 2));
        r.region = regions.get(r.regionIndex);
        long idHash = Dice.hash(seed, 21, index, 3);
        String env = steadyInstance ? "prod" : pickEnv(Dice.uniform(Dice.hash(seed, 21, index, 4)));
        String team = CloudCatalog.TEAMS.get(Dice.below(Dice.hash(seed, 21, index, 5), CloudCatalog.TEAMS.size()));
        String app = CloudCatalog.APPS.get(Dice.below(Dice.hash(seed, 21, index, 6), CloudCatalog.APPS.size()));
        r.name = app + "-" + env + "-" + Ids.hex(idHash, 4);
        r.availabilityZone = zone(r.region, Dice.below(Dice.hash(seed, 21, index, 7), 3));
        r.id = resourceId(service, r, idHash);
        r.issuer = CloudCatalog.issuer(service.provider());
        BillingAccount ba = r.subAccount.billingAccount();
        BigDecimal listPrice;
        Map<String, String> extra = new LinkedHashMap<>();
        if (service.metering() == Metering.INSTANCE) {
            List<InstanceType> types = InstancePriceList.forProvider(service.provider());
            InstanceType type = types.get(Dice.below(Dice.hash(seed, 21, index, 8), types.size()));
            r.instanceType = type;
            listPrice = InstancePriceList.hourlyPrice(type);
            r.description = instanceDescription(type, r.region);
            r.unit = "Hours";
            r.steady = steadyInstance;
            r.weekdayDriven = !steadyInstance;
            r.baseQuantity = steadyInstance ? 1.0 : AUTOSCALED_BASE;
            extra.put(BillingGenerator.INSTANCE_TYPE_COLUMN, type.name());
            r.skuId = Ids.skuId(service.token() + type.name() + r.region.id());
        } else {
            listPrice = new BigDecimal(service.unitPrice());
            r.description = service.description();
            r.unit = service.unit();
            r.steady = !service.weekdayDriven();
            r.weekdayDriven = service.weekdayDriven();
            double hourlyCost =
                    service.typicalHourlyCost() * StrictMath.exp(0.8 * Dice.gaussian(Dice.hash(seed, 21, index, 9)));
            r.baseQuantity = hourlyCost / listPrice.doubleValue();
            r.skuId = Ids.skuId(service.token() + r.region.id());
        }
        r.skuPriceId = r.skuId + "." + Ids.skuId(r.skuId + "price").substring(0, 10);
        r.listUnitPrice = listPrice.setScale(COST_SCALE);
        r.listUnit10 = r.listUnitPrice.unscaledValue().longValueExact();
        r.contractedUnit10 = Math.round(r.listUnit10 * (1.0 - ba.negotiatedDiscount()));
        r.contractedUnitPrice = BigDecimal.valueOf(r.contractedUnit10, COST_SCALE);
        Map<String, String> tags = new LinkedHashMap<>();
        if (Dice.uniform(Dice.hash(seed, 21, index, 10)) < spec.tagCoverage()) {
            tags.put("env", env);
            tags.put("team", team);
            tags.put("app", app);
        }
        r.tags = Collections.unmodifiableMap(tags);
        r.extra = Collections.unmodifiableMap(extra);
        return r;
    }

    private SubAccount pickSubAccount(String provider, long hash) {
        List<SubAccount> own = new ArrayList<>();
        for (SubAccount s : subAccounts) {
            if (s.billingAccount().provider().equals(provider)) {
                own.add(s);
            }
        }
        return own.get(paretoPick(own.size(), Dice.uniform(hash)));
    }

    private int pickRegion(String provider, long hash) {
        List<Integer> own = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            if (regions.get(i).provider().equals(provider)) {
                own.add(i);
            }
        }
        return own.get(paretoPick(own.size(), Dice.uniform(hash)));
    }

    /** Picks 0..n-1 with weight 1/(i+1): the first accounts and regions carry most of the spend. */
    private static int paretoPick(int n, double u) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += 1.0 / (i + 1);
        }
        double x = u * total;
        for (int i = 0; i < n; i++) {
            x -= 1.0 / (i + 1);
            if (x < 0) {
                return i;
            }
        }
        return n - 1;
    }

    private static String pickEnv(double u) {
        if (u < 0.45) {
            return "prod";
        } else if (u < 0.70) {
            return "dev";
        } else if (u < 0.85) {
            return "staging";
        }
        return "test";
    }

    private static String zone(Region region, int k) {
        return switch (region.provider()) {
            case CloudCatalog.AWS -> region.id() + (char) ('a' + k);
            case CloudCatalog.GCP -> region.id() + "-" + (char) ('a' + k);
            default -> null;
        };
    }

    private static String resourceId(Service service, Resource r, long h) {
        String sub = r.subAccount.id();
        return switch (service.provider()) {
            case CloudCatalog.AWS ->
                service.metering() == Metering.INSTANCE
                        ? "i-0" + Ids.hex(h, 16)
                        : "arn:aws:" + service.token() + ":" + r.region.id() + ":" + sub + ":" + service.resourceType()
                                + "/" + r.name;
            case CloudCatalog.AZURE ->
                "/subscriptions/" + sub + "/resourceGroups/rg-" + r.name.substring(0, r.name.indexOf('-'))
                        + "/providers/Microsoft." + service.token() + "/" + service.resourceType()
                        + "/" + r.name;
            default ->
                "//" + service.token() + ".googleapis.com/projects/" + sub + "/" + service.resourceType() + "/"
                        + r.name;
        };
    }

    static String instanceDescription(InstanceType type, Region region) {
        String price = InstancePriceList.hourlyPrice(type).stripTrailingZeros().toPlainString();
        return switch (InstancePriceList.focusProvider(type)) {
            case CloudCatalog.AWS -> "$" + price + " per On Demand Linux " + type.name() + " Instance Hour";
            case CloudCatalog.AZURE -> type.name() + " Linux virtual machine, pay-as-you-go, " + region.name();
            default -> type.name() + " instance running Linux in " + region.id();
        };
    }

    // ---------------------------------------------------------------------------------------------- anomalies

    private List<ResolvedAnomaly> resolveAnomalies() {
        List<ResolvedAnomaly> result = new ArrayList<>();
        for (AnomalySpec a : spec.anomalies()) {
            result.add(resolve(a));
        }
        if (spec.randomAnomalies() > 0) {
            for (AnomalySpec a : AnomalyPlanner.plan(this, spec.randomAnomalies(), result)) {
                result.add(resolve(a));
            }
        }
        return List.copyOf(result);
    }

    private ResolvedAnomaly resolve(AnomalySpec a) {
        List<String> values = dimensionValues(a.dimension());
        int index = values.indexOf(a.value());
        if (index < 0) {
            throw new IllegalArgumentException("anomaly value " + a.value() + " is not a generated " + a.dimension()
                    + "; generated values: " + values);
        }
        int day = (int) (a.date().toEpochDay() - spec.start().toEpochDay());
        return new ResolvedAnomaly(a, dimensionIndex(a.dimension()), index, day, a.factor());
    }

    /** A dimension's index ({@link ResolvedAnomaly#SERVICE}, {@code SUB_ACCOUNT} or {@code REGION}) by its name. */
    static int dimensionIndex(String dimension) {
        return switch (dimension) {
            case "ServiceName" -> ResolvedAnomaly.SERVICE;
            case "SubAccountId" -> ResolvedAnomaly.SUB_ACCOUNT;
            case "RegionId" -> ResolvedAnomaly.REGION;
            default ->
                throw new IllegalArgumentException(
                        "dimension " + dimension + " is not one of " + AnomalySpec.DIMENSIONS);
        };
    }

    /** The values of a dimension in index order: service names, sub account ids or region ids. */
    List<String> dimensionValues(String dimension) {
        List<String> values = new ArrayList<>();
        switch (dimensionIndex(dimension)) {
            case ResolvedAnomaly.SERVICE -> services.forEach(s -> values.add(s.name()));
            case ResolvedAnomaly.SUB_ACCOUNT -> subAccounts.forEach(s -> values.add(s.id()));
            default -> regions.forEach(r -> values.add(r.id()));
        }
        return values;
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
